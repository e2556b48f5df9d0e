package dev.presign.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.presign.MultipartUploads;
import dev.presign.PolicyViolationException;
import dev.presign.UploadUrlIssuer;
import dev.presign.UppyS3Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The demo's second page: Uppy's Dashboard with its unchanged S3 plugin ({@code @uppy/aws-s3}, from the
 * {@code uppy} npm bundle the build unpacks into the classes) against presign's {@link UppyS3Handler}.
 * {@code GET /uppy} is the page, {@code /uppy/uppy.min.js} and {@code .css} the bundle, {@code /uppy/s3/...}
 * Uppy Companion's S3 routes.
 */
final class UppyRoutes {
  /** Where the routes live; the page gives Uppy this as its {@code companionEndpoint}. */
  static final String MOUNT = "/uppy";
  private static final int MAX_BODY = 1024 * 1024;

  private final UppyS3Handler handler;
  private final long multipartThreshold;

  UppyRoutes(UploadUrlIssuer issuer, MultipartUploads multipart, long multipartThreshold,
      Function<PolicyViolationException, String> endUserMessage) {
    this.handler = UppyS3Handler.builder().issuer(issuer).multipart(multipart).errorMessage(endUserMessage).build();
    this.multipartThreshold = multipartThreshold;
  }

  /** {@return whether a request path is one of these routes} */
  static boolean serves(String path) {
    return path.equals(MOUNT) || path.startsWith(MOUNT + "/");
  }

  /** Answers one request under {@link #MOUNT} and closes the exchange. */
  void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.equals(MOUNT) && method.equals("GET")) {
        page(exchange);
      } else if (path.equals(MOUNT + "/uppy.min.js") && method.equals("GET")) {
        bundle(exchange, "uppy/uppy.min.js", "text/javascript; charset=utf-8");
      } else if (path.equals(MOUNT + "/uppy.min.css") && method.equals("GET")) {
        bundle(exchange, "uppy/uppy.min.css", "text/css; charset=utf-8");
      } else {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readNBytes(MAX_BODY + 1);
        }
        UppyS3Handler.Response r = body.length > MAX_BODY
            ? new UppyS3Handler.Response(413, "{\"error\":\"The request body is too large.\",\"reason\":\"BAD_REQUEST\"}",
                "Payload Too Large")
            : handler.handle(method, path.substring(MOUNT.length()), exchange.getRequestURI().getRawQuery(),
                new String(body, StandardCharsets.UTF_8));
        send(exchange, r.status(), "application/json; charset=utf-8", r.json().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void page(HttpExchange exchange) throws IOException {
    String html;
    try (InputStream in = UppyRoutes.class.getResourceAsStream("uppy.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    byte[] bytes = html.replace("MULTIPART_MIB", String.format(java.util.Locale.ROOT, "%.0f MiB", multipartThreshold / 1048576.0))
        .replace("MULTIPART_THRESHOLD", Long.toString(multipartThreshold)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self' http://127.0.0.1:* http://localhost:* https:");
    send(exchange, 200, "text/html; charset=utf-8", bytes);
  }

  private static void bundle(HttpExchange exchange, String resource, String type) throws IOException {
    try (InputStream in = UppyRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        send(exchange, 404, "text/plain; charset=utf-8",
            "Uppy's bundle is missing: build with mvn package".getBytes(StandardCharsets.UTF_8));
        return;
      }
      exchange.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if (!type.startsWith("text/javascript") && !type.startsWith("text/css")) {
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
