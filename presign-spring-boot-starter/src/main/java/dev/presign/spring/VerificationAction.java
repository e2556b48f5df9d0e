package dev.presign.spring;

/**
 * What {@link dev.presign.UploadVerifier} does with an object that fails verification ({@code
 * presign.verifier.action}).
 */
public enum VerificationAction {
  /** Move it under {@code presign.verifier.quarantine-prefix}: {@code quarantineFailed(prefix)}. */
  QUARANTINE,
  /** Delete it: {@code deleteFailed()}. */
  DELETE,
  /** Leave it; the result still says what failed: {@code keepFailed()}. */
  KEEP
}
