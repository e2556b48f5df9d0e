package dev.presign.test;

import dev.presign.PresignedUpload;
import dev.presign.test.internal.PresignedUrl;
import java.time.Instant;
import java.util.Locale;

/**
 * Assertions on a {@link PresignedUpload}; start with {@link
 * PresignAssertions#assertThat(PresignedUpload)}.
 */
public final class PresignedUploadAssert
    extends PresignedResultAssert<PresignedUploadAssert, PresignedUpload> {

  PresignedUploadAssert(PresignedUpload actual) {
    super(actual, PresignedUploadAssert.class);
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
   * Verifies that the client is told to send a header with this value and that the URL signs it, so
   * the store refuses any other value.
   *
   * @param name the header name
   * @param value its value
   * @return this
   */
  public PresignedUploadAssert signsHeader(String name, String value) {
    isNotNull();
    String told =
        actual.signedHeaders().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(java.util.Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (!value.equals(told)) {
      failWithMessage(
          "Expected the client to be told to send %s: <%s> but signedHeaders() has <%s>",
          name, value, told);
    }
    if (!PresignedUrl.parse(url()).signedHeaders().contains(name.toLowerCase(Locale.ROOT))) {
      failWithMessage(
          "Expected the URL to sign %s, but X-Amz-SignedHeaders is <%s>",
          name, String.join(";", PresignedUrl.parse(url()).signedHeaders()));
    }
    return this;
  }
}
