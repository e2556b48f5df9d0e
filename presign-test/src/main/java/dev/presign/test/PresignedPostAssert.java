package dev.presign.test;

import dev.presign.PresignedPost;
import java.time.Instant;

/** Assertions on a {@link PresignedPost}; start with {@link PresignAssertions#assertThat(PresignedPost)}. */
public final class PresignedPostAssert extends PresignedResultAssert<PresignedPostAssert, PresignedPost> {

  PresignedPostAssert(PresignedPost actual) {
    super(actual, PresignedPostAssert.class);
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
  String url() {
    return actual.url();
  }

  /**
   * Verifies a form field.
   *
   * @param name the field name
   * @param value its value
   * @return this
   */
  public PresignedPostAssert hasField(String name, String value) {
    isNotNull();
    String actualValue = actual.fields().get(name);
    if (!value.equals(actualValue)) {
      failWithMessage("Expected field %s <%s> but was <%s>", name, value, actualValue);
    }
    return this;
  }
}
