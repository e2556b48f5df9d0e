package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.test.S3TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The "presign" health indicator: off by default, and what it reports from the self-test's round
 * trip.
 */
class PresignHealthAutoConfigurationTest {
  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  private ApplicationContextRunner health(AwsCredentialsProvider credentials) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PresignAutoConfiguration.class, PresignHealthAutoConfiguration.class))
        .withBean(AwsCredentialsProvider.class, () -> credentials)
        .withPropertyValues(
            "presign.bucket=" + store.bucket(),
            "presign.region=" + store.region().id(),
            "presign.endpoint=" + store.endpoint(),
            "presign.path-style=true",
            "presign.policy.allowed-content-types=image/png");
  }

  @Test
  void health_offByDefault() {
    health(store.credentialsProvider())
        .run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
  }

  @Test
  void health_enabled_isUpWhenTheRoundTripWorks_andLeavesNothing() {
    health(store.credentialsProvider())
        .withPropertyValues("presign.health.enabled=true")
        .run(
            context -> {
              Health result =
                  context.getBean("presignHealthIndicator", HealthIndicator.class).health();

              assertThat(result.getStatus()).isEqualTo(Status.UP);
              assertThat(result.getDetails())
                  .containsEntry("bucket", store.bucket())
                  .containsKeys("PUT", "GET", "DELETE");
              assertThat(store.keys()).isEmpty();
            });
  }

  @Test
  void health_enabled_isDownWithS3sCodeWhenTheCredentialsAreWrong() {
    AwsCredentialsProvider wrong =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(
                "AKIAWRONG00000000001", "wrong/secret/key/0123456789abcdefghijklmn"));
    health(wrong)
        .withPropertyValues("presign.health.enabled=true")
        .run(
            context -> {
              Health result =
                  context.getBean("presignHealthIndicator", HealthIndicator.class).health();

              assertThat(result.getStatus()).isEqualTo(Status.DOWN);
              assertThat(String.valueOf(result.getDetails().get("PUT"))).contains("403");
              assertThat(result.getDetails().toString())
                  .doesNotContain("X-Amz-Signature", "wrong/secret");
              assertThat(store.keys()).isEmpty();
            });
  }

  @Test
  void health_enabledWithoutIssuer_noIndicator() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PresignAutoConfiguration.class, PresignHealthAutoConfiguration.class))
        .withPropertyValues("presign.health.enabled=true")
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(PresignHealthIndicator.class));
  }

  @Test
  void health_withoutSpringBootHealth_noIndicator() {
    health(store.credentialsProvider())
        .withPropertyValues("presign.health.enabled=true")
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean("presignHealthIndicator"));
  }
}
