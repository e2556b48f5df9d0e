package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Coverage-guided fuzzing of header canonicalization: any header value (TABs, runs of whitespace,
 * other controls, any script) is signed exactly as the AWS SDK's own signer signs it. A normal
 * build replays the inputs checked in under src/test/resources.
 */
class SigV4SignerHeaderFuzzTest {
  private static final S3Addressing ADDRESSING =
      S3Addressing.of(Region.EU_WEST_1, null, false, "bucket-1");

  @FuzzTest(maxDuration = "2m")
  void signer_anyHeaderValue_signsItAsTheSdkDoes(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();
    // Header values are text on one line: the SDK refuses what HTTP cannot carry, and so do
    // presign's callers.
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != 0x0b && c != '\f')
        || value.indexOf('\u007f') >= 0) {
      return;
    }
    SigningRequest request =
        new SigningRequest(
            "PUT",
            "bucket-1",
            "k",
            Map.of("x-amz-meta-note", value),
            Map.of(),
            1_764_000_000L,
            900,
            AwsBasicCredentials.create("AKIAX", "secret"));

    assertThat(
            SigV4SignerDifferentialTest.difference(
                new SigV4Signer("eu-west-1", ADDRESSING).presign(request),
                new SdkOracleSigner("eu-west-1", ADDRESSING).presign(request)))
        .as(value)
        .isNull();
  }
}
