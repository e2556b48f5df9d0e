package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.presign.setup.BucketSetup;
import dev.presign.testing.StoreSuite;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * BucketSetup against a real store. On a store with the bucket CORS and lifecycle APIs (S3, Ceph
 * RGW) the rules are written, read back and obeyed by the store's answers to a browser's preflight
 * and by headless Chromium; S3Proxy has neither API, and there S3's refusal must reach the caller
 * with the store's error code.
 */
class BucketSetupStoreTest extends StoreSuite {
  private static final String ORIGIN = "https://app.example.com";
  private static final byte[] PNG = "\u0089PNG for a browser".getBytes(StandardCharsets.ISO_8859_1);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final HttpClient PREFLIGHT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  @AfterEach
  void noBucketConfiguration() {
    if (variant().bucketConfigurationApis()) {
      store.s3Client().deleteBucketCors(r -> r.bucket(store.bucket()));
      store.s3Client().deleteBucketLifecycle(r -> r.bucket(store.bucket()));
    }
  }

  @Test
  void applyCors_thenCheckCorsAndGetBucketCors_readTheRuleBack() {
    if (!variant().bucketConfigurationApis()) {
      assertCorsApiRefused();
      return;
    }
    assertThat(BucketSetup.checkCors(store.s3Client(), store.bucket(), List.of(ORIGIN)))
        .containsExactly("the bucket has no CORS configuration");

    BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of(ORIGIN));

    List<CORSRule> rules =
        store.s3Client().getBucketCors(r -> r.bucket(store.bucket())).corsRules();
    assertThat(rules).hasSize(1);
    CORSRule wanted = BucketSetup.corsRule(List.of(ORIGIN));
    CORSRule read = rules.get(0);
    assertThat(read.allowedOrigins()).containsExactly(ORIGIN);
    // RGW hands the methods back in its own order (GET, PUT, HEAD, POST).
    assertThat(read.allowedMethods()).containsExactlyInAnyOrderElementsOf(wanted.allowedMethods());
    assertThat(read.allowedHeaders()).containsExactlyInAnyOrderElementsOf(wanted.allowedHeaders());
    assertThat(read.exposeHeaders()).containsExactlyInAnyOrder("ETag", "x-amz-version-id");
    assertThat(read.maxAgeSeconds()).isEqualTo(3000);
    assertThat(BucketSetup.checkCors(store.s3Client(), store.bucket(), List.of(ORIGIN))).isEmpty();
    assertThat(
            BucketSetup.checkCors(
                store.s3Client(), store.bucket(), List.of("https://other.example.com")))
        .containsExactly("origin https://other.example.com is not allowed");
  }

  @Test
  void applyAbortIncompleteMultipartUploads_keepsAnotherRuleAndReplacesItsOwn() {
    if (!variant().bucketConfigurationApis()) {
      // presign reads the configuration first, to keep other rules: that read is what S3Proxy
      // refuses.
      assertThatThrownBy(
              () ->
                  BucketSetup.applyAbortIncompleteMultipartUploads(
                      store.s3Client(), store.bucket(), 7))
          .isInstanceOf(PresignException.class)
          .hasMessage("S3 refused GetBucketLifecycleConfiguration: NotImplemented (HTTP 501)");
      return;
    }
    LifecycleRule theirs =
        LifecycleRule.builder()
            .id("expire-logs")
            .status("Enabled")
            .filter(f -> f.prefix("logs/"))
            .expiration(e -> e.days(30))
            .build();
    store
        .s3Client()
        .putBucketLifecycleConfiguration(
            r -> r.bucket(store.bucket()).lifecycleConfiguration(c -> c.rules(theirs)));

    BucketSetup.applyAbortIncompleteMultipartUploads(store.s3Client(), store.bucket(), 7);
    Map<String, LifecycleRule> first = lifecycleRules();
    BucketSetup.applyAbortIncompleteMultipartUploads(store.s3Client(), store.bucket(), 5);
    Map<String, LifecycleRule> second = lifecycleRules();

    assertThat(first).containsOnlyKeys("expire-logs", BucketSetup.ABORT_RULE_ID);
    assertThat(
            first
                .get(BucketSetup.ABORT_RULE_ID)
                .abortIncompleteMultipartUpload()
                .daysAfterInitiation())
        .isEqualTo(7);
    assertThat(first.get(BucketSetup.ABORT_RULE_ID).status().toString()).isEqualTo("Enabled");
    assertThat(second).containsOnlyKeys("expire-logs", BucketSetup.ABORT_RULE_ID);
    assertThat(
            second
                .get(BucketSetup.ABORT_RULE_ID)
                .abortIncompleteMultipartUpload()
                .daysAfterInitiation())
        .isEqualTo(5);
    assertThat(second.get("expire-logs").expiration().days()).isEqualTo(30);
    assertThat(second.get("expire-logs").filter().prefix()).isEqualTo("logs/");
  }

  @Test
  void preflight_fromTheAllowedOrigin_isAnsweredByTheRuleAndTheUploadExposesItsEtag()
      throws Exception {
    if (!variant().bucketConfigurationApis()) {
      assertCorsApiRefused();
      return;
    }
    BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of(ORIGIN));
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    // What a browser sends before a cross-origin PUT with a Content-Type header.
    HttpResponse<String> preflight = preflight(upload, ORIGIN, "PUT", "content-type");

    assertThat(preflight.statusCode()).as(preflight.body()).isEqualTo(200);
    HttpHeaders answer = preflight.headers();
    assertThat(answer.firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    assertThat(list(answer, "Access-Control-Allow-Methods")).contains("put");
    assertThat(list(answer, "Access-Control-Allow-Headers")).contains("content-type");
    assertThat(list(answer, "Access-Control-Expose-Headers")).contains("etag");
    assertThat(answer.firstValue("Access-Control-Max-Age")).hasValue("3000");

    // The PUT itself: the browser may read the ETag only because the answer exposes it.
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(upload.uri())
                .header("Origin", ORIGIN)
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG))
                .build(),
            BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    assertThat(list(put.headers(), "Access-Control-Expose-Headers")).contains("etag");
    assertThat(put.headers().firstValue("ETag")).isPresent();
    assertThat(store.bytes(upload.key())).isEqualTo(PNG);
  }

  @Test
  void preflight_fromAnotherOriginOrForAnotherMethodOrHeader_isRefused() throws Exception {
    if (!variant().bucketConfigurationApis()) {
      assertCorsApiRefused();
      return;
    }
    BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of(ORIGIN));
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    // S3 refuses with 403 AccessForbidden, RGW with 403 AccessDenied; neither allows the origin.
    for (HttpResponse<String> refused :
        List.of(
            preflight(upload, "https://evil.example.com", "PUT", "content-type"),
            preflight(upload, ORIGIN, "DELETE", "content-type"),
            preflight(upload, ORIGIN, "PUT", "x-evil"))) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("<Code>" + variant().refusedPreflightCode() + "</Code>");
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
    assertThat(store.keys()).as("nothing may be stored").isEmpty();
  }

  @Test
  void browserFetch_fromTheAllowedOrigin_readsTheEtag_andFromAnotherOriginIsBlocked(
      @TempDir Path profile) throws Exception {
    if (!variant().bucketConfigurationApis()) {
      assertCorsApiRefused();
      return;
    }
    boolean installed = Files.isExecutable(CHROMIUM);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs Debian's chromium: apt-get install chromium");
    }
    Assumptions.assumeTrue(installed, "install Debian's chromium to run the browser fetch");
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();
    PresignedUpload allowed =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    PresignedUpload blocked =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pages.createContext(
        "/",
        exchange -> {
          PresignedUpload upload =
              exchange.getRequestURI().getPath().equals("/allowed") ? allowed : blocked;
          byte[] page = page(upload).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (exchange) {
            exchange.getResponseBody().write(page);
          }
        });
    pages.start();
    try {
      int port = pages.getAddress().getPort();
      BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of("http://127.0.0.1:" + port));

      // The page's origin is in the rule: the PUT lands and the page can read its ETag.
      String fromAllowed =
          chromiumRuns("http://127.0.0.1:" + port + "/allowed", profile.resolve("a"));
      // localhost is another origin: the preflight is refused, so the browser never sends the PUT.
      String fromOther =
          chromiumRuns("http://localhost:" + port + "/blocked", profile.resolve("b"));

      assertThat(fromAllowed).startsWith("status=200 etag=\"");
      assertThat(fromAllowed).isEqualTo("status=200 etag=" + store.object(allowed.key()).eTag());
      assertThat(store.bytes(allowed.key())).isEqualTo(PNG);
      assertThat(fromOther).isEqualTo("failed TypeError");
      assertThat(store.exists(blocked.key())).as("nothing may be stored").isFalse();
    } finally {
      pages.stop(0);
    }
  }

  /**
   * A page that PUTs the PNG to the presigned URL with fetch and writes what it could read into the
   * page.
   */
  private static String page(PresignedUpload upload) {
    StringBuilder bytes = new StringBuilder();
    for (byte b : PNG) {
      bytes.append(bytes.length() == 0 ? "" : ",").append(b & 0xff);
    }
    return "<!doctype html><html><body><pre id=\"out\">pending</pre><script>\n"
        + "fetch(\""
        + upload.url()
        + "\", {method: \"PUT\", headers: {\"Content-Type\": \"image/png\"},"
        + " body: new Uint8Array(["
        + bytes
        + "])})\n"
        + "  .then(r => { document.getElementById(\"out\").textContent = \"status=\" + r.status"
        + " + \" etag=\" + r.headers.get(\"ETag\"); })\n"
        + "  .catch(e => { document.getElementById(\"out\").textContent = \"failed \" + e.name; });\n"
        + "</script></body></html>";
  }

  /** Loads the page in headless Chromium, lets its fetch finish, and returns the page's report. */
  private static String chromiumRuns(String url, Path profile) throws Exception {
    Process chromium =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=20000",
                "--dump-dom",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom;
    try (var out = chromium.getInputStream()) {
      dom = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    Matcher report = Pattern.compile("<pre id=\"out\">([^<]*)</pre>").matcher(dom);
    assertThat(report.find()).as(dom).isTrue();
    return report.group(1).replace("&quot;", "\"");
  }

  /** S3Proxy implements no bucket CORS API: S3's refusal, with its code, reaches the caller. */
  private static void assertCorsApiRefused() {
    assertThatThrownBy(
            () -> BucketSetup.applyCors(store.s3Client(), store.bucket(), List.of(ORIGIN)))
        .isInstanceOf(PresignException.class)
        .hasMessage("S3 refused PutBucketCors: NotImplemented (HTTP 501)");
    assertThatThrownBy(
            () -> BucketSetup.checkCors(store.s3Client(), store.bucket(), List.of(ORIGIN)))
        .isInstanceOf(PresignException.class)
        .hasMessage("S3 refused GetBucketCors: NotImplemented (HTTP 501)");
  }

  /**
   * A browser's preflight, to the presigned URL as the browser would send it. Not through the
   * suite's cross-checking client: S3 answers a preflight from the bucket's CORS rules without
   * authenticating it, so the signature (made for PUT) has nothing to say about it.
   */
  private static HttpResponse<String> preflight(
      PresignedUpload upload, String origin, String method, String headers) throws Exception {
    return PREFLIGHT.send(
        HttpRequest.newBuilder(upload.uri())
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", headers)
            .build(),
        BodyHandlers.ofString());
  }

  /** A comma-separated header's values, lower case, for comparison without regard to case. */
  private static List<String> list(HttpHeaders headers, String name) {
    return headers.allValues(name).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(value -> value.trim().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static Map<String, LifecycleRule> lifecycleRules() {
    return store
        .s3Client()
        .getBucketLifecycleConfiguration(r -> r.bucket(store.bucket()))
        .rules()
        .stream()
        .collect(Collectors.toMap(LifecycleRule::id, Function.identity()));
  }
}
