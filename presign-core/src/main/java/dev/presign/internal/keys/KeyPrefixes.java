package dev.presign.internal.keys;

import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import java.util.Objects;

final class KeyPrefixes {
  private KeyPrefixes() {}

  static String require(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    String violation = ObjectKeys.prefixViolation(prefix);
    Require.argument(violation == null, String.valueOf(violation), Redact.quote(prefix));
    return prefix;
  }
}
