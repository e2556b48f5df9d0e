package dev.presign.spring;

/**
 * The key strategies {@code presign.key-strategy.kind} names; each is one of {@link
 * dev.presign.KeyStrategy}'s factories.
 */
public enum KeyStrategyKind {
  /** {@code prefix + uuid + .ext}: {@link dev.presign.KeyStrategy#uuid(String)}. */
  UUID,
  /**
   * {@code prefix + yyyy/MM/dd/ + uuid + .ext}: {@link dev.presign.KeyStrategy#datedUuid(String)}.
   */
  DATED_UUID,
  /**
   * {@code prefix + principal/ + uuid + .ext}, the request's principal required: {@link
   * dev.presign.KeyStrategy#perPrincipal(String)}.
   */
  PER_PRINCIPAL,
  /**
   * {@code prefix + uuid/ + the sanitized original name}: {@link
   * dev.presign.KeyStrategy#originalName(String)}.
   */
  ORIGINAL_NAME
}
