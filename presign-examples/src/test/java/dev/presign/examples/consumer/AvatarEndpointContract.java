package dev.presign.examples.consumer;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.test.S3TestStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a consuming project asserts about its upload endpoint, written once and run against each
 * store a test can start. Happy paths only here: that is all S3Mock, which checks no signature, can
 * show.
 */
abstract class AvatarEndpointContract {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  abstract S3TestStore store();

  AvatarEndpoint endpoint() {
    return new AvatarEndpoint(store().issuerBuilder());
  }

  @Test
  void requestUpload_png_givesAUrlThatStoresTheAvatarUnderTheUser() {
    AvatarEndpoint.Answer answer =
        endpoint().requestUpload("user-42", "me.png", "image/png", PNG.length);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.upload())
        .hasMethod("PUT")
        .hasKeyStartingWith("avatars/user-42/")
        .signsHeader("Content-Type", "image/png")
        .expiresWithin(Duration.ofMinutes(15))
        .hasNoSecretInToString(store().credentialsProvider());
    assertThat(store().client().put(answer.upload(), PNG)).isAccepted();
    assertThat(store().bytes(answer.upload().key())).isEqualTo(PNG);
  }

  @Test
  void requestUpload_html_isRefusedWithTheReason() {
    AvatarEndpoint.Answer answer = endpoint().requestUpload("user-42", "me.html", "text/html", 100);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
  }
}
