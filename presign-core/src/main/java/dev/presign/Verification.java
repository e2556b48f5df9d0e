package dev.presign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link UploadVerifier} found for an upload: whether the object is there and is what was
 * issued, every check that failed, and what was done with a failed object. Immutable and
 * thread-safe.
 *
 * <p>A record, so that JSON libraries write it component by component (see the README). Read it
 * through its accessors. To make one (a test double for code that consumes results), use {@link
 * #builder(String, Outcome)}: a component added in a 1.x release gets a neutral default there, and
 * presign then keeps a public constructor with today's parameter list as well, so code that
 * constructs a {@code Verification} keeps compiling and linking. Record patterns that deconstruct
 * it ({@code case Verification(var k, …)}) are not covered: they break when a component is added.
 *
 * @param key the object key that was checked
 * @param outcome passed, failed or missing
 * @param problems every failed check, in the order checked; empty when the upload passed
 * @param size the stored size, when the object exists
 * @param contentType the stored Content-Type, when the object exists
 * @param action what happened to a failed object
 * @param quarantineKey where a quarantined object now is
 * @param etag the ETag of the object that was checked: pass it as {@code If-Match} to read exactly
 *     it
 * @param versionId the version that was checked, in a versioned bucket
 * @param promotedKey where a promoted object now is: its permanent key, which no issued URL can
 *     write
 */
public record Verification(
    String key,
    Outcome outcome,
    List<Problem> problems,
    OptionalLong size,
    Optional<String> contentType,
    Action action,
    Optional<String> quarantineKey,
    Optional<String> etag,
    Optional<String> versionId,
    Optional<String> promotedKey) {

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
    /**
     * Moved under the quarantine prefix because it failed; nothing remains under the original key.
     */
    QUARANTINED,
    /**
     * Copied to its permanent key because it passed, and deleted from the staging key: a later PUT
     * with the upload URL lands on the staging key again and changes nothing readers of the
     * permanent key get.
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
   * One failed check. Immutable; make one with {@link #of(Check, String)}, under the same
   * compatibility rule as {@link Verification}.
   *
   * @param check which check
   * @param detail what was expected and what was found, safe to show
   */
  public record Problem(Check check, String detail) {
    /**
     * Creates the value; prefer {@link #of(Check, String)}.
     *
     * @param check which check
     * @param detail what was expected and found
     */
    public Problem {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * A failed check.
     *
     * @param check which check
     * @param detail what was expected and what was found, safe to show
     * @return the problem
     */
    public static Problem of(Check check, String detail) {
      return new Problem(check, detail);
    }
  }

  /**
   * Creates the value; the problems are copied. Prefer {@link #builder(String, Outcome)}, which
   * gives components that 1.x may add a neutral default.
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
      throw new IllegalArgumentException(
          "problems must be empty exactly when the outcome is PASSED: " + outcome);
    }
    if (quarantineKey.isPresent() != (action == Action.QUARANTINED)) {
      throw new IllegalArgumentException(
          "quarantineKey must be set exactly when the action is QUARANTINED: " + action);
    }
    if (promotedKey.isPresent() != (action == Action.PROMOTED)) {
      throw new IllegalArgumentException(
          "promotedKey must be set exactly when the action is PROMOTED: " + action);
    }
  }

  /** {@return whether the upload passed every check} */
  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /**
   * A builder for a result, with no problems, no size, type, ETag or version, and action {@link
   * Action#KEPT} until set; {@link Builder#build()} checks the same rules as the constructor.
   *
   * <pre>{@code
   * Verification failed = Verification.builder("uploads/a.png", Outcome.FAILED)
   *     .problems(List.of(Problem.of(Check.SIZE, "size must be the declared 12 bytes: 13")))
   *     .size(13).contentType("image/png").action(Action.DELETED).build();
   * }</pre>
   *
   * @param key the object key that was checked
   * @param outcome passed, failed or missing
   * @return the builder
   */
  public static Builder builder(String key, Outcome outcome) {
    return new Builder(
        Objects.requireNonNull(key, "key"), Objects.requireNonNull(outcome, "outcome"));
  }

  /** {@return a builder that starts from this result} */
  public Builder toBuilder() {
    Builder b = new Builder(key, outcome);
    b.problems = problems;
    b.size = size;
    b.contentType = contentType;
    b.action = action;
    b.quarantineKey = quarantineKey;
    b.etag = etag;
    b.versionId = versionId;
    b.promotedKey = promotedKey;
    return b;
  }

  /** Builds a {@link Verification}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private final String key;
    private final Outcome outcome;
    private List<Problem> problems = List.of();
    private OptionalLong size = OptionalLong.empty();
    private Optional<String> contentType = Optional.empty();
    private Action action = Action.KEPT;
    private Optional<String> quarantineKey = Optional.empty();
    private Optional<String> etag = Optional.empty();
    private Optional<String> versionId = Optional.empty();
    private Optional<String> promotedKey = Optional.empty();

    private Builder(String key, Outcome outcome) {
      this.key = key;
      this.outcome = outcome;
    }

    /**
     * Sets every failed check, in the order checked; copied.
     *
     * @param problems the failed checks
     * @return this builder
     */
    public Builder problems(List<Problem> problems) {
      this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
      return this;
    }

    /**
     * Sets the stored size.
     *
     * @param size the size in bytes
     * @return this builder
     */
    public Builder size(long size) {
      this.size = OptionalLong.of(size);
      return this;
    }

    /**
     * Sets the stored Content-Type.
     *
     * @param contentType the header's value
     * @return this builder
     */
    public Builder contentType(String contentType) {
      this.contentType = Optional.of(Objects.requireNonNull(contentType, "contentType"));
      return this;
    }

    /**
     * Sets what was done with the object; {@link Action#QUARANTINED} needs {@link #quarantineKey}
     * and {@link Action#PROMOTED} needs {@link #promotedKey}.
     *
     * @param action the action
     * @return this builder
     */
    public Builder action(Action action) {
      this.action = Objects.requireNonNull(action, "action");
      return this;
    }

    /**
     * Sets where a quarantined object now is.
     *
     * @param quarantineKey the key under the quarantine prefix
     * @return this builder
     */
    public Builder quarantineKey(String quarantineKey) {
      this.quarantineKey = Optional.of(Objects.requireNonNull(quarantineKey, "quarantineKey"));
      return this;
    }

    /**
     * Sets the ETag of the object that was checked.
     *
     * @param etag the ETag as S3 sends it, quotes included
     * @return this builder
     */
    public Builder etag(String etag) {
      this.etag = Optional.of(Objects.requireNonNull(etag, "etag"));
      return this;
    }

    /**
     * Sets the version that was checked.
     *
     * @param versionId the version id
     * @return this builder
     */
    public Builder versionId(String versionId) {
      this.versionId = Optional.of(Objects.requireNonNull(versionId, "versionId"));
      return this;
    }

    /**
     * Sets where a promoted object now is.
     *
     * @param promotedKey its permanent key
     * @return this builder
     */
    public Builder promotedKey(String promotedKey) {
      this.promotedKey = Optional.of(Objects.requireNonNull(promotedKey, "promotedKey"));
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     * @throws IllegalArgumentException when the problems do not fit the outcome (none exactly when
     *     it passed), or a quarantine or promoted key does not fit the action
     */
    public Verification build() {
      return new Verification(
          key,
          outcome,
          problems,
          size,
          contentType,
          action,
          quarantineKey,
          etag,
          versionId,
          promotedKey);
    }
  }
}
