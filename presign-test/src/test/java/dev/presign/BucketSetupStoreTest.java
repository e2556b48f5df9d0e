package dev.presign;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.testing.StoreSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BucketSetup against a real store: what the store answers reaches the caller. */
class BucketSetupStoreTest extends StoreSuite {

  @Test
  void applyCors_onAStoreWithoutTheApi_surfacesS3sErrorCode() {
    // S3Proxy implements no bucket CORS API; what matters here is that S3's refusal reaches the caller.
    assertThatThrownBy(() -> BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of("https://app.example.com")))
        .isInstanceOf(PresignException.class)
        .hasMessageStartingWith("S3 refused PutBucketCors: ")
        .hasMessageContaining("(HTTP ");
  }
}
