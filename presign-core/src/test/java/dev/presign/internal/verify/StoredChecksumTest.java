package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.Checksum;
import dev.presign.Checksum.Algorithm;
import dev.presign.testing.FakeS3Client;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class StoredChecksumTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "SHA256, ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
    "MD5, kAFQmDzST7DWlj99KOF/cg==",
    "CRC32C, Nks/tw=="
  })
  void compute_abc_isTheKnownValue(Algorithm algorithm, String expected) throws Exception {
    assertThat(StoredChecksum.compute(new ByteArrayInputStream(ABC), algorithm))
        .isEqualTo(expected);
  }

  @Test
  void compute_moreThanOneBuffer_coversEveryByte() throws Exception {
    byte[] big = new byte[256 * 1000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }

    assertThat(StoredChecksum.compute(new ByteArrayInputStream(big), Algorithm.SHA256))
        .isEqualTo("tXtksZjV1ZzloiqbnyXnKn0IFHbUMgUaqSPz2+u5CTQ=");
  }

  @Test
  void reported_singlePartEtag_isItsMd5() {
    HeadObjectResponse head =
        HeadObjectResponse.builder().eTag("\"900150983CD24FB0D6963F7D28E17F72\"").build();

    assertThat(StoredChecksum.reported(head, Algorithm.MD5)).isEqualTo("kAFQmDzST7DWlj99KOF/cg==");
  }

  @ParameterizedTest
  @CsvSource({
    "\"900150983cd24fb0d6963f7d28e17f72-2\"",
    "\"not-hex-not-hex-not-hex-not-hex0\"",
    "\"abc\""
  })
  void reported_multipartOrOtherEtag_isNone(String etag) {
    assertThat(
            StoredChecksum.reported(HeadObjectResponse.builder().eTag(etag).build(), Algorithm.MD5))
        .isNull();
  }

  @Test
  void reported_compositeChecksumOfAMultipartObject_isNone() {
    HeadObjectResponse head =
        HeadObjectResponse.builder()
            .checksumSHA256("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=-3")
            .checksumCRC32C("Nks/tw==")
            .build();

    assertThat(StoredChecksum.reported(head, Algorithm.SHA256)).isNull();
    assertThat(StoredChecksum.reported(head, Algorithm.CRC32C)).isEqualTo("Nks/tw==");
  }

  @Test
  void matches_reportedOtherSha256_isFalseWithoutReadingTheBytes() {
    FakeS3Client s3 = new FakeS3Client();
    s3.put("k", "abd", "text/plain").reportingSha256();
    HeadObjectResponse head = s3.headObject(r -> r.bucket("b").key("k"));

    assertThat(
            StoredChecksum.matches(
                s3,
                "b",
                "k",
                head,
                Checksum.sha256("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")))
        .isFalse();
    assertThat(s3.calls()).containsExactly("HeadObject k");
  }

  @Test
  void matches_notReported_readsTheBytesPinnedToTheEtag() {
    FakeS3Client s3 = new FakeS3Client();
    s3.put("k", "abc", "text/plain");
    HeadObjectResponse head = s3.headObject(r -> r.bucket("b").key("k"));

    assertThat(StoredChecksum.matches(s3, "b", "k", head, Checksum.crc32c("Nks/tw=="))).isTrue();
    assertThat(s3.calls()).containsExactly("HeadObject k", "GetObject k");
  }
}
