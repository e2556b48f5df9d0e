package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Uppy's routes: off by default, served when enabled, and a bad path stops the start-up. */
class PresignUppyAutoConfigurationTest {
  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PresignAutoConfiguration.class, PresignWebAutoConfiguration.class));

  @Test
  void uppy_offByDefault_noRoutes() {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues(
            "presign.bucket=my-bucket",
            "presign.region=eu-west-1",
            "presign.policy.allowed-content-types=image/png")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(dev.presign.UppyS3Handler.class));
  }

  @Test
  void uppy_enabled_servesTheHandler() {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues(
            "presign.bucket=my-bucket",
            "presign.region=eu-west-1",
            "presign.policy.allowed-content-types=image/png",
            "presign.uppy.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(dev.presign.UppyS3Handler.class)
                    .hasBean("presignUppyRoutes"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"uppy", "/uppy/", "/", "/up py", "/up*", "/a//b", "/{x}"})
  void uppy_badPath_stopsTheStartUpNamingTheProperty(String path) {
    web.withConfiguration(AutoConfigurations.of(PresignUppyAutoConfiguration.class))
        .withPropertyValues(
            "presign.bucket=my-bucket",
            "presign.region=eu-west-1",
            "presign.policy.allowed-content-types=image/png",
            "presign.uppy.enabled=true",
            "presign.uppy.path=" + path)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("presign.uppy.path must be a path such as /uppy"));
  }
}
