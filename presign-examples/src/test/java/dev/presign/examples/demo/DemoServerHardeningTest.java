package dev.presign.examples.demo;

import static dev.presign.examples.demo.DemoServerTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo against the adversarial review's denial-of-service findings: a flood of anonymous issue
 * calls no longer crowds out download links, and half-sent requests or slowly sent bodies no longer
 * hold every worker.
 */
class DemoServerHardeningTest {
  @RegisterExtension static final RunningDemo demo = new RunningDemo();

  // The review's flood: 100,000 anonymous issue calls filled a map of issued keys, and every later
  // upload's /download-url answered 404. The server now remembers nothing; the page keeps an HMAC'd
  // token.
  @Test
  void downloadLink_afterAHundredThousandAnonymousIssueCalls_stillWorks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> batches = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        batches.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 100_001 / 8 + 1; i++) {
                    ok +=
                        demo.get("/generate-presigned-url?fileName=f.png&fileType=image/png")
                                    .statusCode()
                                == 200
                            ? 1
                            : 0;
                  }
                  return ok;
                }));
      }
      int issued = 0;
      for (Future<Integer> batch : batches) {
        issued += batch.get();
      }
      assertThat(issued).isGreaterThan(100_000);
    } finally {
      pool.shutdownNow();
    }

    HttpResponse<String> fresh =
        demo.get("/generate-presigned-url?fileName=cat.png&fileType=image/png");
    HttpResponse<String> link =
        demo.get(
            "/download-url?token="
                + URLEncoder.encode(field(fresh.body(), "downloadToken"), StandardCharsets.UTF_8));

    assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
    assertThat(field(link.body(), "url")).contains(field(fresh.body(), "key"));
  }

  @Test
  void downloadToken_editedOrForAnotherKey_isRefused() throws Exception {
    String token =
        field(
            demo.get("/generate-presigned-url?fileName=cat.png&fileType=image/png").body(),
            "downloadToken");
    String other =
        field(
            demo.get("/generate-presigned-url?fileName=dog.png&fileType=image/png").body(),
            "downloadToken");
    String spliced = token.substring(0, token.indexOf('.')) + other.substring(other.indexOf('.'));

    for (String forged : List.of(spliced, token + "A", token.replace('.', '_'), "." + token)) {
      HttpResponse<String> response =
          demo.get("/download-url?token=" + URLEncoder.encode(forged, StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(forged).isIn(400, 404);
      assertThat(field(response.body(), "error")).isIn("NOT_FOUND", "BAD_REQUEST");
    }
  }

  // The review: nine connections that each sent half a request stalled every worker for over 130 s.
  @Test
  void halfSentRequests_areCutOffAndTheServerKeepsServing() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        Socket socket = new Socket("127.0.0.1", demo.server().url().getPort());
        socket
            .getOutputStream()
            .write(
                "GET /config HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }

      HttpResponse<String> config =
          demo.http()
              .send(
                  HttpRequest.newBuilder(demo.server().url().resolve("/config"))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  BodyHandlers.ofString());

      assertThat(config.statusCode()).isEqualTo(200);
      for (Socket socket : stalled) {
        socket.setSoTimeout(60_000);
        assertThat(closedByServer(socket.getInputStream()))
            .as("the server closes a half-sent request")
            .isTrue();
      }
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  // Bodies sent slowly, a byte at a time within the idle timeout, for more connections than the
  // server has threads: the body is read without holding a thread, so the server keeps answering
  // others meanwhile.
  @Test
  void bodiesSentSlowly_holdNoThreadAndTheServerKeepsServing() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < 48; i++) {
        Socket socket = new Socket("127.0.0.1", demo.server().url().getPort());
        socket
            .getOutputStream()
            .write(
                ("POST /multipart/complete?token=x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 1000\r\n\r\n1:")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        slow.add(socket);
      }
      // One more byte on each every 2 s, well within the 10 s idle timeout, until the test ends.
      dribble.scheduleAtFixedRate(
          () ->
              slow.forEach(
                  socket -> {
                    try {
                      socket.getOutputStream().write('a');
                      socket.getOutputStream().flush();
                    } catch (IOException e) {
                      // closed by the test's end
                    }
                  }),
          2,
          2,
          TimeUnit.SECONDS);

      HttpResponse<String> config =
          demo.http()
              .send(
                  HttpRequest.newBuilder(demo.server().url().resolve("/config"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  BodyHandlers.ofString());

      assertThat(config.statusCode()).isEqualTo(200);
    } finally {
      dribble.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private static boolean closedByServer(InputStream in) {
    try {
      while (in.read() >= 0) {
        // Whatever the server says before closing (a 408, say) is fine.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
