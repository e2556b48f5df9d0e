package dev.presign.benchmarks;

import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.test.OfflineSignatureCheck;
import dev.presign.test.S3TestStore;
import dev.presign.test.SignatureVerdict;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * presign-test's figures for the README: the offline signature check per URL, and a store's
 * start-up to its first answered request in a warm JVM (the second and later stores of a test run).
 *
 * <pre>
 * java -cp presign-benchmarks/target/presign-benchmarks.jar org.openjdk.jmh.Main TestKitBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
public class TestKitBenchmark {
  private static final byte[] PNG = new byte[(int) Fixtures.CONTENT_LENGTH];

  private OfflineSignatureCheck check;
  private String url;
  private Map<String, String> headers;
  private Instant at;
  private S3TestStore started;

  /** Signs the fixture PUT once; the check then recomputes it on every call. */
  @Setup
  public void setUp() {
    PresignedUpload upload =
        Fixtures.issuerWithFixedKey()
            .issueUpload(
                UploadRequest.of(
                    Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
    check = OfflineSignatureCheck.of(Fixtures.CREDENTIALS);
    url = upload.url();
    headers =
        Map.of(
            "Content-Type",
            Fixtures.CONTENT_TYPE,
            "Content-Length",
            Long.toString(Fixtures.CONTENT_LENGTH));
    at = upload.expiresAt().minusSeconds(60);
  }

  /**
   * {@return the verdict on the fixture PUT with the issued headers: accepted, after a full
   * recomputation}
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public SignatureVerdict offlineCheck() {
    return check.check("PUT", url, headers, at);
  }

  /**
   * {@return the status of the first PUT to a store started just before}: S3Proxy starts on a free
   * port, creates its bucket, and answers one upload through presign-test's client. Stopping it is
   * not timed (see {@link #stop()}).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 20)
  public int storeStartToFirstRequest() {
    started = S3TestStore.create().start();
    PresignedUpload upload =
        started
            .issuerBuilder()
            .policy(Fixtures.policy())
            .build()
            .issueUpload(
                UploadRequest.of(
                    Fixtures.FILE_NAME, Fixtures.CONTENT_TYPE, Fixtures.CONTENT_LENGTH));
    return started.client().put(upload, PNG).status();
  }

  /** Stops the store the last start made, outside the timed part. */
  @TearDown(Level.Iteration)
  public void stop() {
    if (started != null) {
      started.close();
      started = null;
    }
  }
}
