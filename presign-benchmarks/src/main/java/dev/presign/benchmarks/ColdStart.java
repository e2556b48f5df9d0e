package dev.presign.benchmarks;

import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import java.security.MessageDigest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Run as a fresh JVM by {@link BenchmarkReport}, which times it from process start to the line this
 * prints once the first presigned PUT URL exists, for {@code presign} or {@code s3presigner}; or,
 * for {@code presign-own}, measures inside the JVM the part of that start that is presign's own
 * code.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Signs one URL with the contender named in {@code args[0]} and prints {@code signed host}; for
   * {@code presign-own} prints {@code own NANOS}.
   *
   * @param args {@code presign}, {@code s3presigner}, or {@code presign-own} and optionally {@code
   *     slf4j-ready}
   * @throws Exception if SHA-256 is missing
   */
  public static void main(String[] args) throws Exception {
    String url;
    if (args.length == 1 && args[0].equals("presign")) {
      PresignedUpload upload =
          Fixtures.issuerWithFixedKey()
              .issueUpload(
                  UploadRequest.of(
                      Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
      url = upload.url();
    } else if (args.length == 1 && args[0].equals("s3presigner")) {
      try (S3Presigner presigner =
          S3Presigner.builder()
              .region(Fixtures.REGION)
              .credentialsProvider(Fixtures.CREDENTIALS)
              .build()) {
        PresignedPutObjectRequest put =
            presigner.presignPutObject(
                r ->
                    r.signatureDuration(Fixtures.UPLOAD_TTL)
                        .putObjectRequest(
                            p ->
                                p.bucket(Fixtures.BUCKET)
                                    .key(Fixtures.KEY)
                                    .contentType(Fixtures.CONTENT_TYPE)
                                    .contentLength(Fixtures.CONTENT_LENGTH)));
        url = put.url().getHost();
      }
    } else if (args.length >= 1 && args[0].equals("presign-own")) {
      ownCode(args.length == 2 && args[1].equals("slf4j-ready"));
      return;
    } else {
      throw new IllegalArgumentException(
          "usage: ColdStart presign|s3presigner|presign-own [slf4j-ready]");
    }
    // Two prints, not "signed " + url: the first string concatenation of a JVM bootstraps
    // invokedynamic.
    System.out.print("signed ");
    System.out.println(url.length() > 0 ? "ok" : "empty");
  }

  /**
   * presign's own share of a cold start: first what the caller has anyway and any SigV4 signer
   * needs (the SDK's Region and credentials, resolved, and the JDK's SHA-256), then the clock runs
   * from the policy's builder to the first URL in hand: presign's class loading and initialization
   * (slf4j's included), the policy, the issuer, the key, the signature and the String. With {@code
   * slf4jReady}, slf4j has found its binding before the clock starts, as in an application that has
   * logged already.
   */
  private static void ownCode(boolean slf4jReady) throws Exception {
    Region region = Region.of("eu-west-1");
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    credentials.resolveCredentials();
    MessageDigest.getInstance("SHA-256").digest(new byte[1]);
    if (slf4jReady) {
      org.slf4j.LoggerFactory.getLogger(ColdStart.class).trace("ready");
    }
    // The benchmark's own fixture class (constants and the caller's credentials), initialized
    // before the clock: its loading is not presign's code.
    if (Fixtures.REGION != region) {
      throw new IllegalStateException("fixture region");
    }
    long start = System.nanoTime();
    PresignedUpload upload =
        Fixtures.issuerWithFixedKey()
            .issueUpload(
                UploadRequest.of(
                    Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
    long nanos = System.nanoTime() - start;
    if (upload.url().isEmpty() || region == null) {
      throw new IllegalStateException("no URL");
    }
    System.out.print("own ");
    System.out.println(nanos);
  }
}
