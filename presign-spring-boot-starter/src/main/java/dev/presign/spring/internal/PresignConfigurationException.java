package dev.presign.spring.internal;

import org.jspecify.annotations.Nullable;

/**
 * A {@code presign.*} property is missing or invalid. The message names the property and what is
 * wrong with it, never a key's value; {@link #action()} says how to fix it. Spring Boot's start-up
 * report shows both.
 */
public final class PresignConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** How to fix it; part of the serialized form. */
  private final String action;

  /**
   * Creates the exception.
   *
   * @param message the property and what is wrong with it
   * @param action how to fix it
   * @param cause the underlying failure, or null
   */
  public PresignConfigurationException(String message, String action, @Nullable Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /** {@return how to fix it} */
  public String action() {
    return action;
  }
}
