package dev.presign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link UploadVerifier} found for an upload: whether the object is there and is what was issued,
 * every check that failed, and what was done with a failed object.
 *
 * @param key the object key that was checked
 * @param outcome passed, failed or missing
 * @param problems every failed check, in the order checked; empty when the upload passed
 * @param size the stored size, when the object exists
 * @param contentType the stored Content-Type, when the object exists
 * @param action what happened to a failed object
 * @param quarantineKey where a quarantined object now is
 * @param etag the ETag of the object that was checked: pass it as {@code If-Match} to read exactly it
 * @param versionId the version that was checked, in a versioned bucket
 * @param promotedKey where a promoted object now is: its permanent key, which no issued URL can write
 */
public record Verification(String key, Outcome outcome, List<Problem> problems, OptionalLong size,
    Optional<String> contentType, Action action, Optional<String> quarantineKey, Optional<String> etag,
    Optional<String> versionId, Optional<String> promotedKey) {

  /** The overall result. */
  public enum Outcome {
    /** The object exists and every check passed. */
    PASSED,
    /** The object exists and at least one check failed. */
    FAILED,
    /** No object is stored under the key. */
    MISSING
  }

  /** What was done with the object. */
  public enum Action {
    /** Left where it is: it passed, is missing, or the verifier keeps failed objects. */
    KEPT,
    /** Deleted because it failed. */
    DELETED,
    /** Moved under the quarantine prefix because it failed; nothing remains under the original key. */
    QUARANTINED,
    /**
     * Copied to its permanent key because it passed, and deleted from the staging key: a later PUT with
     * the upload URL lands on the staging key again and changes nothing readers of the permanent key get.
     */
    PROMOTED
  }

  /** Which check failed. */
  public enum Check {
    /** The size is outside the policy's limits or differs from the declared size. */
    SIZE,
    /** The stored type is not allowed, or differs from the declared type. */
    CONTENT_TYPE,
    /** The bytes do not match the checksum bound at issue time. */
    CHECKSUM,
    /** The first bytes do not look like the declared type (magic numbers, UTF-8 for text). */
    CONTENT,
    /**
     * The object carries a header presign did not choose and S3 does not make the uploader sign:
     * Content-Disposition, Cache-Control, Content-Encoding, Content-Language or Expires.
     */
    HEADERS,
    /**
     * The object lacks an attribute of the policy's {@link ObjectAttributes}, or has another value:
     * encryption, KMS key, storage class, fixed metadata or fixed tags.
     */
    ATTRIBUTES
  }

  /**
   * One failed check.
   *
   * @param check which check
   * @param detail what was expected and what was found, safe to show
   */
  public record Problem(Check check, String detail) {
    /**
     * Creates the value.
     *
     * @param check which check
     * @param detail what was expected and found
     */
    public Problem {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Creates the value; the problems are copied.
   *
   * @param key the key
   * @param outcome the outcome
   * @param problems the failed checks
   * @param size the stored size
   * @param contentType the stored type
   * @param action what was done
   * @param quarantineKey where a quarantined object is
   * @param etag the checked object's ETag
   * @param versionId the checked version
   * @param promotedKey where a promoted object is
   */
  public Verification {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outcome, "outcome");
    problems = List.copyOf(problems);
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(quarantineKey, "quarantineKey");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(promotedKey, "promotedKey");
    if ((outcome == Outcome.PASSED) != problems.isEmpty() && outcome != Outcome.MISSING) {
      throw new IllegalArgumentException("problems must be empty exactly when the outcome is PASSED: " + outcome);
    }
    if (quarantineKey.isPresent() != (action == Action.QUARANTINED)) {
      throw new IllegalArgumentException("quarantineKey must be set exactly when the action is QUARANTINED: " + action);
    }
    if (promotedKey.isPresent() != (action == Action.PROMOTED)) {
      throw new IllegalArgumentException("promotedKey must be set exactly when the action is PROMOTED: " + action);
    }
  }

  /** {@return whether the upload passed every check} */
  public boolean passed() {
    return outcome == Outcome.PASSED;
  }
}
