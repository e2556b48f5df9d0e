package dev.presign.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.spring.PresignAutoConfiguration;
import dev.presign.spring.PresignProperties;
import dev.presign.spring.PresignVerifierAutoConfiguration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureScenarioTest {
  private static final String SHORT_KEY =
      Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({PresignAutoConfiguration.class, PresignVerifierAutoConfiguration.class})
  static class App {}

  @Test
  void shortTicketKey_startUpReport_namesThePropertyAndTheFix_notTheKey(CapturedOutput output) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties(
                "presign.bucket=uploads",
                "presign.region=eu-west-1",
                "presign.policy.allowed-content-types=image/png",
                "presign.verifier.ticket-key=" + SHORT_KEY);

    assertThatThrownBy(app::run).hasRootCauseInstanceOf(PresignConfigurationException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains(
            "presign.verifier.ticket-key must be base64 of at least 32 secret random bytes "
                + "(e.g. from `openssl rand -base64 32`): it decodes to 16 bytes")
        .contains("Set presign.verifier.ticket-key to the output of `openssl rand -base64 32`")
        .doesNotContain(SHORT_KEY);
  }

  @Test
  void noRegionAnywhere_isRefusedWithTheFix() {
    PresignProperties properties = new PresignProperties();
    properties.setBucket("uploads");
    properties.getPolicy().setAllowedContentTypes(List.of("image/png"));

    assertThatThrownBy(
            () ->
                IssuerFactory.issuer(
                    properties,
                    AnonymousCredentialsProvider.create(),
                    null,
                    () -> {
                      throw SdkClientException.create(
                          "Unable to load region from any of the providers in the chain");
                    }))
        .isInstanceOf(PresignConfigurationException.class)
        .hasMessageStartingWith("presign.region is not set, the application has no Region bean")
        .satisfies(
            e ->
                assertThat(((PresignConfigurationException) e).action())
                    .isEqualTo("Set presign.region to the bucket's region, e.g. eu-west-1."));
  }

  @Test
  void analyzer_reportsMessageAndAction() {
    PresignConfigurationException failure =
        new PresignConfigurationException("what is wrong", "how to fix", null);

    var analysis =
        new PresignFailureAnalyzer().analyze(new IllegalStateException("wrapper", failure));

    assertThat(analysis.getDescription()).isEqualTo("what is wrong");
    assertThat(analysis.getAction()).isEqualTo("how to fix");
  }
}
