package dev.presign.test;

import dev.presign.PresignedPost;
import java.time.Instant;

/**
 * Assertions on a {@link PresignedPost}; start with {@link
 * PresignAssertions#assertThat(PresignedPost)}.
 */
public final class PresignedPostAssert
    extends PresignedResultAssert<PresignedPostAssert, PresignedPost> {

  /** Fields whose values are credentials or signatures: never printed in a failure. */
  private static final java.util.Set<String> SECRET_FIELDS =
      java.util.Set.of("policy", "x-amz-signature", "x-amz-security-token", "signature");

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
  String method() {
    return "POST";
  }

  @Override
  String url() {
    return actual.url();
  }

  @Override
  java.util.List<String> secretValues() {
    return SECRET_FIELDS.stream()
        .map(
            name ->
                actual.fields().entrySet().stream()
                    .filter(field -> field.getKey().equalsIgnoreCase(name))
                    .map(java.util.Map.Entry::getValue)
                    .findFirst()
                    .orElse(""))
        .toList();
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
      boolean secret = SECRET_FIELDS.contains(name.toLowerCase(java.util.Locale.ROOT));
      failWithMessage(
          "Expected field %s <%s> but was <%s>",
          name,
          secret ? "(redacted)" : value,
          secret ? (actualValue == null ? "absent" : "(redacted)") : actualValue);
    }
    return this;
  }
}
