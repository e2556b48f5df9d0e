package dev.presign.examples;

import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The direct-to-S3 flow end to end, with no AWS account: an embedded S3-compatible store that
 * checks signatures, a policy, an issued PUT URL used by an HTTP client, a download URL, and the
 * refusals.
 *
 * <p>Run it with {@code mvn -B -q -pl presign-examples -am -DskipTests package exec:java}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the flow and prints what happens. */
  public static void main(String[] args) throws Exception {
    if (!run(System.out)) {
      throw new IllegalStateException(
          "the quick start did not behave as expected; see the lines above");
    }
  }

  /** Runs the flow, printing to {@code out}; returns whether every step behaved as it should. */
  public static boolean run(PrintStream out) throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start()) {
      out.println("Embedded S3 store (S3Proxy, signature checks on) at " + s3.endpoint());

      PresignPolicy policy =
          PresignPolicy.builder()
              .allowContentTypes("image/png", "image/jpeg", "video/*")
              .maxSize(500L * 1024 * 1024)
              .uploadTtl(Duration.ofMinutes(15))
              .downloadTtl(Duration.ofMinutes(5))
              .build();
      UploadUrlIssuer issuer =
          UploadUrlIssuer.builder()
              .bucket(EmbeddedS3.BUCKET)
              .region(Region.US_EAST_1)
              .endpointOverride(s3.endpoint())
              .pathStyleAccess(true)
              .credentialsProvider(s3.credentials())
              .policy(policy)
              .keyStrategy(KeyStrategy.datedUuid("uploads/"))
              .build();

      byte[] file =
          "\u0089PNG\r\n\u001a\n pretend this is a cat picture"
              .getBytes(StandardCharsets.ISO_8859_1);

      // 1. The backend checks the request and signs a URL; the bytes never pass through it.
      PresignedUpload upload =
          issuer.issueUpload(UploadRequest.of("../../Cat Picture.PNG", "image/png", file.length));
      out.println("1. Issued " + upload.method() + " for key " + upload.key());
      out.println(
          "   headers to send: "
              + upload.headers()
              + ", body of "
              + upload.contentLength().getAsLong()
              + " bytes, expires at "
              + upload.expiresAt());

      // 2. The client sends the file straight to storage, with exactly the returned headers; it
      // sets
      //    Content-Length from the body.
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(upload.uri())
              .method(upload.method(), BodyPublishers.ofByteArray(file));
      upload.headers().forEach(request::header);
      HttpResponse<String> put = http.send(request.build(), BodyHandlers.ofString());
      out.println("2. Client PUT " + file.length + " bytes: HTTP " + put.statusCode());

      // 3. Later, the backend hands out a short-lived download URL.
      PresignedDownload download = issuer.issueDownload(upload.key());
      HttpResponse<byte[]> get =
          http.send(HttpRequest.newBuilder(download.uri()).build(), BodyHandlers.ofByteArray());
      boolean same = get.statusCode() == 200 && Arrays.equals(get.body(), file);
      out.println(
          "3. Client GET through the download URL: HTTP "
              + get.statusCode()
              + (same ? ", same bytes" : ", DIFFERENT bytes"));

      // 4. A request that breaks the policy never gets a URL.
      boolean refusedByPolicy = false;
      try {
        issuer.issueUpload(UploadRequest.of("page.html", "text/html", 100));
      } catch (InvalidRequestException e) {
        refusedByPolicy = true;
        out.println("4. Refused before signing (" + e.reason() + "): " + e.getMessage());
      }

      // 5. A client that sends another type than it declared is refused by the store itself.
      PresignedUpload second =
          issuer.issueUpload(UploadRequest.of("cat.png", "image/png", file.length));
      HttpResponse<String> sneaky =
          http.send(
              HttpRequest.newBuilder(second.uri())
                  .PUT(BodyPublishers.ofByteArray(file))
                  .header("Content-Type", "text/html")
                  .build(),
              BodyHandlers.ofString());
      out.println(
          "5. PUT with Content-Type text/html instead: HTTP "
              + sneaky.statusCode()
              + " "
              + errorCode(sneaky.body())
              + ", stored: "
              + s3.exists(second.key()));

      return put.statusCode() == 200
          && same
          && refusedByPolicy
          && sneaky.statusCode() == 403
          && !s3.exists(second.key());
    }
  }

  private static String errorCode(String body) {
    Matcher code = Pattern.compile("<Code>([^<]+)</Code>").matcher(body);
    return code.find() ? code.group(1) : "(no error code)";
  }
}
