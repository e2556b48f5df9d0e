package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.internal.HeaderMap;
import dev.presign.internal.signing.S3Addressing;
import dev.presign.internal.signing.SdkOracleSigner;
import dev.presign.internal.signing.SigningRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * One issuer shared by 8 threads issues 1,000,000 URLs while its clock crosses UTC midnight and its
 * credentials rotate (and expire) every 5,000 calls. Every URL must name the credentials and date
 * it was signed with, never outlive its credentials, and a sample of 10,000 must carry exactly the
 * signature the AWS SDK's own signer computes for them: so the signing-key cache never served a key
 * for the wrong day or secret.
 */
class ConcurrencyAndTimeScenarioTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 125_000;
  private static final int ROTATE_EVERY = 5_000;
  private static final Instant START = Instant.parse("2026-11-29T23:59:30Z");

  @Test
  void sharedIssuer_acrossMidnightAndRotatingCredentials_signsEveryUrlRight() throws Exception {
    SteppingClock clock = new SteppingClock(START, 60_000_000L / (THREADS * PER_THREAD) + 1);
    RotatingCredentials credentials = new RotatingCredentials(clock);
    UploadUrlIssuer issuer =
        UploadUrlIssuer.builder()
            .bucket("shared-bucket")
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(credentials)
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png")
                    .uploadTtl(Duration.ofHours(2))
                    .build())
            .keyStrategy((request, now) -> "k/" + request.fileName())
            .clock(clock)
            .build();
    List<String> sample = Collections.synchronizedList(new ArrayList<>());
    Map<String, Boolean> datesSeen = new ConcurrentHashMap<>();
    AtomicLong errors = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < PER_THREAD; i++) {
                  try {
                    PresignedUpload upload =
                        issuer.issueUpload(
                            UploadRequest.of(thread + "-" + i + ".png", "image/png", i));
                    Map<String, String> query = query(upload.uri());
                    String credential = query.get("X-Amz-Credential");
                    String accessKey = credential.substring(0, credential.indexOf('/'));
                    String scopeDate = credential.split("/")[1];
                    String amzDate = query.get("X-Amz-Date");
                    Instant signedAt =
                        Instant.parse(
                            amzDate.substring(0, 4)
                                + "-"
                                + amzDate.substring(4, 6)
                                + "-"
                                + amzDate.substring(6, 11)
                                + ":"
                                + amzDate.substring(11, 13)
                                + ":"
                                + amzDate.substring(13, 15)
                                + "Z");
                    Instant credentialsEnd = credentials.expiryOf(accessKey);
                    boolean ok =
                        amzDate.startsWith(scopeDate)
                            && upload
                                .expiresAt()
                                .equals(
                                    signedAt.plusSeconds(
                                        Long.parseLong(query.get("X-Amz-Expires"))))
                            && !upload.expiresAt().isAfter(credentialsEnd)
                            && query.get("X-Amz-Security-Token").equals("token-" + accessKey);
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                    datesSeen.put(scopeDate, true);
                    if (i % 100 == thread) {
                      sample.add(upload.url());
                    }
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(errors).hasValue(0);
    assertThat(credentials.generations()).isGreaterThan(100);
    assertThat(datesSeen).containsOnlyKeys("20261129", "20261130");
    assertThat(sample).hasSizeGreaterThanOrEqualTo(10_000);
    SdkOracleSigner oracle =
        new SdkOracleSigner(
            "eu-central-1", S3Addressing.of(Region.EU_CENTRAL_1, null, false, "shared-bucket"));
    int verified = 0;
    for (String url : sample) {
      URI uri = URI.create(url);
      Map<String, String> query = query(uri);
      String credential = query.get("X-Amz-Credential");
      String accessKey = credential.substring(0, credential.indexOf('/'));
      String amzDate = query.get("X-Amz-Date");
      long epochSecond =
          java.time.LocalDateTime.parse(
                  amzDate, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
              .toEpochSecond(ZoneOffset.UTC);
      String key = URLDecoder.decode(uri.getRawPath().substring(1), StandardCharsets.UTF_8);
      String size = key.substring(key.indexOf('-') + 1, key.indexOf('.'));
      SigningRequest request =
          new SigningRequest(
              "PUT",
              "shared-bucket",
              key,
              HeaderMap.of("Content-Type", "image/png", "Content-Length", size),
              HeaderMap.of(),
              epochSecond,
              Long.parseLong(query.get("X-Amz-Expires")),
              credentials.byAccessKey(accessKey));
      assertThat(query(URI.create(oracle.presign(request))).get("X-Amz-Signature"))
          .as(url.substring(0, url.indexOf('?')))
          .isEqualTo(query.get("X-Amz-Signature"));
      verified++;
    }
    assertThat(verified).isGreaterThanOrEqualTo(10_000);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** A clock that moves forward by a fixed step on every reading: one minute over the whole run. */
  private static final class SteppingClock extends Clock {
    private final long startMicros;
    private final long stepMicros;
    private final AtomicLong readings = new AtomicLong();

    SteppingClock(Instant start, long stepMicros) {
      this.startMicros = start.getEpochSecond() * 1_000_000L;
      this.stepMicros = stepMicros;
    }

    @Override
    public Instant instant() {
      long micros = startMicros + readings.getAndIncrement() * stepMicros;
      return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * New session credentials every 5,000 calls, each expiring 90 minutes after the clock's reading.
   */
  private static final class RotatingCredentials implements AwsCredentialsProvider {
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();
    private final Map<String, AwsSessionCredentials> issued = new ConcurrentHashMap<>();
    private volatile AwsSessionCredentials current;

    RotatingCredentials(Clock clock) {
      this.clock = clock;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      long call = calls.getAndIncrement();
      if (call % ROTATE_EVERY == 0 || current == null) {
        synchronized (this) {
          String id = String.format("ASIAGEN%013d", call / ROTATE_EVERY);
          current =
              issued.computeIfAbsent(
                  id,
                  k ->
                      AwsSessionCredentials.builder()
                          .accessKeyId(k)
                          .secretAccessKey("secret-" + k)
                          .sessionToken("token-" + k)
                          .expirationTime(clock.instant().plus(Duration.ofMinutes(90)))
                          .build());
        }
      }
      return current;
    }

    Instant expiryOf(String accessKey) {
      return issued.get(accessKey).expirationTime().orElseThrow();
    }

    AwsSessionCredentials byAccessKey(String accessKey) {
      return issued.get(accessKey);
    }

    int generations() {
      return issued.size();
    }
  }
}
