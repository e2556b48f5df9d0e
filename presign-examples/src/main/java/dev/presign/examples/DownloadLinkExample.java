package dev.presign.examples;

import dev.presign.DownloadRequest;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Makes a download link that saves a file under a name in any script, and shows the header S3
 * sends.
 */
public final class DownloadLinkExample {
  private DownloadLinkExample() {}

  /**
   * Runs the example against an embedded store.
   *
   * @param args ignored
   * @throws Exception when the store cannot start
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start()) {
      UploadUrlIssuer issuer =
          UploadUrlIssuer.builder()
              .bucket(EmbeddedS3.BUCKET)
              .region(software.amazon.awssdk.regions.Region.US_EAST_1)
              .endpointOverride(s3.endpoint())
              .pathStyleAccess(true)
              .credentialsProvider(s3.credentials())
              .policy(PresignPolicy.builder().allowContentTypes("application/pdf").build())
              .build();
      byte[] pdf = "%PDF-1.7 example".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      PresignedUpload upload =
          issuer.issueUpload(UploadRequest.of("cv.pdf", "application/pdf", pdf.length));
      HttpClient http = HttpClient.newHttpClient();
      http.send(
          HttpRequest.newBuilder(upload.uri())
              .header("Content-Type", "application/pdf")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
              .build(),
          HttpResponse.BodyHandlers.discarding());

      PresignedDownload link =
          issuer.issueDownload(
              DownloadRequest.of(upload.key()).attachment("Lebenslauf – Jürgen 猫.pdf"));
      HttpResponse<byte[]> got =
          http.send(
              HttpRequest.newBuilder(link.uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
      System.out.println(
          "GET "
              + got.statusCode()
              + ", "
              + got.body().length
              + " bytes, expires at "
              + link.expiresAt());
      System.out.println(
          "Content-Disposition: "
              + got.headers().firstValue("Content-Disposition").orElse("(none)"));
    }
  }
}
