package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Download URLs with response overrides and HEAD, against S3Proxy with signature checks on. */
class DownloadStoreTest extends StoreSuite {
  private static final byte[] PDF = "%PDF-1.7 pretend".getBytes(StandardCharsets.US_ASCII);

  private UploadUrlIssuer issuer;
  private String key;

  @BeforeEach
  void upload() throws Exception {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder().allowContentTypes("application/pdf", "text/html").build())
            .keyStrategy(KeyStrategy.uuid("docs/"))
            .build();
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cv.pdf", "application/pdf", PDF.length));
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(upload.uri())
                .PUT(BodyPublishers.ofByteArray(PDF))
                .header("Content-Type", "application/pdf")
                .build(),
            BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    key = upload.key();
  }

  @Test
  void download_unicodeAttachmentName_comesBackInTheHeaderAndParsesToTheName() throws Exception {
    String name = "Résumé 猫 2026.pdf";
    PresignedDownload download =
        issuer.issueDownload(
            DownloadRequest.of(key).attachment(name).withCacheControl("private, max-age=60"));

    HttpResponse<byte[]> get =
        http.send(HttpRequest.newBuilder(download.uri()).build(), BodyHandlers.ofByteArray());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(PDF);
    String header = get.headers().firstValue("Content-Disposition").orElseThrow();
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"R_sum_ _ 2026.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E7%8C%AB%202026.pdf");
    assertThat(dev.presign.testing.BrowserHeaders.fileName(header)).isEqualTo(name);
    assertThat(get.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
  }

  @Test
  void download_activeTypeAskedInline_isServedAsNeutralAttachment() throws Exception {
    PresignedDownload download =
        issuer.issueDownload(
            DownloadRequest.of(key).inline("page.html").withContentType("text/html"));

    HttpResponse<byte[]> get =
        http.send(HttpRequest.newBuilder(download.uri()).build(), BodyHandlers.ofByteArray());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(get.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"page.html\"");
  }

  @Test
  void download_withAnEditedOverride_isRefused() throws Exception {
    PresignedDownload download = issuer.issueDownload(DownloadRequest.of(key).attachment("cv.pdf"));
    String edited = download.uri().toString().replace("attachment", "inline");

    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(edited)).build(), BodyHandlers.ofString());

    assertThat(get.statusCode()).as(get.body()).isEqualTo(403);
    assertThat(get.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  void head_returnsTheHeadersWithoutTheBody() throws Exception {
    PresignedDownload head = issuer.issueHead(key);

    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(head.uri()).method("HEAD", BodyPublishers.noBody()).build(),
            BodyHandlers.ofByteArray());

    assertThat(head.method()).isEqualTo("HEAD");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(PDF.length);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void head_urlUsedForGet_isRefused() throws Exception {
    PresignedDownload head = issuer.issueHead(key);

    HttpResponse<String> get =
        http.send(HttpRequest.newBuilder(head.uri()).build(), BodyHandlers.ofString());

    assertThat(get.statusCode()).as(get.body()).isEqualTo(403);
    assertThat(get.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }
}
