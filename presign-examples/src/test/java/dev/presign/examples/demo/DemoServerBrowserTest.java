package dev.presign.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in real headless Chromium (Debian's chromium and chromedriver): a file picked in
 * the page lands in the store byte for byte and its link is signed when clicked, large files go up
 * in parts with the button disabled, a refused type shows end-user words and stores nothing, and
 * the finished page is kept as {@code target/demo-page.png}. Without the browser it is skipped,
 * except under CI, where that is a failure.
 */
class DemoServerBrowserTest {

  @TempDir static Path files;
  private static DemoServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    server = DemoServer.start(0, null, 6L * 1024 * 1024);
    browser = HeadlessChromium.start();
    browser.manage().window().setSize(new Dimension(1000, 760));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void pickedFile_landsInTheStoreAndItsLinkSignedAtClickTimeReturnsIt() throws Exception {
    byte[] bytes = pngOf(3 * 1024 * 1024);
    Path file = Files.write(files.resolve("holiday photo.png"), bytes);

    String key = uploadThroughThePage(file, "Uploaded holiday photo.png.");

    assertThat(server.embedded().read(key)).isEqualTo(bytes);
    assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("100%");
    WebElement anchor = browser.findElement(By.cssSelector("#files a[data-key='" + key + "']"));
    // The listed link holds no signature: the signed URL is asked for when the link is clicked.
    assertThat(anchor.getAttribute("href"))
        .contains("/download-url?token=")
        .doesNotContain("X-Amz-Signature");
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.openLink = (url) => { window.openedUrl = url; };");
    anchor.click();
    String opened =
        (String)
            new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> script.executeScript("return window.openedUrl || null;"));
    assertThat(opened).contains("X-Amz-Signature", key);
    byte[] downloaded =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(opened)).build(), BodyHandlers.ofByteArray())
            .body();
    assertThat(downloaded).isEqualTo(bytes);
  }

  @Test
  void finishedPage_isStyledAndIsKeptAsAScreenshot() throws Exception {
    Path file =
        Files.write(
            files.resolve("notes.txt"), "hello from the demo".getBytes(StandardCharsets.UTF_8));
    uploadThroughThePage(file, "Uploaded notes.txt.");
    JavascriptExecutor script = (JavascriptExecutor) browser;

    assertThat(
            script.executeScript(
                "return getComputedStyle(document.querySelector('main')).borderRadius;"))
        .isEqualTo("12px");
    assertThat(script.executeScript("return document.querySelector('link[rel=icon]').href;"))
        .asString()
        .endsWith("/favicon.svg");
    assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("100%");
    Path png = Files.createDirectories(Path.of("target")).resolve("demo-page.png");
    Files.write(png, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(png)).isGreaterThan(1000);
  }

  @Test
  void largeFile_goesUpInPartsWithTheButtonDisabledAndArrivesWhole() throws Exception {
    byte[] bytes = pngOf(13 * 1024 * 1024);
    Path file = Files.write(files.resolve("big.png"), bytes);
    browser.get(server.url().toString());
    browser.findElement(By.id("file")).sendKeys(file.toString());
    WebElement button = browser.findElement(By.id("upload"));

    // The click handler runs up to its first await inside click(), so this reads the state during
    // the upload.
    Object disabledWhileUploading =
        ((JavascriptExecutor) browser)
            .executeScript("arguments[0].click(); return arguments[0].disabled;", button);
    String key = awaitUpload("Uploaded big.png.");

    assertThat(disabledWhileUploading).isEqualTo(true);
    assertThat(button.isEnabled()).isTrue();
    assertThat(server.embedded().read(key)).isEqualTo(bytes);
  }

  @Test
  void refusedType_showsTheServersReasonAndStoresNothing() throws Exception {
    Path file =
        Files.write(
            files.resolve("page.html"),
            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    List<String> before = server.embedded().keys();

    browser.get(server.url().toString());
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.id("upload")).click();
    WebElement status = browser.findElement(By.id("status"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> status.getText().startsWith("Refused"));

    assertThat(status.getText())
        .isEqualTo(
            "Refused: This file type is not accepted. Accepted: images, videos, audio, PDF and plain text.")
        .doesNotContain("image/*");
    assertThat(server.embedded().keys()).isEqualTo(before);
  }

  private static String uploadThroughThePage(Path file, String done) {
    browser.get(server.url().toString());
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.id("upload")).click();
    return awaitUpload(done);
  }

  private static String awaitUpload(String done) {
    WebElement status = browser.findElement(By.id("status"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d -> status.getText().startsWith("Uploaded") || status.getText().startsWith("Refused"));
    assertThat(status.getText()).isEqualTo(done);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#files a")).isEmpty());
    List<WebElement> links = browser.findElements(By.cssSelector("#files a"));
    return links.get(links.size() - 1).getAttribute("data-key");
  }

  private static byte[] pngOf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
    return bytes;
  }
}
