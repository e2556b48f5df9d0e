package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignException;
import dev.presign.test.S3TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.ProblemDetail;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class PresignWebAndHealthAutoConfigurationTest {
  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PresignAutoConfiguration.class, PresignWebAutoConfiguration.class));

  private ApplicationContextRunner health(AwsCredentialsProvider credentials) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PresignAutoConfiguration.class, PresignHealthAutoConfiguration.class))
        .withBean(AwsCredentialsProvider.class, () -> credentials)
        .withPropertyValues("presign.bucket=" + store.bucket(), "presign.region=" + store.region().id(),
            "presign.endpoint=" + store.endpoint(), "presign.path-style=true",
            "presign.policy.allowed-content-types=image/png");
  }

  @Test
  void errors_onByDefaultInAWebApp() {
    web.run(context -> assertThat(context).hasSingleBean(PresignProblemHandler.class));
  }

  @Test
  void errors_switchedOff_noHandler() {
    web.withPropertyValues("presign.errors.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_notAWebApp_noHandler() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PresignWebAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_withoutSpringWebsProblemDetail_noHandler() {
    web.withClassLoader(new FilteredClassLoader(ProblemDetail.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_appsOwnHandler_replacesPresigns() {
    PresignProblemHandler own = new PresignProblemHandler();
    web.withBean("ownHandler", PresignProblemHandler.class, () -> own)
        .run(context -> assertThat(context.getBean(PresignProblemHandler.class)).isSameAs(own));
  }

  @ParameterizedTest
  @CsvSource({
      "POLICY_VIOLATION, 400",
      "NOT_FOUND, 404",
      "STORE_UNSUPPORTED, 501",
      "STORE_REFUSED, 502",
      "STORE_INCONSISTENT, 502",
      "CREDENTIALS_UNAVAILABLE, 503",
      "CREDENTIALS_EXPIRING, 503",
      "STORE_UNREACHABLE, 503"})
  void statusOf_eachKind(PresignException.Kind kind, int status) {
    assertThat(PresignProblemHandler.statusOf(kind).value()).isEqualTo(status);
  }

  @Test
  void presignFailure_sendsTheKindButNotTheBackendsMessage() {
    ProblemDetail problem = new PresignProblemHandler().presignFailure(new PresignException(
        PresignException.Kind.STORE_REFUSED, "S3 refused HeadObject: AccessDenied (HTTP 403)")).getBody();

    assertThat(problem).isNotNull();
    assertThat(problem.getStatus()).isEqualTo(502);
    assertThat(problem.getProperties()).containsEntry("reason", "STORE_REFUSED");
    assertThat(problem.getDetail()).isEqualTo("The file store refused the request.").doesNotContain("AccessDenied");
  }

  @Test
  void health_offByDefault() {
    health(store.credentialsProvider()).run(context -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
  }

  @Test
  void health_enabled_isUpWhenTheRoundTripWorks_andLeavesNothing() {
    health(store.credentialsProvider()).withPropertyValues("presign.health.enabled=true").run(context -> {
      Health result = context.getBean("presignHealthIndicator", HealthIndicator.class).health();

      assertThat(result.getStatus()).isEqualTo(Status.UP);
      assertThat(result.getDetails()).containsEntry("bucket", store.bucket()).containsKeys("PUT", "GET", "DELETE");
      assertThat(store.keys()).isEmpty();
    });
  }

  @Test
  void health_enabled_isDownWithS3sCodeWhenTheCredentialsAreWrong() {
    AwsCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAWRONG00000000001",
        "wrong/secret/key/0123456789abcdefghijklmn"));
    health(wrong).withPropertyValues("presign.health.enabled=true").run(context -> {
      Health result = context.getBean("presignHealthIndicator", HealthIndicator.class).health();

      assertThat(result.getStatus()).isEqualTo(Status.DOWN);
      assertThat(String.valueOf(result.getDetails().get("PUT"))).contains("403");
      assertThat(result.getDetails().toString()).doesNotContain("X-Amz-Signature", "wrong/secret");
      assertThat(store.keys()).isEmpty();
    });
  }

  @Test
  void health_enabledWithoutIssuer_noIndicator() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PresignAutoConfiguration.class, PresignHealthAutoConfiguration.class))
        .withPropertyValues("presign.health.enabled=true")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PresignHealthIndicator.class));
  }

  @Test
  void health_withoutSpringBootHealth_noIndicator() {
    health(store.credentialsProvider()).withPropertyValues("presign.health.enabled=true")
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("presignHealthIndicator"));
  }

  @Test
  void uppy_offByDefault_noRoutes() {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues("presign.bucket=my-bucket", "presign.region=eu-west-1", "presign.policy.allowed-content-types=image/png")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(dev.presign.UppyS3Handler.class));
  }

  @Test
  void uppy_enabled_servesTheHandler() {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues("presign.bucket=my-bucket", "presign.region=eu-west-1", "presign.policy.allowed-content-types=image/png",
            "presign.uppy.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(dev.presign.UppyS3Handler.class).hasBean("presignUppyRoutes"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"uppy", "/uppy/", "/", "/up py", "/up*", "/a//b", "/{x}"})
  void uppy_badPath_stopsTheStartUpNamingTheProperty(String path) {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues("presign.bucket=my-bucket", "presign.region=eu-west-1", "presign.policy.allowed-content-types=image/png",
            "presign.uppy.enabled=true", "presign.uppy.path=" + path)
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("presign.uppy.path must be a path such as /uppy"));
  }
}
