package dev.presign.benchmarks;

import dev.presign.KeyStrategy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * Time and allocation per presigned URL: presign against the AWS SDK's {@code S3Presigner} and its
 * lower-level {@code AwsV4HttpSigner}, on the same PUT (type and length signed) and GET, plus the
 * crypto floor every SigV4 signer pays. Every contender builds its request objects on each call, as
 * user code does: presign its {@code UploadRequest}, the SDK its presign request or HTTP request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Ten seconds of warm-up: on two cores the C2 compiler shares a core with the benchmark, and
// presign's URL path was still getting faster after four.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PresignBenchmark {
  private static final String HOST =
      Fixtures.BUCKET + ".s3." + Fixtures.REGION.id() + ".amazonaws.com";
  private static final String PATH = "/" + Fixtures.KEY;
  private UploadUrlIssuer issuer;
  private UploadUrlIssuer datedUuidIssuer;
  private S3Presigner s3Presigner;
  private AwsV4HttpSigner v4Signer;
  private AwsCredentialsIdentity credentials;
  private MessageDigest sha256;
  private Mac hmac;
  private byte[] canonicalRequest;
  private byte[] stringToSign;
  private String putUrl;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    issuer = Fixtures.issuerWithFixedKey();
    datedUuidIssuer = Fixtures.issuer(KeyStrategy.datedUuid("uploads/"));
    s3Presigner =
        S3Presigner.builder()
            .region(Fixtures.REGION)
            .credentialsProvider(Fixtures.CREDENTIALS)
            .build();
    v4Signer = AwsV4HttpSigner.create();
    credentials = Fixtures.CREDENTIALS.resolveCredentials();

    sha256 = MessageDigest.getInstance("SHA-256");
    hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    // The same sizes as presign's canonical request and string to sign for this PUT.
    String canonical =
        "PUT\n/"
            + Fixtures.KEY
            + "\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
            + "AKIAIOSFODNN7EXAMPLE%2F20261129%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T102030Z"
            + "&X-Amz-Expires=900&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost\ncontent-length:12345\n"
            + "content-type:image/png\nhost:my-bucket.s3.eu-west-1.amazonaws.com\n\ncontent-length;content-type;host\n"
            + "UNSIGNED-PAYLOAD";
    canonicalRequest = canonical.getBytes(StandardCharsets.UTF_8);
    stringToSign =
        ("AWS4-HMAC-SHA256\n20261129T102030Z\n20261129/eu-west-1/s3/aws4_request\n"
                + "a".repeat(64))
            .getBytes(StandardCharsets.UTF_8);
    putUrl = put_presign().url();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    s3Presigner.close();
  }

  /** The request is made on each call, as a backend makes it from what its client sent. */
  @Benchmark
  public PresignedUpload put_presign() {
    return issuer.issueUpload(
        UploadRequest.of(Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
  }

  @Benchmark
  public PresignedDownload get_presign() {
    return issuer.issueDownload(Fixtures.KEY);
  }

  /** The full path a backend takes: policy check, a fresh dated UUID key, signing. */
  @Benchmark
  public PresignedUpload putWithDatedUuidKey_presign() {
    return datedUuidIssuer.issueUpload(
        UploadRequest.of(Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
  }

  @Benchmark
  public PresignedPutObjectRequest put_sdkS3Presigner() {
    return s3Presigner.presignPutObject(
        PutObjectPresignRequest.builder()
            .signatureDuration(Fixtures.UPLOAD_TTL)
            .putObjectRequest(
                r ->
                    r.bucket(Fixtures.BUCKET)
                        .key(Fixtures.KEY)
                        .contentType(Fixtures.CONTENT_TYPE)
                        .contentLength(Fixtures.CONTENT_LENGTH))
            .build());
  }

  @Benchmark
  public PresignedGetObjectRequest get_sdkS3Presigner() {
    return s3Presigner.presignGetObject(
        GetObjectPresignRequest.builder()
            .signatureDuration(Fixtures.DOWNLOAD_TTL)
            .getObjectRequest(r -> r.bucket(Fixtures.BUCKET).key(Fixtures.KEY))
            .build());
  }

  @Benchmark
  public SignedRequest put_sdkAwsV4HttpSigner() {
    return sign(
        request(SdkHttpMethod.PUT)
            .putHeader("Content-Type", Fixtures.CONTENT_TYPE)
            .putHeader("Content-Length", Long.toString(Fixtures.CONTENT_LENGTH))
            .build(),
        Fixtures.UPLOAD_TTL.getSeconds());
  }

  @Benchmark
  public SignedRequest get_sdkAwsV4HttpSigner() {
    return sign(request(SdkHttpMethod.GET).build(), Fixtures.DOWNLOAD_TTL.getSeconds());
  }

  /**
   * One SHA-256 of the canonical request and one HMAC-SHA256 of the string to sign: no signer does
   * less.
   */
  @Benchmark
  public byte[] cryptoFloor(Blackhole blackhole) {
    blackhole.consume(sha256.digest(canonicalRequest));
    return hmac.doFinal(stringToSign);
  }

  /**
   * Parsing the finished PUT URL into a {@link URI}: what {@code uri()} adds for a caller that
   * needs one, and what every URL cost before results carried their URL as text.
   */
  @Benchmark
  public URI uriOfTheSameUrl() {
    return URI.create(putUrl);
  }

  private static SdkHttpRequest.Builder request(SdkHttpMethod method) {
    return SdkHttpRequest.builder().method(method).protocol("https").host(HOST).encodedPath(PATH);
  }

  private SignedRequest sign(SdkHttpRequest request, long seconds) {
    return v4Signer.sign(
        r ->
            r.identity(credentials)
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, Fixtures.REGION.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(
                    AwsV4HttpSigner.EXPIRATION_DURATION, java.time.Duration.ofSeconds(seconds))
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
  }
}
