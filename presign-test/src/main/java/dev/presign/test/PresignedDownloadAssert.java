package dev.presign.test;

import dev.presign.PresignedDownload;
import dev.presign.test.internal.PresignedUrl;
import java.time.Instant;
import java.util.Locale;

/**
 * Assertions on a {@link PresignedDownload}; start with {@link
 * PresignAssertions#assertThat(PresignedDownload)}.
 */
public final class PresignedDownloadAssert
    extends PresignedResultAssert<PresignedDownloadAssert, PresignedDownload> {

  PresignedDownloadAssert(PresignedDownload actual) {
    super(actual, PresignedDownloadAssert.class);
  }

  @Override
  String key() {
    return actual.key();
  }

  @Override
  Instant expiresAt() {
    return actual.expiresAt();
  }

  @Override
  String method() {
    return actual.method();
  }

  @Override
  String url() {
    return actual.url();
  }

  /**
   * Verifies the URL makes S3 answer with this response header, through a signed {@code response-*}
   * parameter.
   *
   * @param header the header, such as {@code Content-Disposition}
   * @param value the value S3 will send
   * @return this
   */
  public PresignedDownloadAssert overridesResponseHeader(String header, String value) {
    isNotNull();
    String parameter = "response-" + header.toLowerCase(Locale.ROOT);
    String actualValue = PresignedUrl.parse(url()).parameter(parameter).orElse(null);
    if (!value.equals(actualValue)) {
      failWithMessage("Expected %s <%s> but was <%s>", parameter, value, actualValue);
    }
    return this;
  }
}
