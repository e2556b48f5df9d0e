package dev.presign.examples.spring;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.test.S3TestStore;
import dev.presign.test.StoreResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

/**
 * The example app, unchanged but for where its store is, against presign-test's store (S3Proxy,
 * signatures checked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UploadsApplicationTest.StoreCredentials.class)
class UploadsApplicationTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
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
    registry.add(
        "presign.verifier.ticket-key",
        () ->
            Base64.getEncoder()
                .encodeToString(
                    "example-app-ticket-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
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
  void upload_confirm_download_roundTrip() throws Exception {
    JsonNode issued =
        post("/uploads?fileName=cat.png&contentType=image/png&size=" + PNG.length, 200);
    JsonNode upload = issued.get("upload");
    String key = upload.get("key").asString();
    assertThat(key).matches("uploads/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");

    assertThat(put(upload, PNG, "image/png")).isAccepted();
    JsonNode verification =
        post("/uploads/confirm?ticket=" + encode(issued.get("ticket").asString()), 200);
    assertThat(verification.get("outcome").asString()).isEqualTo("PASSED");
    assertThat(verification.get("key").asString()).isEqualTo(key);

    HttpResponse<String> redirect =
        HTTP.send(
            HttpRequest.newBuilder(url("/downloads?key=" + encode(key))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(redirect.statusCode()).isEqualTo(303);
    HttpResponse<byte[]> download =
        store
            .httpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(redirect.headers().firstValue("Location").orElseThrow()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PNG);
  }

  @Test
  void download_ofAKeyNothingWasUploadedTo_is404WithoutARedirect() throws Exception {
    JsonNode issued =
        post("/uploads?fileName=cat.png&contentType=image/png&size=" + PNG.length, 200);
    assertThat(issued.get("upload").get("contentLength").asLong()).isEqualTo(PNG.length);
    String key = issued.get("upload").get("key").asString();

    HttpResponse<String> missing =
        HTTP.send(
            HttpRequest.newBuilder(url("/downloads?key=" + encode(key))).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Location")).isEmpty();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void confirm_htmlSentAsPng_failsAndQuarantines() throws Exception {
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    JsonNode issued =
        post("/uploads?fileName=cat.png&contentType=image/png&size=" + html.length, 200);
    String key = issued.get("upload").get("key").asString();
    assertThat(put(issued.get("upload"), html, "image/png")).isAccepted();

    JsonNode verification =
        post("/uploads/confirm?ticket=" + encode(issued.get("ticket").asString()), 200);

    assertThat(verification.get("outcome").asString()).isEqualTo("FAILED");
    assertThat(verification.get("action").asString()).isEqualTo("QUARANTINED");
    assertThat(store.exists(key)).isFalse();
    assertThat(store.keys()).singleElement().asString().startsWith("quarantine/");
  }

  @Test
  void upload_ofAnotherTypeThanIssued_isRefusedByTheStore() throws Exception {
    JsonNode upload =
        post("/uploads?fileName=cat.png&contentType=image/png&size=6", 200).get("upload");

    assertThat(put(upload, "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void upload_ofARefusedType_is400ProblemJson() throws Exception {
    JsonNode problem = post("/uploads?fileName=x.svg&contentType=image/svg%2Bxml&size=6", 400);

    assertThat(problem.get("reason").asString()).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
    assertThat(problem.get("detail").asString()).contains("image/svg+xml");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void upload_overTheMaxSize_is400TooLarge() throws Exception {
    JsonNode problem =
        post(
            "/uploads?fileName=big.png&contentType=image/png&size=" + (20L * 1024 * 1024 + 1), 400);

    assertThat(problem.get("reason").asString()).isEqualTo("TOO_LARGE");
  }

  @Test
  void confirm_editedTicket_is400TicketInvalid() throws Exception {
    JsonNode issued =
        post("/uploads?fileName=cat.png&contentType=image/png&size=" + PNG.length, 200);
    String ticket = issued.get("ticket").asString();
    String edited = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("A") ? "BB" : "AA");

    JsonNode problem = post("/uploads/confirm?ticket=" + encode(edited), 400);

    assertThat(problem.get("reason").asString()).isEqualTo("TICKET_INVALID");
  }

  private JsonNode post(String pathAndQuery, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(url(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    if (expectedStatus >= 400) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
    return JSON.readTree(response.body());
  }

  private URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // As a browser does: the URL and a Content-Type, the body's own length.
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
