package dev.presign.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What a consuming project asserts about its upload endpoint, written once and run against each store
 * a test can start. Happy paths only here: that is all S3Mock, which checks no signature, can show.
 */
abstract class AvatarEndpointContract {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  abstract AvatarEndpoint endpoint();

  abstract byte[] stored(String key) throws Exception;

  @Test
  void requestUpload_png_givesAUrlThatStoresTheAvatarUnderTheUser() throws Exception {
    AvatarEndpoint.Answer answer = endpoint().requestUpload("user-42", "me.png", "image/png", PNG.length);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.upload().key()).startsWith("avatars/user-42/").endsWith(".png");
    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(answer.upload().uri())
        .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(stored(answer.upload().key())).isEqualTo(PNG);
  }

  @Test
  void requestUpload_html_isRefusedWithTheReason() {
    AvatarEndpoint.Answer answer = endpoint().requestUpload("user-42", "me.html", "text/html", 100);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
  }
}
