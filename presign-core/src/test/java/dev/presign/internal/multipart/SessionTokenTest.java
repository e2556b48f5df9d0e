package dev.presign.internal.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.token.InvalidTokenException;
import dev.presign.internal.token.SealedToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokenTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final SessionToken SESSION =
      new SessionToken(
          "bucket-1",
          "upload-1",
          "uploads/film.mp4",
          "video/mp4",
          PartPlan.of(100L * 1024 * 1024, 16L * 1024 * 1024),
          NOW.plusSeconds(3600));

  @Test
  void decode_ownToken_returnsTheSession() throws Exception {
    assertThat(SessionToken.decode(SESSION.encode(KEY), KEY, NOW, "bucket-1")).isEqualTo(SESSION);
  }

  @Test
  void decode_everySingleByteEdit_isRefused() {
    String token = SESSION.encode(KEY);
    assertEverySingleByteEditRefused(token);
  }

  @Test
  void decode_largerSizeForgedWithoutTheKey_isRefused() {
    SessionToken bigger =
        new SessionToken(
            "bucket-1",
            "upload-1",
            "uploads/film.mp4",
            "video/mp4",
            PartPlan.of(1000L * 1024 * 1024, 16L * 1024 * 1024),
            NOW.plusSeconds(3600));
    byte[] otherKey = "another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SessionToken.decode(bigger.encode(otherKey), KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void decode_tokenForAnotherBucket_isRefused() {
    String token = SESSION.encode(KEY);

    assertThatThrownBy(() -> SessionToken.decode(token, KEY, NOW, "bucket-2"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the session token is for another bucket");
  }

  @Test
  void decode_editedMac_isRefused() {
    String token = SESSION.encode(KEY);
    char last = token.charAt(token.length() - 2);
    String forged =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertThatThrownBy(() -> SessionToken.decode(forged, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void decode_overlongToken_isRefused() {
    assertThatThrownBy(() -> SessionToken.decode("a".repeat(5000) + ".b", KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the session token is malformed");
  }

  @Test
  void decode_expired_isRefused() {
    String token = SESSION.encode(KEY);

    assertThatThrownBy(() -> SessionToken.decode(token, KEY, NOW.plusSeconds(3600), "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the session expired at 2026-11-29T13:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "!!!.!!!", "a.b.c"})
  void decode_malformed_isRefused(String token) {
    assertThatThrownBy(() -> SessionToken.decode(token, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void toString_leavesOutUploadIdAndToken() {
    assertThat(SESSION.toString()).doesNotContain("upload-1").contains("uploads/film.mp4");
  }

  @Test
  void encode_withoutTagging_isVersionOneAsBefore() {
    String token = SESSION.encode(KEY);

    assertThat(versionOf(token)).isEqualTo(1);
    assertThat(SESSION.tagging()).isEmpty();
  }

  @Test
  void decode_tokenWithTagging_returnsTheTags() throws Exception {
    SessionToken tagged =
        new SessionToken(
            "bucket-1",
            "upload-1",
            "uploads/film.mp4",
            "video/mp4",
            PartPlan.of(100L * 1024 * 1024, 16L * 1024 * 1024),
            NOW.plusSeconds(3600),
            "presign-status=pending&a%20b=c");
    String token = tagged.encode(KEY);

    assertThat(versionOf(token)).isEqualTo(2);
    assertThat(SessionToken.decode(token, KEY, NOW, "bucket-1")).isEqualTo(tagged);
    assertThat(SessionToken.decode(token, KEY, NOW, "bucket-1").tagging())
        .isEqualTo("presign-status=pending&a%20b=c");
  }

  @Test
  void decode_taggedTokenWithAnyByteEdited_isRefused() {
    String token =
        new SessionToken(
                "bucket-1",
                "upload-1",
                "k",
                "video/mp4",
                PartPlan.of(10, 5L << 20),
                NOW.plusSeconds(60),
                "presign-status=pending")
            .encode(KEY);
    assertEverySingleByteEditRefused(token);
  }

  @Test
  void decode_versionTwoWithEmptyTagging_isMalformed() throws Exception {
    String untagged = SESSION.encode(KEY);
    byte[] payload = Base64.getUrlDecoder().decode(untagged.substring(0, untagged.indexOf('.')));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(payload);
    bytes.write(new byte[] {0, 0});
    byte[] forged = bytes.toByteArray();
    forged[versionIndex()] = 2;
    String token = SealedToken.seal(forged, KEY);

    assertThatThrownBy(() -> SessionToken.decode(token, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the session token is malformed");
  }

  private static int versionOf(String token) {
    return Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))[versionIndex()];
  }

  /** The version byte follows the purpose, written as a 2-byte length and its bytes. */
  private static int versionIndex() {
    return 2 + "presign multipart session".length();
  }

  private static void assertEverySingleByteEditRefused(String token) {
    byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
    String mac = token.substring(token.indexOf('.'));
    for (int i = 0; i < payload.length; i++) {
      byte[] edited = payload.clone();
      edited[i] ^= 1;
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(edited) + mac;
      assertThatThrownBy(() -> SessionToken.decode(forged, KEY, NOW, "bucket-1"))
          .as("byte %d", i)
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the session token is not authentic");
    }
  }
}
