package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.PresignException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.750Z");
  private static final Instant SIGNED = Instant.parse("2026-11-29T12:00:00Z");
  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

  @Test
  void compute_withoutCredentialExpiry_usesTtlFromTruncatedSigningTime() {
    Expiry expiry = Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.empty(), false);

    assertThat(expiry.signingTime()).isEqualTo(SIGNED);
    assertThat(expiry.seconds()).isEqualTo(900);
    assertThat(expiry.expiresAt()).isEqualTo(Instant.parse("2026-11-29T12:15:00Z"));
    assertThat(expiry.capped()).isFalse();
  }

  @Test
  void compute_credentialsOutliveTtl_keepsTtl() {
    Expiry expiry =
        Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(NOW.plus(Duration.ofHours(1))), false);

    assertThat(expiry.seconds()).isEqualTo(900);
    assertThat(expiry.capped()).isFalse();
  }

  @Test
  void compute_credentialsExpireExactlyAtTtlEnd_keepsTtl() {
    Expiry expiry =
        Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(SIGNED.plusSeconds(900)), false);

    assertThat(expiry.seconds()).isEqualTo(900);
    assertThat(expiry.capped()).isFalse();
  }

  @Test
  void compute_credentialsExpireFirst_cutsToTheirWholeSecondsLeft() {
    Instant credentialsEnd = Instant.parse("2026-11-29T12:05:30.400Z");

    Expiry expiry = Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(credentialsEnd), false);

    assertThat(expiry.seconds()).isEqualTo(330);
    assertThat(expiry.expiresAt())
        .isEqualTo(Instant.parse("2026-11-29T12:05:30Z"))
        .isBeforeOrEqualTo(credentialsEnd);
    assertThat(expiry.capped()).isTrue();
  }

  @Test
  void compute_credentialsExpireFirst_andRejectRequested_fails() {
    Instant credentialsEnd = Instant.parse("2026-11-29T12:05:30Z");

    assertThatThrownBy(
            () -> Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(credentialsEnd), true))
        .isInstanceOf(PresignException.class)
        .hasMessage(
            "the signing credentials expire at 2026-11-29T12:05:30Z, before the requested PT15M from "
                + "2026-11-29T12:00:00Z ends")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.CREDENTIALS_EXPIRING);
  }

  @Test
  void compute_credentialsAlreadyExpired_fails() {
    assertThatThrownBy(
            () -> Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(NOW.minusSeconds(1)), false))
        .isInstanceOf(PresignException.class)
        .hasMessageContaining("too soon to sign")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.CREDENTIALS_EXPIRING);
  }

  @Test
  void compute_credentialsExpireWithinTheSigningSecond_fails() {
    assertThatThrownBy(
            () -> Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(SIGNED.plusMillis(999)), false))
        .isInstanceOf(PresignException.class)
        .hasMessageContaining("too soon to sign")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.CREDENTIALS_EXPIRING);
  }

  @Test
  void compute_credentialsLeaveOneSecond_signsForOneSecond() {
    Expiry expiry = Expiry.compute(NOW, FIFTEEN_MINUTES, Optional.of(SIGNED.plusSeconds(1)), false);

    assertThat(expiry.seconds()).isEqualTo(1);
  }
}
