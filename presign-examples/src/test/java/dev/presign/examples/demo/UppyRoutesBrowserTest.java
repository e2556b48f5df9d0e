package dev.presign.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.examples.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Real Uppy (the {@code uppy} 6.0.1 npm bundle: Dashboard and {@code @uppy/aws-s3} with {@code
 * companionEndpoint}) in real headless Chromium against the demo's {@code /uppy} routes and its
 * signature-checking store: a small upload (Uppy's POST form), a three-part upload paused after its
 * first part and resumed, a refused type showing presign's words, and a forged upload id or key
 * refused. Each test asserts what the store holds afterwards. Skipped without Debian's chromium, a
 * failure under CI.
 */
class UppyRoutesBrowserTest {
  private static final int MIB = 1024 * 1024;

  @TempDir static Path files;
  private static DemoServer server;
  private static WebDriver browser;
  private static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = DemoServer.start(0, null, 6L * MIB);
    s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(server.embedded().endpoint())
            .forcePathStyle(true)
            .credentialsProvider(server.embedded().credentials())
            .build();
    browser = HeadlessChromium.start();
    browser.manage().window().setSize(new Dimension(1000, 900));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshPageAndStore() {
    for (MultipartUpload upload : openUploads()) {
      s3.abortMultipartUpload(
          r -> r.bucket(EmbeddedS3.BUCKET).key(upload.key()).uploadId(upload.uploadId()));
    }
    for (String key : server.embedded().keys()) {
      s3.deleteObject(r -> r.bucket(EmbeddedS3.BUCKET).key(key));
    }
    browser.get(server.url().resolve("/uppy").toString());
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> script("return !!window.uppy;"));
  }

  @Test
  void smallFile_goesUpAsUppysPostFormAndIsStored() throws Exception {
    byte[] png = bytes(200_000, true);
    String id = pick(Files.write(files.resolve("small photo.png"), png));

    script("window.uppy.upload();");
    String key = awaitSuccess(id);

    assertThat(key).startsWith("uploads/").endsWith(".png");
    assertThat(server.embedded().keys()).containsExactly(key);
    assertThat(server.embedded().read(key)).isEqualTo(png);
    assertThat(companionRequests()).containsExactly("GET /uppy/s3/params");
    Path screenshot = Files.createDirectories(Path.of("target")).resolve("uppy-page.png");
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(screenshot)).isGreaterThan(1000);
  }

  @Test
  void threePartFile_pausedAfterItsFirstPartAndResumed_isStoredWhole() throws Exception {
    byte[] film = bytes(2 * 5 * MIB + 123_457, false);
    String id = pick(Files.write(files.resolve("film.mp4"), film));
    script(
        "window.uppy.once('s3-multipart:part-uploaded', (file, part) => {"
            + " window.uppy.pauseResume(file.id); window.pausedAfter = part.PartNumber; });");

    script("window.uppy.upload();");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> script("return window.pausedAfter || null;") != null);
    Thread.sleep(1000); // let the aborted part request settle: nothing may complete while paused

    assertThat(script("return window.uppy.getFile(arguments[0]).isPaused;", id)).isEqualTo(true);
    assertThat(server.embedded().keys()).isEmpty();
    MultipartUpload open = theOpenUpload();
    assertThat(partsOf(open)).isNotEmpty();
    assertThat(companionRequests()).doesNotContain("POST /uppy/s3/multipart/X/complete");

    script("window.uppy.pauseResume(arguments[0]);", id);
    String key = awaitSuccess(id);

    assertThat(key).isEqualTo(open.key()).startsWith("uploads/").endsWith(".mp4");
    assertThat(server.embedded().read(key)).isEqualTo(film);
    assertThat(s3.headObject(r -> r.bucket(EmbeddedS3.BUCKET).key(key)).eTag()).endsWith("-3\"");
    assertThat(openUploads()).isEmpty();
    List<String> calls = companionRequests();
    assertThat(calls.get(0)).isEqualTo("POST /uppy/s3/multipart");
    // on resume, Uppy asks which parts S3 already holds: GET /s3/multipart/{uploadId}
    assertThat(calls).contains("GET /uppy/s3/multipart/X", "GET /uppy/s3/multipart/X/3");
    assertThat(calls.get(calls.size() - 1)).isEqualTo("POST /uppy/s3/multipart/X/complete");
  }

  @Test
  void refusedType_showsPresignsMessageAndStoresNothing() throws Exception {
    String id =
        pick(
            Files.write(
                files.resolve("page.html"),
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

    script("window.uppy.upload();");
    String error = awaitError(id);

    assertThat(error)
        .isEqualTo(
            "Companion request failed: This file type is not accepted. "
                + "Accepted: images, videos, audio, PDF and plain text.");
    // The Dashboard shows it on the file: the "?" button's tooltip (aria-label), an alert when
    // clicked.
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector(".uppy-Dashboard-Item-errorDetails")).isEmpty());
    assertThat(
            browser
                .findElement(By.cssSelector(".uppy-Dashboard-Item-errorDetails"))
                .getAttribute("aria-label"))
        .isEqualTo(error);
    assertThat(server.embedded().keys()).isEmpty();
    assertThat(openUploads()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a forged upload id: one character of the token's MAC changed
        "path.replace(/(\\/s3\\/multipart\\/[^/]+?)([A-Za-z0-9])(\\/1)$/, (m, a, c, b) => a + (c === 'A' ? 'B' : 'A') + b)",
        // another key than the upload's
        "path"
      })
  void forgedUploadIdOrKey_isRefusedAndNothingIsStored(String rewritePath) throws Exception {
    boolean forgesKey = rewritePath.equals("path");
    // A hostile page: rewrites Uppy's request for the first part's URL before it leaves the
    // browser.
    script(
        "const inner = window.fetch; window.fetch = (input, init) => {"
            + " const url = new URL(typeof input === 'string' ? input : input.url, location.href);"
            + " if (/\\/s3\\/multipart\\/[^/]+\\/1$/.test(url.pathname)) {"
            + "   const path = url.pathname;"
            + "   url.pathname = "
            + rewritePath
            + ";"
            + (forgesKey ? "   url.searchParams.set('key', 'uploads/someone-else.mp4');" : "")
            + "   window.forged = url.pathname + url.search; input = url.toString(); }"
            + " return inner(input, init); };");
    byte[] film = bytes(2 * 5 * MIB + 10, false);
    String id = pick(Files.write(files.resolve("forged.mp4"), film));

    script("window.uppy.upload();");
    String error = awaitError(id);

    assertThat(script("return window.forged || null;")).isNotNull();
    assertThat(error)
        .isEqualTo(
            "Companion request failed: This upload was refused. Reload the page and try again.");
    assertThat(server.embedded().keys()).isEmpty();
    MultipartUpload open = theOpenUpload();
    assertThat(partsOf(open)).isEmpty();
  }

  // The one multipart upload the store has open, as ListMultipartUploads shows it.
  private static MultipartUpload theOpenUpload() {
    List<MultipartUpload> open = openUploads();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private static List<Part> partsOf(MultipartUpload upload) {
    return s3.listParts(
            r -> r.bucket(EmbeddedS3.BUCKET).key(upload.key()).uploadId(upload.uploadId()))
        .parts();
  }

  private static String pick(Path file) {
    browser.findElement(By.cssSelector(".uppy-Dashboard-input")).sendKeys(file.toString());
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> script("return window.uppy.getFiles().length;").equals(1L));
    return (String) script("return window.uppy.getFiles()[0].id;");
  }

  private static String awaitSuccess(String id) {
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .until(
            d ->
                script(
                    "const f = window.uppy.getFile(arguments[0]); return !!(f && (f.progress.uploadComplete || f.error));",
                    id));
    assertThat(script("return window.uppy.getFile(arguments[0]).error || null;", id)).isNull();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#done li")).isEmpty());
    return browser.findElement(By.cssSelector("#done li")).getAttribute("data-key");
  }

  private static String awaitError(String id) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                script(
                        "const f = window.uppy.getFile(arguments[0]); return f && f.error ? f.error : null;",
                        id)
                    != null);
    return (String) script("return window.uppy.getFile(arguments[0]).error;", id);
  }

  @SuppressWarnings("unchecked")
  private static List<String> companionRequests() {
    return ((List<Object>) script("return window.companionRequests;"))
        .stream()
            .map(String::valueOf)
            .map(c -> c.replaceAll("^(\\w+ /uppy/s3/multipart/)[^/]+", "$1X"))
            .toList();
  }

  private static List<MultipartUpload> openUploads() {
    return s3.listMultipartUploads(r -> r.bucket(EmbeddedS3.BUCKET)).uploads();
  }

  private static Object script(String js, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(js, args);
  }

  private static byte[] bytes(int size, boolean png) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    if (png) {
      System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
    }
    return bytes;
  }
}
