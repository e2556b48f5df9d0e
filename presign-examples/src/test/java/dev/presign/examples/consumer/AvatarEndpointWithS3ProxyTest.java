package dev.presign.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.examples.EmbeddedS3;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer's contract against S3Proxy in this JVM: runs everywhere, and because S3Proxy checks
 * signatures, it can also show that the store refuses what the URL does not allow.
 */
class AvatarEndpointWithS3ProxyTest extends AvatarEndpointContract {
  private static EmbeddedS3 s3;
  private static AvatarEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    s3 = EmbeddedS3.start();
    endpoint = new AvatarEndpoint(EmbeddedS3.BUCKET, s3.endpoint(), s3.credentials());
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Override
  AvatarEndpoint endpoint() {
    return endpoint;
  }

  @Override
  byte[] stored(String key) throws Exception {
    return s3.read(key);
  }

  @Test
  void issuedUrl_withAnotherType_isRefusedByTheStore() throws Exception {
    AvatarEndpoint.Answer answer = endpoint.requestUpload("user-42", "me.png", "image/png", 4);

    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(answer.upload().uri())
        .header("Content-Type", "text/html").PUT(HttpRequest.BodyPublishers.ofString("<b>")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    assertThat(s3.keys()).doesNotContain(answer.upload().key());
  }
}
