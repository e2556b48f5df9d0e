package dev.presign.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link PresignConfigurationException} into Spring Boot's "APPLICATION FAILED TO START"
 * report.
 */
public final class PresignFailureAnalyzer
    extends AbstractFailureAnalyzer<PresignConfigurationException> {

  /** Creates the analyzer; Spring Boot calls it. */
  public PresignFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PresignConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
