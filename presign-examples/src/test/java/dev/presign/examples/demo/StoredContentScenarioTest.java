package dev.presign.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.UploadUrlIssuer;
import dev.presign.examples.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whatever an uploader managed to store with an object (a type such as {@code image/x, text/html}
 * that a wildcard POST form once let through, a Content-Disposition, a Content-Encoding), headless
 * Chromium never runs its script when it opens the object through a plain {@code
 * issueDownload(key)} URL. The object is planted with the SDK, as any route that skipped presign's
 * checks would leave it.
 */
class StoredContentScenarioTest {
  private static final String SCRIPT =
      "<html><head><title>start</title></head><body>"
          + "<script>document.title='pwned'</script></body></html>";

  private static EmbeddedS3 store;
  private static S3Client s3;
  private static UploadUrlIssuer issuer;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    store = EmbeddedS3.start();
    s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(store.endpoint())
            .forcePathStyle(true)
            .credentialsProvider(store.credentials())
            .build();
    issuer =
        UploadUrlIssuer.builder()
            .bucket(EmbeddedS3.BUCKET)
            .region(Region.US_EAST_1)
            .endpointOverride(store.endpoint())
            .pathStyleAccess(true)
            .credentialsProvider(store.credentials())
            .policy(PresignPolicy.builder().allowContentTypes("image/*").build())
            .keyStrategy(KeyStrategy.uuid("uploads/"))
            .build();
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (s3 != null) {
      s3.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "uploads/planted-no-extension | image/x, text/html | ''",
        "uploads/planted.png | text/html | inline; filename=\"page.html\"",
        "uploads/planted.gif | image/x, text/html | ''"
      })
  void plainDownloadOfAPlantedPage_neverRunsItsScript(
      String key, String storedType, String disposition) throws Exception {
    s3.putObject(
        r ->
            r.bucket(EmbeddedS3.BUCKET)
                .key(key)
                .contentType(storedType)
                .contentDisposition(disposition.isEmpty() ? null : disposition),
        RequestBody.fromString(SCRIPT));
    String url = issuer.issueDownload(key).url().toString();

    // The check is meaningful: the same bytes served as stored do run their script in this browser.
    browser.get("data:text/html,<title>start</title>");
    browser.get(rawUrl(key));
    Thread.sleep(500);
    assertThat(browser.getTitle()).as("the planted page as stored").isEqualTo("pwned");

    browser.get("data:text/html,<title>start</title>");
    browser.get(url);
    Thread.sleep(1_000);

    assertThat(browser.getTitle()).isNotEqualTo("pwned");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.title"))
        .isNotEqualTo("pwned");
  }

  /**
   * A URL S3 serves with the stored headers: signed by the SDK's presigner, with no response
   * overrides.
   */
  private static String rawUrl(String key) {
    try (software.amazon.awssdk.services.s3.presigner.S3Presigner presigner =
        software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(store.endpoint())
            .credentialsProvider(store.credentials())
            .serviceConfiguration(
                software.amazon.awssdk.services.s3.S3Configuration.builder()
                    .pathStyleAccessEnabled(true)
                    .build())
            .build()) {
      return presigner
          .presignGetObject(
              r ->
                  r.signatureDuration(java.time.Duration.ofMinutes(5))
                      .getObjectRequest(g -> g.bucket(EmbeddedS3.BUCKET).key(key)))
          .url()
          .toString();
    }
  }
}
