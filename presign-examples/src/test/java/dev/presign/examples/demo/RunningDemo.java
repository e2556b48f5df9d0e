package dev.presign.examples.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo server for one test class, on a free port with its embedded store in memory and a
 * multipart threshold of 6 MiB, and an HTTP client for it: register it as a static field with
 * {@code @RegisterExtension}.
 */
final class RunningDemo implements BeforeAllCallback, AfterAllCallback {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private DemoServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = DemoServer.start(0, null, 6L * 1024 * 1024);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  /** {@return the running server} */
  DemoServer server() {
    return server;
  }

  /** {@return the client the tests call the server with} */
  HttpClient http() {
    return http;
  }

  /**
   * GETs a path of the demo.
   *
   * @param pathAndQuery the path, starting with {@code /}, and its query
   * @return the answer, its body as text
   */
  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).build(),
        BodyHandlers.ofString());
  }
}
