package dev.presign.examples;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedPost;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Issues a presigned POST form whose size range S3 enforces, and sends it as a browser would: once
 * within the range, once one byte over.
 */
public final class PostFormExample {
  private PostFormExample() {}

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
                      .allowContentTypes("image/*")
                      .minSize(1)
                      .maxSize(1024)
                      .build())
              .keyStrategy(KeyStrategy.uuid("forms/"))
              .build();

      PresignedPost post = issuer.issuePost(UploadRequest.of("avatar.png", "image/png"));
      System.out.println("Form action " + post.url() + " with fields " + post.fields().keySet());
      System.out.println("1 KiB upload: HTTP " + send(post, new byte[1024]).statusCode());
      HttpResponse<String> tooBig = send(post, new byte[1025]);
      System.out.println(
          "1 KiB + 1 byte: HTTP "
              + tooBig.statusCode()
              + " "
              + tooBig.body().replaceAll("(?s).*<Code>([^<]+)</Code>.*", "$1"));
    }
  }

  /** A browser's multipart/form-data POST: every field in order, the file last. */
  static HttpResponse<String> send(PresignedPost post, byte[] file) throws Exception {
    String boundary = "----presign-example";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : post.fields().entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"avatar.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(post.uri())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
