package dev.presign.spring.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.test.S3TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * The starter's Uppy routes in a running app, called as {@code @uppy/aws-s3} calls them, against
 * S3Proxy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = UploadApp.class,
    properties = {
      "presign.policy.allowed-content-types=image/png,video/mp4",
      "presign.policy.max-size=100MB",
      "presign.key-strategy.prefix=uppy/",
      "presign.multipart.session-key=dXBweS1yb3V0ZXMtd2ViLXRlc3Qtc2Vzc2lvbi1rZXktMDEyMzQ1Njc4OQ==",
      "presign.multipart.part-size=5MB",
      "presign.uppy.enabled=true",
      "presign.uppy.path=/files/uppy"
    })
@Import(PresignUppyAutoConfigurationWebTest.StoreCredentials.class)
class PresignUppyAutoConfigurationWebTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  @LocalServerPort int port;

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

  @Test
  void params_thenPostForm_storesTheFile() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    HttpResponse<String> params = get("/files/uppy/s3/params?filename=cat.png&type=image%2Fpng");
    assertThat(params.statusCode()).as(params.body()).isEqualTo(200);
    assertThat(params.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode answer = JSON.readTree(params.body());
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    answer.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));

    HttpResponse<String> post = postForm(answer.get("url").asString(), fields, png);

    assertThat(post.statusCode()).as(post.body()).isBetween(200, 299);
    assertThat(store.keys()).containsExactly((String) fields.get("key"));
    assertThat(store.bytes((String) fields.get("key"))).isEqualTo(png);
  }

  @Test
  void params_refusedType_is400WithTheMessage() throws Exception {
    HttpResponse<String> r = get("/files/uppy/s3/params?filename=x.html&type=text%2Fhtml");

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("reason").asString()).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
    assertThat(body.get("error").asString()).contains("text/html");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_createThenSignWithAnotherKey_isRefusedAndNothingIsStored() throws Exception {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(uri("/files/uppy/s3/multipart"))
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"filename\":\"film.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":6000000}}"))
                .build(),
            BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(created.body());
    String base =
        "/files/uppy/s3/multipart/"
            + URLEncoder.encode(session.get("uploadId").asString(), StandardCharsets.UTF_8);

    HttpResponse<String> mine =
        get(
            base
                + "/2?key="
                + URLEncoder.encode(session.get("key").asString(), StandardCharsets.UTF_8));
    HttpResponse<String> other = get(base + "/2?key=uppy%2Fsomeone-else.mp4");

    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(JSON.readTree(mine.body()).get("url").asString()).contains("partNumber=2");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(other.body()).get("reason").asString()).isEqualTo("SESSION_INVALID");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_crossSiteFormBodyAsTextPlain_isRefusedAndNothingIsStarted() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri("/files/uppy/s3/multipart"))
                .header("Content-Type", "text/plain")
                .POST(
                    BodyPublishers.ofString(
                        "{\"filename\":\"film.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":6000000}}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(r.body()).get("reason").asString())
        .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(store.multipartUploads()).isEmpty();
  }

  @Test
  void multipart_bodyNotUtf8_isRefusedRatherThanReplaced() throws Exception {
    byte[] body =
        "{\"filename\":\"f\u00e9.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":6000000}}"
            .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri("/files/uppy/s3/multipart"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asString()).contains("must be UTF-8");
    assertThat(store.multipartUploads()).isEmpty();
  }

  @Test
  void multipart_bodyWithoutALength_is411() throws Exception {
    byte[] body =
        "{\"filename\":\"film.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":6000000}}"
            .getBytes(StandardCharsets.UTF_8);
    // A streamed body of unknown length goes out chunked, without Content-Length.
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri("/files/uppy/s3/multipart"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(411);
    assertThat(JSON.readTree(r.body()).get("reason").asString()).isEqualTo("LENGTH_REQUIRED");
    assertThat(store.multipartUploads()).isEmpty();
  }

  @Test
  void sessionRoute_wrongMethod_is405WithAllow() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(uri("/files/uppy/s3/multipart/abc?key=x"))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, DELETE");
    assertThat(JSON.readTree(r.body()).get("error").asString()).contains("answers GET or DELETE");
  }

  @Test
  void otherPaths_areNotServed() throws Exception {
    assertThat(get("/uppy/s3/params?filename=cat.png&type=image%2Fpng").statusCode())
        .isEqualTo(404);
    assertThat(get("/files/uppy/s3/sts").statusCode()).isEqualTo(404);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> postForm(String url, Map<String, Object> fields, byte[] file)
      throws Exception {
    String boundary = "uppyRoutesBoundary3";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        BodyHandlers.ofString());
  }
}
