package dev.presign.benchmarks;

import dev.presign.PresignedUpload;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Run as a fresh JVM by {@link BenchmarkReport}, which times it from process start to the line this
 * prints once the first presigned PUT URL exists, for {@code presign} or {@code s3presigner}.
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * Signs one URL with the contender named in {@code args[0]} and prints {@code signed host}.
   *
   * @param args {@code presign} or {@code s3presigner}
   */
  public static void main(String[] args) {
    String url;
    if (args.length == 1 && args[0].equals("presign")) {
      PresignedUpload upload = Fixtures.issuerWithFixedKey().issueUpload(Fixtures.UPLOAD);
      url = upload.url().getHost();
    } else if (args.length == 1 && args[0].equals("s3presigner")) {
      try (S3Presigner presigner = S3Presigner.builder()
          .region(Fixtures.REGION).credentialsProvider(Fixtures.CREDENTIALS).build()) {
        PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(Fixtures.UPLOAD_TTL)
            .putObjectRequest(p -> p.bucket(Fixtures.BUCKET).key(Fixtures.KEY)
                .contentType(Fixtures.CONTENT_TYPE).contentLength(Fixtures.CONTENT_LENGTH)));
        url = put.url().getHost();
      }
    } else {
      throw new IllegalArgumentException("usage: ColdStart presign|s3presigner");
    }
    // Two prints, not "signed " + url: the first string concatenation of a JVM bootstraps invokedynamic.
    System.out.print("signed ");
    System.out.println(url);
  }
}
