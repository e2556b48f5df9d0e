package dev.presign.examples.demo;

import dev.presign.DownloadRequest;
import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.MultipartUploads;
import dev.presign.PresignException;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedPart;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadedPart;
import dev.presign.examples.EmbeddedS3;
import dev.presign.examples.demo.Routes.BadRequest;
import dev.presign.examples.demo.Routes.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The seed's upload flow, made correct and runnable with no AWS account: a backend on Jetty's core
 * API (no servlets, no framework) that issues policy-checked URLs, and a page that sends files
 * straight to storage. Every endpoint is one line in {@link #routes()}; every bad request gets a
 * JSON error.
 *
 * <pre>java -jar presign-examples/target/presign-demo.jar --port 8080</pre>
 *
 * <p>By default the storage is an embedded S3Proxy (signature checks on, files under {@code
 * ./presign-demo-data}, CORS open to this page). With {@code S3_BUCKET_NAME} and {@code AWS_REGION}
 * in the environment it uses that bucket with the SDK's usual credentials chain, and {@code
 * S3_ENDPOINT} (path style) for MinIO and the like.
 */
public final class DemoServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
  // A connection silent for this long, halfway through its request or between requests, is closed.
  private static final long IDLE_TIMEOUT_MILLIS = 10_000;
  // Bounded: past MAX_CONNECTIONS open connections the server stops accepting, and a flood waits in
  // the kernel's accept queue (or is refused there) instead of growing the server's memory. An
  // HTTP/1.1 connection has one request in progress at a time, so the thread pool's queue stays
  // under that too.
  private static final int MAX_THREADS =
      Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
  private static final int MAX_CONNECTIONS = 1024;
  private static final int ACCEPT_QUEUE = 1024;
  // /multipart/complete's body is one "partNumber:etag" line per part; larger bodies are answered
  // 413.
  private static final int MAX_REQUEST_BODY = 1_000_000;
  private static final int MAX_REQUEST_HEAD = 16 * 1024;

  private final Server jetty;
  private final ServerConnector connector;
  private final @Nullable EmbeddedS3 embedded;
  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final long multipartThreshold;
  // Download tokens (key and name, HMAC'd) replace a map of issued keys that an anonymous flood
  // could fill.
  private final DownloadTokens tokens;

  private DemoServer(
      Server jetty,
      ServerConnector connector,
      @Nullable EmbeddedS3 embedded,
      UploadUrlIssuer issuer,
      MultipartUploads multipart,
      long multipartThreshold,
      DownloadTokens tokens) {
    this.jetty = jetty;
    this.connector = connector;
    this.embedded = embedded;
    this.issuer = issuer;
    this.multipart = multipart;
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
  public static DemoServer start(int port, @Nullable Path dataDirectory, long multipartThreshold)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("demo");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // Request line and headers: 16 KiB, room for a file name of 255 characters percent-encoded as
    // UTF-8 several times over, so that the policy refuses a long name with its own reason; beyond
    // that Jetty answers 414/431.
    http.setRequestHeaderSize(MAX_REQUEST_HEAD);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    jetty.addConnector(connector);
    jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    jetty.setErrorHandler(new Routes.JsonErrors());
    connector.open(); // bound now, so that the store's CORS rule can name the page's origin
    int bound = connector.getLocalPort();
    List<String> origins = List.of("http://127.0.0.1:" + bound, "http://localhost:" + bound);
    PresignPolicy policy =
        PresignPolicy.builder()
            .allowContentTypes("image/*", "video/*", "audio/*", "application/pdf", "text/plain")
            .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
            .requireDeclaredSize(
                false) // the seed's client sends no size; /download-url serves attachments
            .uploadTtl(Duration.ofMinutes(15))
            .downloadTtl(Duration.ofMinutes(5))
            .build();
    String bucket = System.getenv("S3_BUCKET_NAME");
    EmbeddedS3 embedded = null;
    UploadUrlIssuer.Builder issuer =
        UploadUrlIssuer.builder().policy(policy).keyStrategy(KeyStrategy.datedUuid("uploads/"));
    if (bucket == null || bucket.isBlank()) {
      embedded = EmbeddedS3.start(dataDirectory, origins);
      issuer
          .bucket(EmbeddedS3.BUCKET)
          .region(Region.US_EAST_1)
          .endpointOverride(embedded.endpoint())
          .pathStyleAccess(true)
          .credentialsProvider(embedded.credentials());
    } else {
      issuer
          .bucket(bucket)
          .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
          .credentialsProvider(DefaultCredentialsProvider.builder().build());
      String endpoint = System.getenv("S3_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        issuer.endpointOverride(URI.create(endpoint)).pathStyleAccess(true);
      }
    }
    UploadUrlIssuer built = issuer.build();
    byte[] sessionKey = new byte[32];
    new SecureRandom().nextBytes(sessionKey);
    MultipartUploads multipart =
        MultipartUploads.builder()
            .issuer(built)
            .sessionKey(sessionKey)
            .partSize(5L * 1024 * 1024)
            .build();
    // Kept in the data folder, so that the links of files uploaded before a restart still work
    // after it.
    DownloadTokens tokens =
        new DownloadTokens(
            dataDirectory == null
                ? DownloadTokens.randomKey()
                : DownloadTokens.loadOrCreateKey(dataDirectory.resolve(DownloadTokens.KEY_FILE)));
    DemoServer server =
        new DemoServer(jetty, connector, embedded, built, multipart, multipartThreshold, tokens);
    SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BODY, -1);
    // /uppy and below: the Uppy page and Uppy's S3 routes (UppyRoutes); every other path: the table
    // in routes().
    limit.setHandler(
        new UppyRoutes(
            built, multipart, multipartThreshold, DemoServer::endUserMessage, server.routes()));
    jetty.setHandler(limit);
    jetty.start();
    return server;
  }

  /** {@return the page's address, {@code http://127.0.0.1:PORT/}} */
  public URI url() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  /**
   * {@return the embedded store, or null when the demo runs on an S3 bucket named by
   * S3_BUCKET_NAME}
   */
  public @Nullable EmbeddedS3 embedded() {
    return embedded;
  }

  // Every endpoint of the demo, one line each: a new route is one more line here.
  private Routes routes() {
    return new Routes(MAX_REQUEST_BODY, DemoServer::failure)
        .get("/", DemoServer::page)
        .get("/favicon.svg", DemoServer::favicon)
        .get("/favicon.ico", DemoServer::favicon)
        .get(
            "/config",
            exchange -> exchange.json(200, Map.of("multipartThreshold", multipartThreshold)))
        .get("/generate-presigned-url", exchange -> exchange.json(200, upload(exchange.query())))
        .get("/download-url", this::download)
        .post("/multipart/start", exchange -> exchange.json(200, startMultipart(exchange.query())))
        .get("/multipart/parts", exchange -> exchange.json(200, parts(exchange.query())))
        .post(
            "/multipart/complete",
            exchange -> exchange.json(200, complete(exchange.query(), exchange.body())))
        .post("/multipart/abort", this::abort);
  }

  private static void failure(Exchange exchange, Exception failure) {
    if (failure instanceof InvalidRequestException e) {
      Map<String, Object> body = Routes.error(e.reason().name(), reason(e));
      body.put("message", endUserMessage(e));
      exchange.json(400, body);
    } else if (failure instanceof BadRequest e) {
      exchange.json(400, Routes.error("BAD_REQUEST", reason(e)));
    } else if (failure instanceof PresignException e) {
      LOG.warn("Storage refused: {}", e.getMessage());
      exchange.json(502, Routes.error("STORAGE_ERROR", reason(e)));
    } else {
      LOG.error("Unexpected failure on {}", exchange.path(), failure);
      exchange.json(500, Routes.error("INTERNAL_ERROR", "something went wrong"));
    }
  }

  // Throwable's message may be null in general; presign's exceptions and BadRequest always carry
  // one,
  // so the fallback only keeps the error body's reason a string should that ever change.
  private static String reason(Exception e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
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

  private void download(Exchange exchange) {
    DownloadTokens.Download issued = tokens.open(required(exchange.query(), "token"));
    if (issued == null) {
      exchange.json(404, Routes.error("NOT_FOUND", "this server issued no upload for that token"));
      return;
    }
    PresignedDownload download =
        issuer.issueDownload(DownloadRequest.of(issued.key()).attachment(issued.name()));
    exchange.json(200, Map.of("url", download.url(), "expiresAt", download.expiresAt().toString()));
  }

  private void abort(Exchange exchange) {
    multipart.abort(required(exchange.query(), "token"));
    exchange.json(200, Map.of("aborted", true));
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
  private Map<String, Object> complete(Map<String, String> query, byte[] body) {
    String token = required(query, "token");
    List<UploadedPart> parts = new ArrayList<>();
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest("each line must be partNumber:etag");
      }
      try {
        parts.add(
            UploadedPart.of(
                Integer.parseInt(line.substring(0, colon).trim()),
                line.substring(colon + 1).trim()));
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

  // The policy's own message names MIME patterns (image/*), which mean nothing to the person
  // picking a file.
  private static String endUserMessage(InvalidRequestException e) {
    return switch (e.reason()) {
      case CONTENT_TYPE_INVALID,
          CONTENT_TYPE_NOT_ALLOWED,
          EXTENSION_NOT_ALLOWED,
          EXTENSION_MISMATCH ->
          "This file type is not accepted. Accepted: images, videos, audio, PDF and plain text.";
      case TOO_LARGE -> "This file is too large.";
      case TOO_SMALL -> "This file is too small.";
      case FILE_NAME_INVALID -> "This file name is not accepted. Rename the file and try again.";
      default -> "This upload was refused. Reload the page and try again.";
    };
  }

  private static void page(Exchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = DemoServer.class.getResourceAsStream("index.html")) {
      bytes = in.readAllBytes();
    }
    exchange.send(
        200,
        "text/html; charset=utf-8",
        bytes,
        "Content-Security-Policy",
        "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' http://127.0.0.1:* "
            + "http://localhost:* https:");
  }

  private static void favicon(Exchange exchange) {
    exchange.send(
        200,
        "image/svg+xml",
        FAVICON.getBytes(StandardCharsets.UTF_8),
        "Cache-Control",
        "max-age=86400");
  }

  // An upward arrow on a rounded square; SVG, so that no binary file is needed.
  private static final String FAVICON =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
          + "<rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#2456d6\"/>"
          + "<path d=\"M16 6l8 9h-5v10h-6V15H8z\" fill=\"#fff\"/></svg>";

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("The HTTP server did not stop cleanly: {}", e.toString());
    }
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
