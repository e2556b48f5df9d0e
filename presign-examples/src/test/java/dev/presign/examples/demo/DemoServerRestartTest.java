package dev.presign.examples.demo;

import static dev.presign.examples.demo.DemoServerTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stopped and started again on the same data folder: files uploaded before the restart can
 * still be downloaded with the tokens the page kept, because the token key lives in the data
 * folder.
 */
class DemoServerRestartTest {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'r', 'e'
  };
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path data;

  @Test
  void downloadToken_afterARestartOnTheSameDataFolder_stillWorks() throws Exception {
    String token;
    try (DemoServer first = DemoServer.start(0, data, 6L * 1024 * 1024)) {
      HttpResponse<String> issued =
          get(first, "/generate-presigned-url?fileName=before.png&fileType=image/png");
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create(field(issued.body(), "url")))
                  .header("Content-Type", "image/png")
                  .PUT(BodyPublishers.ofByteArray(PNG))
                  .build(),
              BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      token = field(issued.body(), "downloadToken");
    }

    try (DemoServer second = DemoServer.start(0, data, 6L * 1024 * 1024)) {
      HttpResponse<String> link =
          get(second, "/download-url?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

      assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
      HttpResponse<byte[]> download =
          http.send(
              HttpRequest.newBuilder(URI.create(field(link.body(), "url"))).build(),
              BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(PNG);
    }
  }

  @Test
  void tokenKey_isCreatedOwnerOnlyInTheDataFolder() throws Exception {
    try (DemoServer server = DemoServer.start(0, data, 6L * 1024 * 1024)) {
      Path key = data.resolve(DownloadTokens.KEY_FILE);

      assertThat(get(server, "/favicon.ico").statusCode()).isEqualTo(200);
      assertThat(Files.size(key)).isEqualTo(32);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void downloadToken_fromAnotherDataFolder_isRefused(@TempDir Path other) throws Exception {
    String token;
    try (DemoServer first = DemoServer.start(0, data, 6L * 1024 * 1024)) {
      token =
          field(
              get(first, "/generate-presigned-url?fileName=a.png&fileType=image/png").body(),
              "downloadToken");
    }

    try (DemoServer stranger = DemoServer.start(0, other, 6L * 1024 * 1024)) {
      HttpResponse<String> link =
          get(stranger, "/download-url?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

      assertThat(link.statusCode()).isEqualTo(404);
      assertThat(field(link.body(), "error")).isEqualTo("NOT_FOUND");
    }
  }

  private HttpResponse<String> get(DemoServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url().toString().replaceAll("/$", "") + path))
            .build(),
        BodyHandlers.ofString());
  }
}
