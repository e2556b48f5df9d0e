package dev.presign.examples;

import dev.presign.MultipartSession;
import dev.presign.MultipartUploads;
import dev.presign.PresignPolicy;
import dev.presign.PresignedPart;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadedPart;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploads a generated 32 MiB file in parts through pre-signed part URLs, then checks what arrived.
 */
public final class MultipartExample {
  private MultipartExample() {}

  /**
   * Runs the example against an embedded store.
   *
   * @param args ignored
   * @throws Exception when the store cannot start or a part fails
   */
  public static void main(String[] args) throws Exception {
    byte[] file = new byte[32 * 1024 * 1024 + 123];
    new SecureRandom().nextBytes(file);
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
                      .allowContentTypes("video/*")
                      .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
                      .build())
              .build();
      byte[] sessionKey = new byte[32];
      new SecureRandom().nextBytes(sessionKey);
      try (MultipartUploads multipart =
          MultipartUploads.builder()
              .issuer(issuer)
              .sessionKey(sessionKey)
              .partSize(8L * 1024 * 1024)
              .build()) {
        MultipartSession session =
            multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
        System.out.println(
            "Started "
                + session.key()
                + ": "
                + session.partCount()
                + " parts of "
                + session.partSize());
        HttpClient http = HttpClient.newHttpClient();
        List<UploadedPart> sent = new ArrayList<>();
        for (PresignedPart part : multipart.presignAllParts(session.token())) {
          int from = (int) ((part.partNumber() - 1) * session.partSize());
          HttpResponse<Void> response =
              http.send(
                  HttpRequest.newBuilder(part.uri())
                      .PUT(
                          HttpRequest.BodyPublishers.ofByteArray(
                              Arrays.copyOfRange(file, from, from + (int) part.size())))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          sent.add(
              UploadedPart.of(
                  part.partNumber(), response.headers().firstValue("ETag").orElseThrow()));
          System.out.println("  part " + part.partNumber() + ": HTTP " + response.statusCode());
        }
        System.out.println("Completed, ETag " + multipart.complete(session.token(), sent));
        boolean same =
            Arrays.equals(
                MessageDigest.getInstance("SHA-256").digest(file),
                MessageDigest.getInstance("SHA-256").digest(s3.read(session.key())));
        System.out.println(
            "Stored SHA-256 "
                + HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(file))
                    .substring(0, 16)
                + "… "
                + (same ? "matches" : "DIFFERS"));
      }
    }
  }
}
