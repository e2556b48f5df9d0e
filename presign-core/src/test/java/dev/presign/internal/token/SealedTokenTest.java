package dev.presign.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.multipart.PartPlan;
import dev.presign.internal.multipart.SessionToken;
import dev.presign.internal.verify.UploadTicket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The envelope of every token, and its spelling rule: a session token or upload ticket has exactly
 * one spelling: canonical base64url without padding. The adversarial review found both accepted
 * with a trailing {@code =} or with other unused low bits in the last character of a part, so a
 * revocation list or one-time-use check keyed on the string could be bypassed. Every such variant
 * of a real token is refused here.
 */
class SealedTokenTest {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final byte[] KEY =
      "token-spelling-key-for-tests-0123456789ab".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void open_sealedPayload_returnsItUnchanged() throws Exception {
    byte[] payload = {0, 1, 2, (byte) 0xff, 'x'};

    assertThat(SealedToken.open(SealedToken.seal(payload, KEY), KEY, "ticket"))
        .containsExactly(payload);
  }

  @Test
  void open_anotherKey_isNotAuthentic() {
    String token = SealedToken.seal(new byte[] {1, 2, 3}, KEY);
    byte[] other = "another-key-another-key-another-key-xyz".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SealedToken.open(token, other, "ticket"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket is not authentic");
  }

  @Test
  void open_editedMac_isNotAuthentic() {
    String token = SealedToken.seal(new byte[] {1, 2, 3}, KEY);
    char last = token.charAt(token.length() - 1);
    String edited = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');

    assertThatThrownBy(() -> SealedToken.open(edited, KEY, "session token"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("the session token is");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".", ".AAAA", "AAAA", "AA!A.AAAA", "AAAA.AA AA", "AAAA.AAAA.AAAA"})
  void open_malformed_saysSoAndNamesTheKind(String token) {
    assertThatThrownBy(() -> SealedToken.open(token, KEY, "ticket"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket is malformed");
  }

  @Test
  void open_longerThanMaxLength_isMalformedBeforeAnyDecoding() {
    String token = SealedToken.seal(new byte[SealedToken.MAX_LENGTH], KEY);

    assertThat(token.length()).isGreaterThan(SealedToken.MAX_LENGTH);
    assertThatThrownBy(() -> SealedToken.open(token, KEY, "ticket"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket is malformed");
  }

  @Test
  void minKeyBytes_isHmacSha256sFullStrength_andMultipartsPublicConstant() {
    assertThat(SealedToken.MIN_KEY_BYTES)
        .isEqualTo(32)
        .isEqualTo(dev.presign.MultipartUploads.MIN_SESSION_KEY_BYTES);
    assertThat(SessionToken.MAX_LENGTH).isEqualTo(SealedToken.MAX_LENGTH);
  }

  static Stream<String> sessionVariants() {
    // Payload lengths vary with the key, so both parts end on every remainder across these tokens.
    List<String> variants = new ArrayList<>();
    for (String key : List.of("k", "uploads/a.mp4", "uploads/ab.mp4", "uploads/abc.mp4")) {
      SessionToken session =
          new SessionToken(
              "bucket-1",
              "upload-1",
              key,
              "video/mp4",
              PartPlan.of(100L << 20, 8L << 20),
              NOW.plusSeconds(3600));
      variants.addAll(nonCanonical(session.encode(KEY)));
    }
    return variants.stream();
  }

  static Stream<String> ticketVariants() {
    List<String> variants = new ArrayList<>();
    for (String key : List.of("k", "uploads/a.png", "uploads/ab.png", "uploads/abc.png")) {
      variants.addAll(
          nonCanonical(
              new UploadTicket("bucket-1", key, 42, "image/png", "", "", NOW.plusSeconds(60))
                  .encode(KEY)));
    }
    return variants.stream();
  }

  @ParameterizedTest
  @MethodSource("sessionVariants")
  void sessionToken_nonCanonicalSpelling_isRefused(String variant) {
    assertThatThrownBy(() -> SessionToken.decode(variant, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("malformed");
  }

  @ParameterizedTest
  @MethodSource("ticketVariants")
  void ticket_nonCanonicalSpelling_isRefused(String variant) {
    assertThatThrownBy(() -> UploadTicket.decode(variant, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("malformed");
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void canonicalSpelling_isAccepted(String token) throws Exception {
    assertThat(token).doesNotContain("=");
    if (token.equals(canonical().findFirst().orElseThrow())) {
      assertThat(SessionToken.decode(token, KEY, NOW, "bucket-1").key()).isEqualTo("k");
    } else {
      assertThat(UploadTicket.decode(token, KEY, NOW, "bucket-1").key()).isEqualTo("k");
    }
  }

  static Stream<String> canonical() {
    return Stream.of(
        new SessionToken(
                "bucket-1",
                "upload-1",
                "k",
                "video/mp4",
                PartPlan.of(100L << 20, 8L << 20),
                NOW.plusSeconds(3600))
            .encode(KEY),
        new UploadTicket("bucket-1", "k", 42, "image/png", "", "", NOW.plusSeconds(60))
            .encode(KEY));
  }

  /**
   * Every other spelling of the same bytes: padding, and each other value of the last character's
   * unused bits.
   */
  static List<String> nonCanonical(String token) {
    int dot = token.indexOf('.');
    String payload = token.substring(0, dot);
    String mac = token.substring(dot + 1);
    List<String> variants = new ArrayList<>();
    for (String padded : padded(payload)) {
      variants.add(padded + '.' + mac);
    }
    for (String padded : padded(mac)) {
      variants.add(payload + '.' + padded);
    }
    for (String other : otherLowBits(payload)) {
      variants.add(other + '.' + mac);
    }
    for (String other : otherLowBits(mac)) {
      variants.add(payload + '.' + other);
    }
    assertThat(variants).isNotEmpty();
    return variants;
  }

  private static List<String> padded(String part) {
    return switch (part.length() % 4) {
      case 2 -> List.of(part + "==");
      case 3 -> List.of(part + "=");
      default -> List.of();
    };
  }

  private static List<String> otherLowBits(String part) {
    int unused =
        switch (part.length() % 4) {
          case 2 -> 4;
          case 3 -> 2;
          default -> 0;
        };
    int last = ALPHABET.indexOf(part.charAt(part.length() - 1));
    int mask = (1 << unused) - 1;
    List<String> others = new ArrayList<>();
    for (int low = 0; low <= mask; low++) {
      int value = (last & ~mask) | low;
      if (value != last) {
        others.add(part.substring(0, part.length() - 1) + ALPHABET.charAt(value));
      }
    }
    return others;
  }
}
