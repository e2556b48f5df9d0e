package dev.presign.internal.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.PresignedPart;
import dev.presign.internal.connection.StoreConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Part URLs: the range asked for, each part's signed size, and a lifetime never past the session's.
 */
class PartUrlsTest {
  private static final long MIB5 = 5L << 20;
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final StoreConnection CONNECTION =
      new StoreConnection(
          "b-1",
          Region.US_EAST_1,
          null,
          false,
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")),
          Clock.fixed(NOW, ZoneOffset.UTC),
          false,
          null);
  // Three parts: 5 MiB, 5 MiB and 1,000 bytes; the session lives a day.
  private static final SessionToken SESSION =
      session(2 * MIB5 + 1000, NOW.plus(Duration.ofDays(1)));

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 4", "3, 2", "-1, 3", "4, 4"})
  void requireRange_outsideThePlan_refusedWithTheRange(int from, int to) {
    assertThatThrownBy(() -> PartUrls.requireRange(SESSION.plan(), from, to))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("parts must be a range within 1..3: " + from + ".." + to)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.PARTS_INVALID);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "1, 3", "3, 3", "2, 3"})
  void requireRange_withinThePlan_passes(int from, int to) {
    PartUrls.requireRange(SESSION.plan(), from, to);

    assertThat(PartUrls.sign(CONNECTION, Duration.ofMinutes(15), SESSION, from, to, NOW))
        .hasSize(to - from + 1);
  }

  @Test
  void sign_eachPartCarriesItsSizeNumberAndUploadId() {
    List<PresignedPart> parts =
        PartUrls.sign(CONNECTION, Duration.ofMinutes(15), SESSION, 1, 3, NOW);

    assertThat(parts).extracting(PresignedPart::partNumber).containsExactly(1, 2, 3);
    assertThat(parts).extracting(PresignedPart::size).containsExactly(MIB5, MIB5, 1000L);
    for (PresignedPart part : parts) {
      String query = part.uri().getRawQuery();
      assertThat(query)
          .contains("partNumber=" + part.partNumber() + "&uploadId=u-1")
          .contains("X-Amz-SignedHeaders=content-length%3Bhost")
          .contains("X-Amz-Expires=900");
      assertThat(part.uri().getHost()).isEqualTo("b-1.s3.us-east-1.amazonaws.com");
      assertThat(part.uri().getRawPath()).isEqualTo("/films/a.mp4");
      assertThat(part.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }
  }

  @Test
  void sign_sessionEndsBeforeTheTtl_urlsEndWithTheSession() {
    SessionToken ending = session(MIB5, NOW.plusSeconds(90));

    PresignedPart part =
        PartUrls.sign(CONNECTION, Duration.ofMinutes(15), ending, 1, 1, NOW).get(0);

    assertThat(part.expiresAt()).isEqualTo(NOW.plusSeconds(90));
    assertThat(part.uri().getRawQuery()).contains("X-Amz-Expires=90&");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "-3600"})
  void sign_sessionOver_refusedAsSessionInvalid(long secondsLeft) {
    SessionToken over = session(MIB5, NOW.plusSeconds(secondsLeft));

    assertThatThrownBy(() -> PartUrls.sign(CONNECTION, Duration.ofMinutes(15), over, 1, 1, NOW))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the session expired at " + over.expiresAt())
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.SESSION_INVALID);
  }

  @Test
  void sign_tenThousandParts_signedInParallelComeBackInOrder() {
    SessionToken big = session(10_000L * MIB5 - 7, NOW.plus(Duration.ofDays(1)));

    List<PresignedPart> parts =
        PartUrls.sign(CONNECTION, Duration.ofMinutes(15), big, 1, 10_000, NOW);

    assertThat(big.plan().partCount()).isEqualTo(10_000);
    assertThat(parts).hasSize(10_000);
    for (int i = 0; i < parts.size(); i++) {
      assertThat(parts.get(i).partNumber()).isEqualTo(i + 1);
      assertThat(parts.get(i).uri().getRawQuery())
          .contains("partNumber=" + (i + 1) + "&uploadId=u-1");
      assertThat(parts.get(i).size()).isEqualTo(big.plan().sizeOf(i + 1));
    }
    assertThat(parts.stream().map(p -> p.uri().getRawQuery()).distinct().count()).isEqualTo(10_000);
  }

  @Test
  void sign_parallelBatch_signsEveryPartAsASingleCallWould() {
    SessionToken big = session(2000L * MIB5, NOW.plus(Duration.ofDays(1)));

    List<PresignedPart> batch =
        PartUrls.sign(CONNECTION, Duration.ofMinutes(15), big, 1, PartUrls.PARALLEL_PARTS, NOW);

    for (int n : new int[] {1, 512, PartUrls.PARALLEL_PARTS}) {
      assertThat(batch.get(n - 1))
          .isEqualTo(PartUrls.sign(CONNECTION, Duration.ofMinutes(15), big, n, n, NOW).get(0));
    }
  }

  @Test
  void signEach_signsTheNamedPartsInTheOrderNamed() {
    List<PresignedPart> parts =
        PartUrls.signEach(CONNECTION, Duration.ofMinutes(15), SESSION, new int[] {3, 1}, NOW);

    assertThat(parts).extracting(PresignedPart::partNumber).containsExactly(3, 1);
    assertThat(parts).extracting(PresignedPart::size).containsExactly(1000L, MIB5);
  }

  @ParameterizedTest
  @CsvSource({"0", "4", "-2"})
  void signEach_partOutsideThePlan_refusedNamingIt(int partNumber) {
    assertThatThrownBy(
            () ->
                PartUrls.signEach(
                    CONNECTION, Duration.ofMinutes(15), SESSION, new int[] {1, partNumber}, NOW))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("parts must be within 1..3: " + partNumber);
  }

  private static SessionToken session(long size, Instant expiresAt) {
    return new SessionToken(
        "b-1", "u-1", "films/a.mp4", "video/mp4", PartPlan.of(size, MIB5), expiresAt);
  }
}
