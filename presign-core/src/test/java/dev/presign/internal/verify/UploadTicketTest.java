package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.multipart.PartPlan;
import dev.presign.internal.multipart.SessionToken;
import dev.presign.internal.token.InvalidTokenException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UploadTicketTest {
  private static final byte[] KEY =
      "ticket-key-for-unit-tests-0123456789abc".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final UploadTicket TICKET =
      new UploadTicket(
          "bucket-1",
          "uploads/a.png",
          42,
          "image/png",
          "SHA256",
          "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=",
          NOW.plusSeconds(60));

  @Test
  void decode_ownTicket_returnsEveryField() throws Exception {
    assertThat(UploadTicket.decode(TICKET.encode(KEY), KEY, NOW, "bucket-1")).isEqualTo(TICKET);
  }

  @Test
  void decode_unknownSizeAndNoChecksum_roundTrip() throws Exception {
    UploadTicket bare = new UploadTicket("bucket-1", "k", -1, "", "", "", NOW.plusSeconds(1));

    assertThat(UploadTicket.decode(bare.encode(KEY), KEY, NOW, "bucket-1")).isEqualTo(bare);
  }

  @Test
  void decode_everyEditedPayloadByte_isRefused() {
    String ticket = TICKET.encode(KEY);
    byte[] payload = Base64.getUrlDecoder().decode(ticket.substring(0, ticket.indexOf('.')));
    String mac = ticket.substring(ticket.indexOf('.'));
    for (int i = 0; i < payload.length; i++) {
      byte[] edited = payload.clone();
      edited[i] ^= 0x20;
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(edited) + mac;
      assertThatThrownBy(() -> UploadTicket.decode(forged, KEY, NOW, "bucket-1"))
          .as("byte %d", i)
          .isInstanceOf(InvalidTokenException.class)
          .hasMessage("the ticket is not authentic");
    }
  }

  @Test
  void decode_otherBucketExpiredOrOtherKey_isRefused() {
    String ticket = TICKET.encode(KEY);

    assertThatThrownBy(() -> UploadTicket.decode(ticket, KEY, NOW, "bucket-2"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket is for another bucket");
    assertThatThrownBy(() -> UploadTicket.decode(ticket, KEY, NOW.plusSeconds(60), "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket expired at 2026-11-29T12:01:00Z");
    assertThatThrownBy(
            () ->
                UploadTicket.decode(
                    ticket,
                    "another-key-another-key-another-key-x".getBytes(StandardCharsets.US_ASCII),
                    NOW,
                    "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket is not authentic");
  }

  @Test
  void decode_sessionTokenPassedAsTicket_isRefused() {
    String session =
        new SessionToken(
                "bucket-1", "u", "k", "video/mp4", PartPlan.of(10, 5L << 20), NOW.plusSeconds(60))
            .encode(KEY);

    assertThatThrownBy(() -> UploadTicket.decode(session, KEY, NOW, "bucket-1"))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the ticket has an unknown version");
  }
}
