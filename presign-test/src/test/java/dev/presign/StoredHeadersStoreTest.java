package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an uploader may add to a PUT that S3 does not require to be signed (Content-Disposition,
 * Cache-Control, Content-Encoding, Content-Language, Expires) is stored, but never reaches a reader
 * through presign's download URLs, and the verifier calls it a problem. Against S3Proxy with
 * signature checks on.
 */
class StoredHeadersStoreTest extends StoreSuite {
  private static final byte[] KEY =
      "stored-headers-ticket-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
  private static final Map<String, String> HOSTILE =
      Map.of(
          "Content-Disposition", "inline; filename=\"page.html\"",
          "Cache-Control", "public, max-age=31536000, immutable",
          "Content-Encoding", "gzip",
          "Content-Language", "x-evil",
          "Expires", "Fri, 01 Jan 2100 00:00:00 GMT");

  private UploadUrlIssuer issuer;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "application/zip")
                    .maxSize(1000)
                    .build())
            .keyStrategy(KeyStrategy.uuid("images/"))
            .build();
  }

  @Test
  void put_withUnsignedStandardHeaders_isStoredButABareDownloadSendsOnlyPresignsHeaders()
      throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    assertThat(putWith(upload, HOSTILE).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> download = get(issuer.issueDownload(upload.key()));

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PNG);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("inline")
        .doesNotContain("page.html");
    assertThat(download.headers().firstValue("Cache-Control"))
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("private")
        .doesNotContain("public");
    assertThat(download.headers().firstValue("Content-Encoding")).hasValue("identity");
  }

  @Test
  void download_withARequest_stillPinsWhatTheRequestLeavesOpen() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    putWith(upload, HOSTILE);

    HttpResponse<byte[]> download =
        get(issuer.issueDownload(DownloadRequest.of(upload.key()).attachment("cat.png")));

    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("attachment")
        .contains("cat.png");
    assertThat(download.headers().firstValue("Cache-Control"))
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("private");
    assertThat(download.headers().firstValue("Content-Encoding")).hasValue("identity");
  }

  @Test
  void bareDownload_ofATypeNotSafeToShow_isAnOctetStreamAttachment() throws Exception {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.zip", "application/zip", 4));
    putWith(upload, Map.of());

    HttpResponse<byte[]> download = get(issuer.issueDownload(upload.key()));

    assertThat(upload.key()).endsWith(".zip");
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("attachment");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Disposition | inline; filename=\"page.html\"",
        "Cache-Control | public, max-age=31536000",
        "Content-Encoding | gzip",
        "Content-Language | x-evil",
        "Expires | Fri, 01 Jan 2100 00:00:00 GMT"
      })
  void verify_storedHeaderPresignDidNotChoose_isAProblem(String header, String value)
      throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    assertThat(putWith(upload, Map.of(header, value)).statusCode()).isEqualTo(200);

    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(KEY).keepFailed().build()) {
      Verification result = verifier.verify(verifier.ticket(upload));

      assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.check()).isEqualTo(Check.HEADERS);
                assertThat(problem.detail()).contains(header);
              });
    }
  }

  @Test
  void verify_uploadWithOnlyTheIssuedHeaders_passes() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    putWith(upload, Map.of());

    try (UploadVerifier verifier = UploadVerifier.builder().issuer(issuer).ticketKey(KEY).build()) {
      assertThat(verifier.verify(verifier.ticket(upload)).outcome()).isEqualTo(Outcome.PASSED);
    }
  }

  private static HttpResponse<String> putWith(PresignedUpload upload, Map<String, String> extra)
      throws Exception {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(upload.uri())
            .PUT(
                BodyPublishers.ofByteArray(
                    upload.key().endsWith(".zip") ? new byte[] {'P', 'K', 3, 4} : PNG));
    upload.headers().forEach(put::header);
    extra.forEach(put::header);
    return http.send(put.build(), BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> get(PresignedDownload download) throws Exception {
    return http.send(HttpRequest.newBuilder(download.uri()).build(), BodyHandlers.ofByteArray());
  }
}
