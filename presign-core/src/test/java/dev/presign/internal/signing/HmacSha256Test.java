package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HmacSha256Test {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 4231 test cases 1 and 2; 3, 4, 6 and 7 below (case 5 truncates the output).
  @ParameterizedTest
  @CsvSource({
    "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 4869205468657265, "
        + "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    "4a656665, 7768617420646f2079612077616e7420666f72206e6f7468696e673f, "
        + "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  })
  void mac_rfc4231Vectors_matchTheirExpectedMacs(String key, String message, String expected) {
    assertThat(HEX.formatHex(HmacSha256.mac(HEX.parseHex(key), HEX.parseHex(message))))
        .isEqualTo(expected);
  }

  @Test
  void mac_rfc4231RepeatedByteVectors_matchTheirExpectedMacs() {
    assertThat(
            HEX.formatHex(
                HmacSha256.mac(HEX.parseHex("aa".repeat(20)), HEX.parseHex("dd".repeat(50)))))
        .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    assertThat(
            HEX.formatHex(
                HmacSha256.mac(
                    HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                    HEX.parseHex("cd".repeat(50)))))
        .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  }

  @Test
  void mac_keyLongerThanTheBlock_isHashedFirst() {
    byte[] key = HEX.parseHex("aa".repeat(131));

    assertThat(
            HEX.formatHex(
                HmacSha256.mac(
                    key,
                    "Test Using Larger Than Block-Size Key - Hash Key First"
                        .getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    assertThat(
            HEX.formatHex(
                HmacSha256.mac(
                    key,
                    ("This is a test using a larger than block-size key and a larger than "
                            + "block-size data. The key needs to be hashed before being used by the HMAC algorithm.")
                        .getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  }

  @Test
  void doFinal_anyKeyAndMessage_equalsTheJdkMac() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    HmacSha256 ours = new HmacSha256();
    Mac jdk = Mac.getInstance("HmacSHA256");
    for (int i = 0; i < 2_000; i++) {
      byte[] key = bytes(random, 1 + random.nextInt(200));
      byte[] message = bytes(random, random.nextInt(300));
      jdk.init(new SecretKeySpec(key, "HmacSHA256"));
      ours.init(key);
      byte[] expected = jdk.doFinal(message);
      // Twice under one key: doFinal must leave the MAC ready for the next message.
      for (int round = 0; round < 2; round++) {
        int split = message.length == 0 ? 0 : random.nextInt(message.length);
        ours.update(message, 0, split);
        ours.update(message, split, message.length - split);
        byte[] actual = new byte[40];
        ours.doFinal(actual, 3);
        assertThat(java.util.Arrays.copyOfRange(actual, 3, 35)).as("key %s", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void update_beforeInit_isRefused() {
    HmacSha256 mac = new HmacSha256();

    assertThatThrownBy(() -> mac.update(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("init(key) must come first");
    assertThatThrownBy(() -> mac.doFinal(new byte[32], 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("init(key) must come first");
  }

  @Test
  void init_nullKeyAfterAGoodOne_isRefusedAndKeepsTheGoodKey() {
    HmacSha256 mac = new HmacSha256();
    mac.init(new byte[] {1});

    assertThatThrownBy(() -> mac.init(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    mac.update(new byte[] {2}, 0, 1);
    byte[] actual = new byte[32];
    mac.doFinal(actual, 0);
    assertThat(actual).isEqualTo(HmacSha256.mac(new byte[] {1}, new byte[] {2}));
  }

  @Test
  void doFinal_noRoomForTheMac_isRefusedAndTheMacStaysUsable() {
    HmacSha256 mac = new HmacSha256();
    mac.init(new byte[] {1});
    byte[] expected = HmacSha256.mac(new byte[] {1}, new byte[] {2});

    assertThatThrownBy(() -> mac.doFinal(new byte[40], 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
    mac.update(new byte[] {2}, 0, 1);
    byte[] actual = new byte[32];
    mac.doFinal(actual, 0);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void toString_neverShowsTheKey() {
    HmacSha256 mac = new HmacSha256();
    mac.init("secret-key".getBytes(StandardCharsets.US_ASCII));

    assertThat(mac).hasToString("HmacSha256");
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
