package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.PresignException;
import dev.presign.internal.policy.MediaType;
import dev.presign.testing.FakeS3Client;
import org.junit.jupiter.api.Test;

class FirstBytesTest {
  private final FakeS3Client s3 = new FakeS3Client();

  @Test
  void check_readsAtMostThePrefixWithOneRangedGet() {
    String etag = s3.put("k", "x".repeat(2000), "text/plain").etag();

    assertThat(FirstBytes.check(s3, "b", "k", MediaType.parseOrNull("text/plain"), 2000, etag))
        .isEqualTo(MagicNumbers.Verdict.MATCHES);
    assertThat(s3.calls()).containsExactly("GetObject k bytes=0-511");
  }

  @Test
  void check_emptyObject_readsNothing() {
    String etag = s3.put("k", "", "image/png").etag();

    assertThat(FirstBytes.check(s3, "b", "k", MediaType.parseOrNull("image/png"), 0, etag))
        .isEqualTo(MagicNumbers.Verdict.MISMATCH);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void check_objectReplacedSinceHead_failsTheRead() {
    s3.put("k", "<html>", "image/png");

    assertThatThrownBy(
            () ->
                FirstBytes.check(s3, "b", "k", MediaType.parseOrNull("image/png"), 6, "\"older\""))
        .isInstanceOf(PresignException.class)
        .hasMessageContaining("PreconditionFailed");
  }
}
