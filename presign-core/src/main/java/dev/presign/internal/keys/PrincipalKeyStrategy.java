package dev.presign.internal.keys;

import dev.presign.KeyStrategy;
import dev.presign.PolicyViolationException;
import dev.presign.UploadRequest;
import dev.presign.internal.Redact;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code prefix + principal/ + inner key}: every principal (user or tenant) gets a folder of its own.
 *
 * <p>Principals are refused rather than sanitized when they are not safe, since sanitizing could
 * map two different principals to one folder.
 *
 * @param prefix a valid key prefix
 * @param inner the strategy that names the object inside the principal's folder
 */
public record PrincipalKeyStrategy(String prefix, KeyStrategy inner) implements KeyStrategy {
  /** Letters, digits, {@code - _ . @}; 1 to 128 characters; not made of dots only. */
  private static final Pattern SAFE_PRINCIPAL = Pattern.compile("(?!\\.+$)[A-Za-z0-9._@-]{1,128}");

  public PrincipalKeyStrategy {
    prefix = KeyPrefixes.require(prefix);
    Objects.requireNonNull(inner, "inner");
  }

  @Override
  public String key(UploadRequest request, Instant now) {
    String principal = request.principal().orElseThrow(() -> new PolicyViolationException(
        PolicyViolationException.Reason.PRINCIPAL_INVALID,
        "a principal is required to name this upload"));
    if (!SAFE_PRINCIPAL.matcher(principal).matches()) {
      throw new PolicyViolationException(PolicyViolationException.Reason.PRINCIPAL_INVALID,
          "principal must be 1 to 128 of A-Z a-z 0-9 . _ @ - and not only dots: "
              + Redact.quote(principal));
    }
    return prefix + principal + '/' + inner.key(request, now);
  }

  @Override
  public String toString() {
    return "KeyStrategy.perPrincipal(\"" + prefix + "\", " + inner + ')';
  }
}
