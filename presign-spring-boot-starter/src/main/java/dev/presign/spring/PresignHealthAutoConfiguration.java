package dev.presign.spring;

import dev.presign.UploadUrlIssuer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link PresignHealthIndicator} as the {@code presign} health contributor when {@code
 * presign.health.enabled=true}, Spring Boot's health support is present and there is an issuer.
 */
@AutoConfiguration(after = PresignAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(prefix = "presign.health", name = "enabled", havingValue = "true")
public class PresignHealthAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public PresignHealthAutoConfiguration() {}

  /**
   * The health indicator, named {@code presign}.
   *
   * @param issuer the issuer
   * @return the indicator
   */
  @Bean(name = "presignHealthIndicator")
  @ConditionalOnMissingBean(name = "presignHealthIndicator")
  @ConditionalOnBean(UploadUrlIssuer.class)
  public PresignHealthIndicator presignHealthIndicator(UploadUrlIssuer issuer) {
    return new PresignHealthIndicator(issuer);
  }
}
