package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.Verification.Action;
import dev.presign.Verification.Outcome;
import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promote on verify, against S3Proxy with signature checks on: a passing upload moves from its
 * staging key to a permanent key that no issued URL can write, so re-using the upload URL after
 * verification (the adversarial review's way to swap verified bytes) changes nothing a reader of
 * the permanent key gets.
 */
class PromoteStoreTest extends StoreSuite {
  private static final byte[] KEY =
      "promote-ticket-key-for-tests-0123456789ab".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
  private static final byte[] OTHER_PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000020000000208060000001f15c489");

  private UploadUrlIssuer issuer;
  private UploadVerifier verifier;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").maxSize(1000).build())
            .keyStrategy(KeyStrategy.uuid("staging/"))
            .build();
    verifier =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(KEY)
            .promoteOnPass("staging/", "files/")
            .build();
  }

  @Test
  void verify_passingUpload_isPromotedAndARePutChangesNothingReadersGet() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    assertThat(put(upload, PNG).statusCode()).isEqualTo(200);

    Verification result = verifier.verify(verifier.ticket(upload));

    String permanent = "files/" + upload.key().substring("staging/".length());
    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.action()).isEqualTo(Action.PROMOTED);
    assertThat(result.promotedKey()).hasValue(permanent);
    assertThat(store.exists(upload.key())).as("the staged copy is gone").isFalse();
    assertThat(store.bytes(permanent)).isEqualTo(PNG);
    assertThat(store.object(permanent).contentType().orElseThrow()).isEqualTo("image/png");

    // The uploader re-uses the URL, which is still valid: it lands on the staging key, not on the
    // permanent one.
    assertThat(put(upload, OTHER_PNG).statusCode()).isEqualTo(200);

    assertThat(store.bytes(permanent)).isEqualTo(PNG);
    HttpResponse<byte[]> read =
        http.send(
            HttpRequest.newBuilder(issuer.issueDownload(permanent).uri()).build(),
            BodyHandlers.ofByteArray());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(PNG);
    assertThat(store.bytes(upload.key())).isEqualTo(OTHER_PNG);
  }

  @Test
  void verify_failingUpload_isQuarantinedNotPromoted() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    byte[] html =
        java.util.Arrays.copyOf(
            "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), PNG.length);
    put(upload, html);

    Verification result = verifier.verify(verifier.ticket(upload));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.action()).isEqualTo(Action.QUARANTINED);
    assertThat(result.promotedKey()).isEmpty();
    assertThat(store.keys()).containsExactly("quarantine/" + upload.key());
  }

  @Test
  void build_strategyThatCanWriteThePermanentPrefix_isRefused() {
    UploadUrlIssuer careless = issuer.toBuilder().keyStrategy(KeyStrategy.perPrincipal("")).build();

    assertThatThrownBy(
            () ->
                UploadVerifier.builder()
                    .issuer(careless)
                    .ticketKey(KEY)
                    .keepFailed()
                    .promoteOnPass("staging/", "files/")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("permanent prefix must not hold keys the issuer's");
    assertThatThrownBy(
            () ->
                UploadVerifier.builder()
                    .issuer(issuer)
                    .ticketKey(KEY)
                    .promoteOnPass("staging/", "staging/x/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permanentPrefix must be neither inside nor around stagingPrefix");
  }

  @Test
  void verify_keyOutsideTheStagingPrefix_isRefusedBeforeAnyS3Call() {
    assertThatThrownBy(
            () -> verifier.verify("files/x.png", UploadRequest.of("x.png", "image/png", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("key must be under the staging prefix")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.KEY_INVALID);
  }

  private static HttpResponse<String> put(PresignedUpload upload, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(upload.uri())
            .header("Content-Type", "image/png")
            .PUT(BodyPublishers.ofByteArray(body))
            .build(),
        BodyHandlers.ofString());
  }
}
