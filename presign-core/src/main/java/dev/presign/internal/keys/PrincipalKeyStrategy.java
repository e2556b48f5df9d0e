package dev.presign.internal.keys;

import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.UploadRequest;
import dev.presign.internal.Redact;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code prefix + principal/ + inner key}: every principal (user or tenant) gets a folder of its
 * own.
 *
 * <p>Principals are refused rather than sanitized when they are not safe, since sanitizing could
 * map two different principals to one folder.
 *
 * @param prefix a valid key prefix
 * @param inner the strategy that names the object inside the principal's folder
 */
public record PrincipalKeyStrategy(String prefix, KeyStrategy inner) implements KeyStrategy {

  public PrincipalKeyStrategy {
    prefix = KeyPrefixes.require(prefix);
    Objects.requireNonNull(inner, "inner");
  }

  @Override
  public String key(UploadRequest request, Instant now) {
    if (request.principal().isEmpty()) {
      throw new InvalidRequestException(
          InvalidRequestException.Reason.PRINCIPAL_INVALID,
          "a principal is required to name this upload");
    }
    String principal = request.principal().get();
    if (!isSafe(principal)) {
      throw new InvalidRequestException(
          InvalidRequestException.Reason.PRINCIPAL_INVALID,
          "principal must be 1 to 128 of A-Z a-z 0-9 . _ @ - and not only dots: "
              + Redact.quote(principal));
    }
    return prefix + principal + '/' + inner.key(request, now);
  }

  @Override
  public boolean mayProduceKeyStartingWith(String reserved) {
    return KeyPrefixes.mayProduce(prefix, KeyPrefixes.FirstSegment.PRINCIPAL, reserved);
  }

  /** Letters, digits, {@code - _ . @}; 1 to 128 characters; not made of dots only. */
  private static boolean isSafe(String principal) {
    if (principal.isEmpty() || principal.length() > 128) {
      return false;
    }
    boolean onlyDots = true;
    for (int i = 0; i < principal.length(); i++) {
      char c = principal.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '@'
          || c == '-')) {
        return false;
      }
      onlyDots &= c == '.';
    }
    return !onlyDots;
  }

  @Override
  public String toString() {
    return "KeyStrategy.perPrincipal(\"" + prefix + "\", " + inner + ')';
  }
}
