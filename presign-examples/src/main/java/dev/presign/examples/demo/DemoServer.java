package dev.presign.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.presign.DownloadRequest;
import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.MultipartUploads;
import dev.presign.PolicyViolationException;
import dev.presign.PresignException;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedPart;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadedPart;
import dev.presign.examples.EmbeddedS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The seed's upload flow, made correct and runnable with no AWS account: a backend on the JDK's own
 * HTTP server that issues policy-checked URLs, and a page that sends files straight to storage.
 *
 * <pre>java -jar presign-examples/target/presign-demo.jar --port 8080</pre>
 *
 * <p>By default the storage is an embedded S3Proxy (signature checks on, files under
 * {@code ./presign-demo-data}, CORS open to this page). With {@code S3_BUCKET_NAME} and
 * {@code AWS_REGION} in the environment it uses that bucket with the SDK's usual credentials chain,
 * and {@code S3_ENDPOINT} (path style) for MinIO and the like.
 */
public final class DemoServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
  // A connection that has not sent its whole request by then is closed: half-sent requests must not hold
  // the worker threads (the JDK server reads a request on the thread that serves it).
  private static final int READ_TIMEOUT_SECONDS = 10;
  private static final int WRITE_TIMEOUT_SECONDS = 60;

  private final HttpServer http;
  private final ExecutorService executor;
  private final EmbeddedS3 embedded;
  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final UppyRoutes uppy;
  private final long multipartThreshold;
  // Download tokens (key and name, HMAC'd) replace a map of issued keys that an anonymous flood could fill.
  private final DownloadTokens tokens;

  private DemoServer(HttpServer http, ExecutorService executor, EmbeddedS3 embedded, UploadUrlIssuer issuer,
      MultipartUploads multipart, long multipartThreshold, DownloadTokens tokens) {
    this.http = http;
    this.executor = executor;
    this.embedded = embedded;
    this.issuer = issuer;
    this.multipart = multipart;
    this.uppy = new UppyRoutes(issuer, multipart, multipartThreshold, DemoServer::endUserMessage);
    this.multipartThreshold = multipartThreshold;
    this.tokens = tokens;
  }

  /**
   * Starts the demo.
   *
   * @param port the port to listen on, 0 for any free one
   * @param dataDirectory where the embedded store keeps files, or null for memory
   * @param multipartThreshold the size above which the page uploads in parts
   * @return the running server
   * @throws Exception when the server or the store cannot start
   */
  public static DemoServer start(int port, Path dataDirectory, long multipartThreshold) throws Exception {
    // Small JSON answers on keep-alive connections otherwise wait out Nagle and delayed ACKs (~40 ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Read when the JDK server's configuration class loads, at the first HttpServer in this JVM. A client that
    // stops halfway through its request is cut off after READ_TIMEOUT_SECONDS instead of holding a thread.
    System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(READ_TIMEOUT_SECONDS));
    System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(WRITE_TIMEOUT_SECONDS));
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    int bound = http.getAddress().getPort();
    List<String> origins = List.of("http://127.0.0.1:" + bound, "http://localhost:" + bound);
    PresignPolicy policy = PresignPolicy.builder()
        .allowContentTypes("image/*", "video/*", "audio/*", "application/pdf", "text/plain")
        .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
        .requireDeclaredSize(false)   // the seed's client sends no size; /download-url serves attachments
        .uploadTtl(Duration.ofMinutes(15))
        .downloadTtl(Duration.ofMinutes(5))
        .build();
    String bucket = System.getenv("S3_BUCKET_NAME");
    EmbeddedS3 embedded = null;
    UploadUrlIssuer.Builder issuer = UploadUrlIssuer.builder().policy(policy).keyStrategy(KeyStrategy.datedUuid("uploads/"));
    if (bucket == null || bucket.isBlank()) {
      embedded = EmbeddedS3.start(dataDirectory, origins);
      issuer.bucket(EmbeddedS3.BUCKET).region(Region.US_EAST_1).endpointOverride(embedded.endpoint())
          .pathStyleAccess(true).credentialsProvider(embedded.credentials());
    } else {
      issuer.bucket(bucket).region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
          .credentialsProvider(DefaultCredentialsProvider.builder().build());
      String endpoint = System.getenv("S3_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        issuer.endpointOverride(URI.create(endpoint)).pathStyleAccess(true);
      }
    }
    UploadUrlIssuer built = issuer.build();
    byte[] sessionKey = new byte[32];
    new SecureRandom().nextBytes(sessionKey);
    MultipartUploads multipart = MultipartUploads.builder().issuer(built).sessionKey(sessionKey)
        .partSize(5L * 1024 * 1024).build();
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
    // Kept in the data folder, so that the links of files uploaded before a restart still work after it.
    DownloadTokens tokens = new DownloadTokens(dataDirectory == null ? DownloadTokens.randomKey()
        : DownloadTokens.loadOrCreateKey(dataDirectory.resolve(DownloadTokens.KEY_FILE)));
    DemoServer server = new DemoServer(http, executor, embedded, built, multipart, multipartThreshold, tokens);
    http.createContext("/", server::route);
    http.start();   // no executor of its own: handlers run on the dispatcher thread, see route
    return server;
  }

  /** {@return the page's address, {@code http://127.0.0.1:PORT/}} */
  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  /** {@return the embedded store, when the demo runs on one} */
  public EmbeddedS3 embedded() {
    return embedded;
  }

  // Signing is local and takes microseconds, less than handing the exchange to a pool thread and back (a
  // futex wake-up each way; under wrk, answering on the dispatcher thread took about a quarter off the CPU
  // time per request). The multipart endpoints call the store and may wait on it, so they go to the pool.
  private void route(HttpExchange exchange) throws IOException {
    boolean toUppy = UppyRoutes.serves(exchange.getRequestURI().getPath());
    if (!toUppy && !exchange.getRequestURI().getPath().startsWith("/multipart/")) {
      answer(exchange);
      return;
    }
    executor.execute(() -> {
      try {
        if (toUppy) {
          uppy.answer(exchange);
          return;
        }
        answer(exchange);
      } catch (IOException e) {
        LOG.debug("Connection lost while answering {}: {}", exchange.getRequestURI().getPath(), e.toString());
      }
    });
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      try {
        if (path.equals("/") && method.equals("GET")) {
          page(exchange);
        } else if ((path.equals("/favicon.svg") || path.equals("/favicon.ico")) && method.equals("GET")) {
          favicon(exchange);
        } else if (path.equals("/generate-presigned-url") && method.equals("GET")) {
          json(exchange, 200, upload(query));
        } else if (path.equals("/download-url") && method.equals("GET")) {
          download(exchange, query);
        } else if (path.equals("/config") && method.equals("GET")) {
          json(exchange, 200, Map.of("multipartThreshold", multipartThreshold));
        } else if (path.equals("/multipart/start") && method.equals("POST")) {
          json(exchange, 200, startMultipart(query));
        } else if (path.equals("/multipart/parts") && method.equals("GET")) {
          json(exchange, 200, parts(query));
        } else if (path.equals("/multipart/complete") && method.equals("POST")) {
          json(exchange, 200, complete(query, exchange.getRequestBody()));
        } else if (path.equals("/multipart/abort") && method.equals("POST")) {
          multipart.abort(required(query, "token"));
          json(exchange, 200, Map.of("aborted", true));
        } else {
          json(exchange, 404, error("NOT_FOUND", "no such endpoint: " + method + " " + path));
        }
      } catch (PolicyViolationException e) {
        Map<String, Object> body = new LinkedHashMap<>(error(e.reason().name(), e.getMessage()));
        body.put("message", endUserMessage(e));
        json(exchange, 400, body);
      } catch (BadRequest e) {
        json(exchange, 400, error("BAD_REQUEST", e.getMessage()));
      } catch (PresignException e) {
        LOG.warn("Storage refused: {}", e.getMessage());
        json(exchange, 502, error("STORAGE_ERROR", e.getMessage()));
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure on {}", path, e);
        json(exchange, 500, error("INTERNAL_ERROR", "something went wrong"));
      }
    }
  }

  private Map<String, Object> upload(Map<String, String> query) {
    UploadRequest request = request(query);
    PresignedUpload upload = issuer.issueUpload(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", upload.url());
    body.put("method", upload.method());
    body.put("headers", upload.headers());
    body.put("key", upload.key());
    body.put("expiresAt", upload.expiresAt().toString());
    body.put("downloadToken", tokens.issue(upload.key(), request.fileName()));
    return body;
  }

  private void download(HttpExchange exchange, Map<String, String> query) throws IOException {
    DownloadTokens.Download issued = tokens.open(required(query, "token"));
    if (issued == null) {
      json(exchange, 404, error("NOT_FOUND", "this server issued no upload for that token"));
      return;
    }
    PresignedDownload download = issuer.issueDownload(DownloadRequest.of(issued.key()).attachment(issued.name()));
    json(exchange, 200, Map.of("url", download.url(), "expiresAt", download.expiresAt().toString()));
  }

  private Map<String, Object> startMultipart(Map<String, String> query) {
    UploadRequest request = request(query);
    if (request.size().isEmpty()) {
      throw new BadRequest("size is required for a multipart upload");
    }
    MultipartSession session = multipart.start(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", session.key());
    body.put("downloadToken", tokens.issue(session.key(), request.fileName()));
    body.put("token", session.token());
    body.put("partSize", session.partSize());
    body.put("partCount", session.partCount());
    body.put("expiresAt", session.expiresAt().toString());
    return body;
  }

  private Map<String, Object> parts(Map<String, String> query) {
    String token = required(query, "token");
    int from = number(query, "from", 1);
    int to = number(query, "to", from);
    List<Map<String, Object>> parts = new ArrayList<>();
    for (PresignedPart part : multipart.presignParts(token, from, to)) {
      parts.add(Map.of("partNumber", part.partNumber(), "url", part.url(), "size", part.size()));
    }
    return Map.of("parts", parts);
  }

  // Body: one "partNumber:etag" per line, in order.
  private Map<String, Object> complete(Map<String, String> query, InputStream body) throws IOException {
    String token = required(query, "token");
    byte[] bytes = body.readNBytes(1_000_000);
    List<UploadedPart> parts = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest("each line must be partNumber:etag");
      }
      try {
        parts.add(UploadedPart.of(Integer.parseInt(line.substring(0, colon).trim()), line.substring(colon + 1).trim()));
      } catch (NumberFormatException e) {
        throw new BadRequest("part numbers must be whole numbers");
      }
    }
    return Map.of("etag", multipart.complete(token, parts));
  }

  private static UploadRequest request(Map<String, String> query) {
    String fileName = required(query, "fileName");
    String fileType = required(query, "fileType");
    String size = query.get("size");
    if (size == null || size.isEmpty()) {
      return UploadRequest.of(fileName, fileType);
    }
    long bytes;
    try {
      bytes = Long.parseLong(size);
    } catch (NumberFormatException e) {
      throw new BadRequest("size must be a whole number of bytes");
    }
    if (bytes < 0) {
      throw new BadRequest("size must not be negative");
    }
    return UploadRequest.of(fileName, fileType, bytes);
  }

  private static String required(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw new BadRequest(name + " is required");
    }
    return value;
  }

  private static int number(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("the query string is not valid percent-encoding");
      }
    }
    return query;
  }

  // The policy's own message names MIME patterns (image/*), which mean nothing to the person picking a file.
  private static String endUserMessage(PolicyViolationException e) {
    return switch (e.reason()) {
      case CONTENT_TYPE_INVALID, CONTENT_TYPE_NOT_ALLOWED, EXTENSION_NOT_ALLOWED, EXTENSION_MISMATCH ->
          "This file type is not accepted. Accepted: images, videos, audio, PDF and plain text.";
      case TOO_LARGE -> "This file is too large.";
      case TOO_SMALL -> "This file is too small.";
      case FILE_NAME_INVALID -> "This file name is not accepted. Rename the file and try again.";
      default -> "This upload was refused. Reload the page and try again.";
    };
  }

  private static Map<String, Object> error(String error, String reason) {
    return Map.of("error", error, "reason", reason);
  }

  private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = Json.of(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void page(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = DemoServer.class.getResourceAsStream("index.html")) {
      bytes = in.readAllBytes();
    }
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        + "style-src 'unsafe-inline'; connect-src 'self' http://127.0.0.1:* http://localhost:* https:");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void favicon(HttpExchange exchange) throws IOException {
    byte[] bytes = FAVICON.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "image/svg+xml");
    exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // An upward arrow on a rounded square; SVG, so that no binary file is needed.
  private static final String FAVICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
      + "<rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#2456d6\"/>"
      + "<path d=\"M16 6l8 9h-5v10h-6V15H8z\" fill=\"#fff\"/></svg>";

  /** A request the demo cannot serve: answered 400 with the reason. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    multipart.close();
    if (embedded != null) {
      embedded.close();
    }
  }

  /**
   * Starts the demo: {@code --port N} (8080 by default, 0 for any free port) and {@code --data DIR}
   * (./presign-demo-data by default).
   *
   * @param args the options
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    int port = 8080;
    Path data = Path.of("presign-demo-data");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    DemoServer server = start(port, data, 100L * 1024 * 1024);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("Listening on " + server.url());
  }
}
