package dev.presign.spring;

import dev.presign.UploadUrlIssuer;
import dev.presign.spring.internal.IssuerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Creates the {@link UploadUrlIssuer} bean from {@code presign.*} when {@code presign.bucket} is
 * set and the application has no issuer of its own.
 *
 * <p>Credentials come from the application's own {@link AwsCredentialsProvider} bean when it has
 * one (as with Spring Cloud AWS), else from the AWS SDK's default chain; the region from {@code
 * presign.region}, else the application's {@link Region} bean, else the store profile's, else the
 * SDK's default region chain.
 */
@AutoConfiguration
@EnableConfigurationProperties(PresignProperties.class)
public class PresignAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public PresignAutoConfiguration() {}

  /**
   * The issuer.
   *
   * @param properties the {@code presign.*} properties
   * @param credentials the application's credentials provider, if it has one
   * @param region the application's region, if it has one
   * @return the immutable, thread-safe issuer
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "presign", name = "bucket")
  public UploadUrlIssuer presignUploadUrlIssuer(
      PresignProperties properties,
      ObjectProvider<AwsCredentialsProvider> credentials,
      ObjectProvider<Region> region) {
    return IssuerFactory.issuer(
        properties,
        credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build()),
        region.getIfAvailable(),
        new DefaultAwsRegionProviderChain());
  }
}
