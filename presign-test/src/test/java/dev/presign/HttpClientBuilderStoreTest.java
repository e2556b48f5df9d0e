package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/** The HTTP client of the S3 client presign builds: the default, or the user's builder. */
class HttpClientBuilderStoreTest extends StoreSuite {
  private static final byte[] KEY =
      "http-client-builder-test-key-0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");

  private final AtomicInteger built = new AtomicInteger();

  /** The SDK's url-connection-client, counting how often the S3 client builds it. */
  private final class CountingBuilder implements SdkHttpClient.Builder<CountingBuilder> {
    @Override
    public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
      built.incrementAndGet();
      return UrlConnectionHttpClient.builder().buildWithDefaults(serviceDefaults);
    }
  }

  private UploadUrlIssuer issuer() {
    return store
        .issuerBuilder()
        .policy(
            PresignPolicy.builder()
                .allowContentTypes("image/png", "video/mp4")
                .maxSize(1L << 30)
                .build())
        .keyStrategy(KeyStrategy.uuid("h/"))
        .build();
  }

  @Test
  void verify_withTheUsersHttpClientBuilder_usesItAndPasses() throws Exception {
    UploadUrlIssuer issuer = issuer();
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.png", "image/png", PNG.length));
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(upload.uri())
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(200);

    try (UploadVerifier verifier =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(KEY)
            .httpClientBuilder(new CountingBuilder())
            .build()) {
      Verification result = verifier.verify(verifier.ticket(upload));

      assertThat(result.passed()).as("%s", result.problems()).isTrue();
      assertThat(built).hasValue(1);
      UploadVerifier copy = verifier.toBuilder().build();
      copy.close();
      assertThat(built).as("toBuilder keeps the HTTP client builder").hasValue(2);
    }
  }

  @Test
  void multipart_withTheUsersHttpClientBuilder_usesItForS3Calls() {
    try (MultipartUploads multipart =
        MultipartUploads.builder()
            .issuer(issuer())
            .sessionKey(KEY)
            .httpClientBuilder(new CountingBuilder())
            .build()) {
      MultipartSession session =
          multipart.start(UploadRequest.of("film.mp4", "video/mp4", 200L << 20));

      assertThat(multipart.listParts(session.token())).isEmpty();
      assertThat(store.multipartUploads()).hasSize(1);
      assertThat(built).hasValue(1);
      multipart.abort(session.token());
      assertThat(store.multipartUploads()).isEmpty();
    }
  }

  @Test
  void multipart_byDefault_reachesS3WithTheBuiltInClient() {
    try (MultipartUploads multipart =
        MultipartUploads.builder().issuer(issuer()).sessionKey(KEY).build()) {
      MultipartSession session =
          multipart.start(UploadRequest.of("film.mp4", "video/mp4", 200L << 20));

      assertThat(store.multipartUploads()).hasSize(1);
      multipart.abort(session.token());
      assertThat(store.multipartUploads()).isEmpty();
      assertThat(built).as("no user builder involved").hasValue(0);
    }
  }
}
