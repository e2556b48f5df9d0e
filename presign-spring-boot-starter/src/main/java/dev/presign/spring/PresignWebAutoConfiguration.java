package dev.presign.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * Registers {@link PresignProblemHandler} in web applications unless {@code
 * presign.errors.enabled=false}.
 */
@AutoConfiguration(after = PresignAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(ProblemDetail.class)
@ConditionalOnProperty(
    prefix = "presign.errors",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class PresignWebAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public PresignWebAutoConfiguration() {}

  /**
   * The exception handler.
   *
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  public PresignProblemHandler presignProblemHandler() {
    return new PresignProblemHandler();
  }
}
