package dev.presign.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo backend over HTTP, the way the page and the seed's client use it. */
class DemoServerTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
  @RegisterExtension static final RunningDemo demo = new RunningDemo();

  @Test
  void seedClientFlow_nameAndTypeOnly_uploadsAndDownloads() throws Exception {
    // The seed's client: GET the URL with fileName and fileType, read data.url, PUT with
    // Content-Type.
    HttpResponse<String> issued =
        demo.get("/generate-presigned-url?fileName=cat.png&fileType=image/png");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    String url = field(issued.body(), "url");
    HttpResponse<String> put =
        demo.http()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "image/png")
                    .PUT(BodyPublishers.ofByteArray(PNG))
                    .build(),
                BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    HttpResponse<String> link =
        demo.get("/download-url?token=" + encode(field(issued.body(), "downloadToken")));
    assertThat(link.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> download =
        demo.http()
            .send(
                HttpRequest.newBuilder(URI.create(field(link.body(), "url"))).build(),
                BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(PNG);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"cat.png\"");
  }

  @Test
  void generate_withSize_signsTheLengthAndAnswersTheFullShape() throws Exception {
    HttpResponse<String> issued =
        demo.get(
            "/generate-presigned-url?fileName="
                + encode("Résumé photo.png")
                + "&fileType=image/png&size=12");

    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(issued.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(issued.body())
        .contains(
            "\"method\":\"PUT\"",
            "\"headers\":{\"Content-Type\":\"image/png\"}",
            "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost",
            "\"key\":\"uploads/",
            "\"expiresAt\":\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/generate-presigned-url                                          | 400 | BAD_REQUEST",
        "/generate-presigned-url?fileName=&fileType=image/png             | 400 | BAD_REQUEST",
        "/generate-presigned-url?fileName=a.png                           | 400 | BAD_REQUEST",
        "/generate-presigned-url?fileName=a.png&fileType=text/html        | 400 | CONTENT_TYPE_NOT_ALLOWED",
        "/generate-presigned-url?fileName=a.png&fileType=image/png%0D%0AX-Evil:%201 | 400 | CONTENT_TYPE_INVALID",
        "/generate-presigned-url?fileName=a.png&fileType=image/png&size=abc | 400 | BAD_REQUEST",
        "/generate-presigned-url?fileName=a.png&fileType=image/png&size=-5  | 400 | BAD_REQUEST",
        "/download-url?key=uploads/never-issued.png                       | 400 | BAD_REQUEST",
        "/download-url?token=dXBsb2Fkcy9hLnBuZwBhLnBuZw.AAAA              | 404 | NOT_FOUND",
        "/download-url?token=%00                                          | 404 | NOT_FOUND",
        "/generate-presigned-url?fileName=a.png&fileType=%00             | 400 | CONTENT_TYPE_INVALID",
        "/%00                                                             | 400 | BAD_REQUEST",
        "/download-url                                                    | 400 | BAD_REQUEST",
        "/no-such-page                                                    | 404 | NOT_FOUND",
      })
  void badInput_getsA4xxWithJsonAndTheServerKeepsServing(String path, int status, String error)
      throws Exception {
    HttpResponse<String> response = demo.get(path);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(field(response.body(), "error")).isEqualTo(error);
    assertThat(field(response.body(), "reason")).isNotBlank();
    assertThat(demo.get("/generate-presigned-url?fileName=a.png&fileType=image/png").statusCode())
        .isEqualTo(200);
  }

  @Test
  void badInput_tenThousandCharacterName_isRefusedShortly() throws Exception {
    HttpResponse<String> response =
        demo.get("/generate-presigned-url?fileName=" + "a".repeat(10_000) + "&fileType=image/png");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(field(response.body(), "error")).isEqualTo("FILE_NAME_INVALID");
    assertThat(response.body().length()).isLessThan(500);
  }

  @Test
  void multipartEndpoints_uploadALargeFileInParts() throws Exception {
    byte[] file = new byte[11 * 1024 * 1024 + 77];
    new Random(3).nextBytes(file);
    HttpResponse<String> started =
        demo.http()
            .send(
                HttpRequest.newBuilder(
                        demo.server()
                            .url()
                            .resolve(
                                "/multipart/start?fileName=film.mp4&fileType=video/mp4&size="
                                    + file.length))
                    .POST(BodyPublishers.noBody())
                    .build(),
                BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String token = field(started.body(), "token");

    HttpResponse<String> parts =
        demo.get("/multipart/parts?token=" + encode(token) + "&from=1&to=3");
    Matcher urls = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(parts.body());
    List<String> lines = new ArrayList<>();
    int partNumber = 0;
    while (urls.find()) {
      partNumber++;
      int from = (partNumber - 1) * 5 * 1024 * 1024;
      int to = Math.min(file.length, from + 5 * 1024 * 1024);
      HttpResponse<String> put =
          demo.http()
              .send(
                  HttpRequest.newBuilder(URI.create(unescape(urls.group(1))))
                      .PUT(BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(file, from, to)))
                      .build(),
                  BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      lines.add(partNumber + ":" + put.headers().firstValue("ETag").orElseThrow());
    }
    assertThat(partNumber).isEqualTo(3);
    HttpResponse<String> completed =
        demo.http()
            .send(
                HttpRequest.newBuilder(
                        demo.server().url().resolve("/multipart/complete?token=" + encode(token)))
                    .POST(BodyPublishers.ofString(String.join("\n", lines)))
                    .build(),
                BodyHandlers.ofString());

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    assertThat(demo.server().embedded().exists(field(started.body(), "key"))).isTrue();
  }

  @Test
  void refusedType_answersEndUserWordsAndKeepsTheMachineReadableReason() throws Exception {
    HttpResponse<String> response =
        demo.get("/generate-presigned-url?fileName=page.html&fileType=text/html");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(field(response.body(), "error")).isEqualTo("CONTENT_TYPE_NOT_ALLOWED");
    assertThat(field(response.body(), "reason")).contains("image/*", "text/html");
    assertThat(field(response.body(), "message"))
        .isEqualTo(
            "This file type is not accepted. Accepted: images, videos, audio, PDF and plain text.")
        .doesNotContain("*", "/");
  }

  @ParameterizedTest
  @CsvSource({"/favicon.ico", "/favicon.svg"})
  void favicon_isServedNotA404(String path) throws Exception {
    HttpResponse<String> icon = demo.get(path);

    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg").endsWith("</svg>");
  }

  @Test
  void page_isServedWithItsUploadScript() throws Exception {
    HttpResponse<String> page = demo.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("XMLHttpRequest", "/generate-presigned-url", "/multipart/start");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return matcher.find() ? unescape(matcher.group(1)) : null;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && value.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\') {
        out.append(value.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
