package com.example.uploads;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.PresignedUpload;
import dev.presign.test.S3TestStore;
import dev.presign.test.SignatureVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UploadEndpointTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  @Test
  void upload_png_isStored() {
    UploadEndpoint endpoint = new UploadEndpoint(store.issuerBuilder());

    PresignedUpload upload = endpoint.requestUpload("user-42", "cat.png", "image/png", PNG.length);

    assertThat(upload)
        .hasKeyStartingWith("uploads/user-42/")
        .signsHeader("Content-Type", "image/png")
        .expiresWithin(Duration.ofMinutes(10));
    assertThat(store.client().put(upload, PNG)).isAccepted();
    assertThat(store.bytes(upload.key())).isEqualTo(PNG);
  }

  @Test
  void upload_ofAnotherType_isRefusedByTheStore() {
    UploadEndpoint endpoint = new UploadEndpoint(store.issuerBuilder());
    PresignedUpload upload = endpoint.requestUpload("user-42", "cat.png", "image/png", 6);

    assertThat(store.client().put(upload, "<svg/>".getBytes(), Map.of("Content-Type", "image/svg+xml")))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void upload_afterTheUrlExpired_isRefusedByTheStore() {
    Clock elevenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-11));
    UploadEndpoint endpoint = new UploadEndpoint(store.issuerBuilder().clock(elevenMinutesAgo));
    PresignedUpload upload = endpoint.requestUpload("user-42", "cat.png", "image/png", PNG.length);

    assertThat(store.client().put(upload, PNG)).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void requestUpload_ofHtml_isRefusedBeforeSigning() {
    UploadEndpoint endpoint = new UploadEndpoint(store.issuerBuilder());

    assertThatThrownBy(() -> endpoint.requestUpload("user-42", "x.html", "text/html", 10))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("text/html");
  }

  @Test
  void offlineCheck_saysWhyAClientWouldBeRefused() {
    UploadEndpoint endpoint = new UploadEndpoint(store.issuerBuilder());
    PresignedUpload upload = endpoint.requestUpload("user-42", "cat.png", "image/png", PNG.length);

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(),
        Map.of("Content-Type", "image/jpeg", "Content-Length", "8"), Instant.now());

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.SIGNATURE_MISMATCH);
  }
}
