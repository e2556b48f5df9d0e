package dev.presign.spring.webtest;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignException;
import dev.presign.test.S3TestStore;
import dev.presign.test.StoreResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = UploadApp.class,
    properties = {
      "presign.policy.allowed-content-types=image/png,image/jpeg",
      "presign.policy.max-size=1MB",
      "presign.key-strategy.kind=dated-uuid",
      "presign.key-strategy.prefix=uploads/",
      "presign.health.enabled=true",
      "management.endpoint.health.show-components=always"
    })
@Import(UploadAppWebTest.StoreCredentials.class)
class UploadAppWebTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    registry.add("presign.bucket", store::bucket);
    registry.add("presign.region", () -> store.region().id());
    registry.add("presign.endpoint", () -> store.endpoint().toString());
    registry.add("presign.path-style", () -> "true");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class StoreCredentials {
    @Bean
    AwsCredentialsProvider storeCredentials() {
      return store.credentialsProvider();
    }
  }

  @LocalServerPort int port;

  @Test
  void upload_png_isStoredThroughTheIssuedUrl() throws Exception {
    HttpResponse<String> issued =
        post("/uploads?fileName=cat.png&contentType=image/png&size=" + PNG.length);
    assertThat(issued.statusCode()).isEqualTo(200);
    JsonNode upload = JSON.readTree(issued.body());
    String key = upload.get("key").asString();
    assertThat(key).matches("uploads/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");

    StoreResponse put = put(upload, PNG, upload.get("headers").get("Content-Type").asString());

    assertThat(put).isAccepted();
    assertThat(store.bytes(key)).isEqualTo(PNG);
  }

  @Test
  void upload_ofAnotherTypeThanIssued_isRefusedByTheStore() throws Exception {
    JsonNode upload =
        JSON.readTree(post("/uploads?fileName=cat.png&contentType=image/png&size=6").body());

    StoreResponse put = put(upload, "<svg/>".getBytes(), "image/svg+xml");

    assertThat(put).isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void requestUpload_ofARefusedType_is400ProblemJsonWithTheReason() throws Exception {
    HttpResponse<String> refused = post("/uploads?fileName=x.html&contentType=text/html&size=10");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("reason").asString()).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
    assertThat(problem.get("detail").asString()).contains("text/html");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void requestUpload_tooLarge_is400TooLarge() throws Exception {
    HttpResponse<String> refused =
        post("/uploads?fileName=big.png&contentType=image/png&size=" + (1024 * 1024 + 1));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("reason").asString()).isEqualTo("TOO_LARGE");
  }

  @ParameterizedTest
  @EnumSource(
      value = PresignException.Kind.class,
      names = "INVALID_REQUEST",
      mode = EnumSource.Mode.EXCLUDE)
  void backendFailure_getsItsKindsStatusAndNoInternalDetail(PresignException.Kind kind)
      throws Exception {
    HttpResponse<String> failed = post("/fail?kind=" + kind);

    assertThat(failed.statusCode())
        .isEqualTo(dev.presign.spring.PresignProblemHandler.statusOf(kind).value());
    assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(failed.body());
    assertThat(problem.get("reason").asString()).isEqualTo(kind.name());
    assertThat(failed.body()).doesNotContain("internal detail");
  }

  @Test
  void actuatorHealth_includesPresignsSelfTest() throws Exception {
    HttpResponse<String> health =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(
            JSON.readTree(health.body()).get("components").get("presign").get("status").asString())
        .isEqualTo("UP");
    assertThat(store.keys()).isEmpty();
  }

  private HttpResponse<String> post(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // As a browser does: the URL and the Content-Type it was told, the body's own length.
  private static StoreResponse put(JsonNode upload, byte[] body, String contentType)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        store
            .httpClient()
            .send(
                HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                    .header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return new StoreResponse(response.statusCode(), response.headers().map(), response.body());
  }
}
