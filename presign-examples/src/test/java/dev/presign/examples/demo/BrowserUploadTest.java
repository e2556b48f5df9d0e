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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in real headless Chromium (Debian's chromium and chromedriver): a file picked in the page
 * lands in the store byte for byte, large files go up in parts, and a refused type shows the server's
 * reason and stores nothing. Without the browser it is skipped, except under CI, where that is a failure.
 */
class BrowserUploadTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  static Path files;
  private static DemoServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(installed, "install Debian's chromium and chromium-driver to run the browser test");
    server = DemoServer.start(0, null, 6L * 1024 * 1024);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory("presign-chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
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
  void pickedFile_landsInTheStoreAndItsLinkReturnsIt() throws Exception {
    byte[] bytes = pngOf(3 * 1024 * 1024);
    Path file = Files.write(files.resolve("holiday photo.png"), bytes);

    String key = uploadThroughThePage(file, "Uploaded holiday photo.png.");

    assertThat(server.embedded().read(key)).isEqualTo(bytes);
    String href = browser.findElement(By.cssSelector("#files a[data-key='" + key + "']")).getAttribute("href");
    byte[] downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
        BodyHandlers.ofByteArray()).body();
    assertThat(downloaded).isEqualTo(bytes);
  }

  @Test
  void largeFile_goesUpInPartsAndArrivesWhole() throws Exception {
    byte[] bytes = pngOf(13 * 1024 * 1024);
    Path file = Files.write(files.resolve("big.png"), bytes);

    String key = uploadThroughThePage(file, "Uploaded big.png.");

    assertThat(server.embedded().read(key)).isEqualTo(bytes);
  }

  @Test
  void refusedType_showsTheServersReasonAndStoresNothing() throws Exception {
    Path file = Files.write(files.resolve("page.html"), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    List<String> before = server.embedded().keys();

    browser.get(server.url().toString());
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.id("upload")).click();
    WebElement status = browser.findElement(By.id("status"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> status.getText().startsWith("Refused"));

    assertThat(status.getText()).startsWith("Refused: content type must be one of").contains("text/html");
    assertThat(server.embedded().keys()).isEqualTo(before);
  }

  private static String uploadThroughThePage(Path file, String done) {
    browser.get(server.url().toString());
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.id("upload")).click();
    WebElement status = browser.findElement(By.id("status"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> status.getText().startsWith("Uploaded") || status.getText().startsWith("Refused"));
    assertThat(status.getText()).isEqualTo(done);
    List<WebElement> links = browser.findElements(By.cssSelector("#files a"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#files a")).isEmpty());
    links = browser.findElements(By.cssSelector("#files a"));
    return links.get(links.size() - 1).getAttribute("data-key");
  }

  private static byte[] pngOf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
    return bytes;
  }
}
