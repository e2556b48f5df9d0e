package dev.presign.testing;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the suites that run against a real, signature-checking S3 server: one S3Proxy per test class,
 * an empty bucket for every test, and the JDK's HTTP client, which does what a browser or app would.
 */
public abstract class AgainstS3Proxy {
  /** The server, started once per test class. */
  protected static S3ProxyServer server;
  /** The client every test sends its requests with. */
  protected static HttpClient http;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void emptyBucket() {
    server.clear();
  }
}
