package dev.presign.examples;

import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.Verification;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Checks what actually landed: a real PNG passes, HTML sent as image/png is caught and quarantined.
 */
public final class VerifyExample {
  private VerifyExample() {}

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
              .policy(
                  PresignPolicy.builder()
                      .allowContentTypes("image/png")
                      .maxSize(1024 * 1024)
                      .build())
              .build();
      byte[] ticketKey = new byte[32];
      new SecureRandom().nextBytes(ticketKey);
      try (UploadVerifier verifier =
          UploadVerifier.builder().issuer(issuer).ticketKey(ticketKey).build()) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : new byte[][] {png, html}) {
          PresignedUpload upload =
              issuer.issueUpload(UploadRequest.of("cat.png", "image/png", bytes.length));
          String ticket = verifier.ticket(upload);
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(upload.uri())
                      .header("Content-Type", "image/png")
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          Verification result = verifier.verify(ticket);
          System.out.println(
              upload.key()
                  + ": "
                  + result.outcome()
                  + " "
                  + result.problems()
                  + " -> "
                  + result.action()
                  + result.quarantineKey().map(k -> " (now " + k + ")").orElse(""));
        }
      }
    }
  }
}
