package dev.presign.benchmarks;

import dev.presign.MultipartUploads;
import dev.presign.PresignedPart;
import dev.presign.internal.multipart.PartPlan;
import dev.presign.internal.multipart.SessionToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
 * Pre-signing every part URL of a 10,000-part upload (about 160 GiB in 16 MiB parts) in one call:
 * the multipart case of a 50 GB video that asks for all its URLs at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultipartBenchmark {
  private MultipartUploads multipart;
  private String token;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] sessionKey =
        "benchmark-session-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    multipart =
        MultipartUploads.builder()
            .issuer(Fixtures.issuerWithFixedKey())
            .sessionKey(sessionKey)
            .build();
    // The session as start() would make it, without the CreateMultipartUpload round trip.
    PartPlan plan = PartPlan.of(10_000L * 16 * 1024 * 1024, 16L * 1024 * 1024);
    token =
        new SessionToken(
                Fixtures.BUCKET,
                "2~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-example-upload-id",
                Fixtures.KEY,
                "video/mp4",
                plan,
                Instant.now().plusSeconds(86_400))
            .encode(sessionKey);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    multipart.close();
  }

  @Benchmark
  public List<PresignedPart> presignAllPartsOf10000() {
    return multipart.presignAllParts(token);
  }
}
