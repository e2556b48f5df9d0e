package dev.presign;

import dev.presign.internal.Require;
import dev.presign.internal.attributes.AttributeHeaders;
import dev.presign.internal.policy.MediaRange;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.policy.UploadChecks;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What may be uploaded and for how long URLs live: allowed content types, size limits, TTLs and
 * optional file-extension rules. Every upload request is checked against it before a URL is signed.
 *
 * <pre>{@code
 * PresignPolicy policy = PresignPolicy.builder()
 *     .allowContentTypes("image/png", "image/jpeg", "video/*")
 *     .maxSize(500L * 1024 * 1024)
 *     .uploadTtl(Duration.ofMinutes(15))
 *     .downloadTtl(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <h2>Content types</h2>
 *
 * Allowed entries are exact ({@code image/png}), a subtype wildcard ({@code image/*}) or {@code
 * *}{@code /*}. Matching ignores case (folded with {@link Locale#ROOT}, whatever the default
 * locale). A request's parameters, such as {@code ; charset=utf-8}, are <em>ignored for
 * matching</em> but <em>kept</em>: they must be well-formed, and the normalized value (lower-case
 * type, subtype and parameter names, {@code "; "} between parameters) is what gets signed and what
 * the client must send. Allowed entries themselves take no parameters. Wildcards in a request
 * ({@code image/*}) are not a concrete type and are refused.
 *
 * <p>Wildcards are wide: {@code image/*} admits {@code image/svg+xml}, which can carry script, and
 * parameters are not restricted. List exact types where stored files are later served to browsers.
 *
 * <h2>Defaults</h2>
 *
 * At least one content type must be allowed; there is no default. Sizes default to 0 through 5 GiB
 * (the most a single PUT can carry), a declared size is required, uploads live 15 minutes and
 * downloads 5 minutes, and there are no extension rules.
 *
 * <p>Instances are immutable and thread-safe: build one at start-up and share it between all
 * request threads. Use {@link #toBuilder()} to derive a variant.
 */
public final class PresignPolicy {
  /** The largest object a single PUT can create: 5 GiB. */
  public static final long MAX_SINGLE_PUT_SIZE = 5L * 1024 * 1024 * 1024;

  /** The largest object S3 stores: 5 TiB. */
  public static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

  /** The longest file name a request may carry, in UTF-16 characters. */
  public static final int MAX_FILE_NAME_LENGTH = 1024;

  private final UploadChecks checks;
  private final long minSize;
  private final long maxSize;
  private final boolean requireDeclaredSize;
  private final Duration uploadTtl;
  private final Duration downloadTtl;
  private final Set<String> allowedExtensions;
  private final boolean extensionMustMatchContentType;
  // Null until attributes(ObjectAttributes) is called: a policy that sets none does not load the
  // attribute classes on a cold JVM's way to its first URL.
  private final @Nullable ObjectAttributes attributes;
  // Null when the attributes set nothing: then a URL costs nothing more than before they existed.
  private final @Nullable AttributeHeaders attributeHeaders;

  private PresignPolicy(Builder b) {
    this.minSize = b.minSize;
    this.maxSize = b.maxSize;
    this.requireDeclaredSize = b.requireDeclaredSize;
    this.uploadTtl = b.uploadTtl;
    this.downloadTtl = b.downloadTtl;
    this.allowedExtensions = Set.copyOf(b.allowedExtensions);
    this.extensionMustMatchContentType = b.extensionMustMatchContentType;
    this.attributes = b.attributes;
    this.attributeHeaders = attributes == null ? null : AttributeHeaders.of(attributes);
    this.checks =
        new UploadChecks(
            b.ranges,
            minSize,
            maxSize,
            requireDeclaredSize,
            allowedExtensions,
            extensionMustMatchContentType);
  }

  /** {@return a builder with the defaults described above} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this policy's settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the allowed content types, normalized to lower case, in the order given} */
  public List<String> allowedContentTypes() {
    return checks.allowedContentTypes();
  }

  /** {@return the smallest allowed size in bytes} */
  public long minSize() {
    return minSize;
  }

  /** {@return the largest allowed size in bytes} */
  public long maxSize() {
    return maxSize;
  }

  /** {@return whether a request must declare its size} */
  public boolean requireDeclaredSize() {
    return requireDeclaredSize;
  }

  /** {@return how long an upload URL lives, unless the credentials expire first} */
  public Duration uploadTtl() {
    return uploadTtl;
  }

  /** {@return how long a download URL lives, unless the credentials expire first} */
  public Duration downloadTtl() {
    return downloadTtl;
  }

  /**
   * {@return the allowed lower-case file extensions without the dot; empty means any extension, or
   * none}
   */
  public Set<String> allowedExtensions() {
    return allowedExtensions;
  }

  /**
   * {@return whether the file's extension must fit its content type ({@code .jpg} for {@code
   * image/jpeg})}
   */
  public boolean extensionMustMatchContentType() {
    return extensionMustMatchContentType;
  }

  /**
   * {@return the object attributes every upload gets, and what requests may add; none by default}
   */
  public ObjectAttributes attributes() {
    return attributes == null ? ObjectAttributes.none() : attributes;
  }

  /**
   * Checks an upload request against this policy, without signing anything.
   *
   * @param request the request to check
   * @throws InvalidRequestException naming the first rule the request breaks
   */
  public void check(UploadRequest request) {
    checkUpload(request);
    attributeEntries(request);
  }

  /**
   * The attribute headers for a request (names and values alternating; do not modify), or null when
   * the policy sets none and the request adds none.
   *
   * @throws InvalidRequestException when the request adds metadata or tags the policy does not
   *     allow
   */
  String @Nullable [] attributeEntries(UploadRequest request) {
    if (attributeHeaders == null) {
      if (!request.metadata().isEmpty() || !request.tags().isEmpty()) {
        AttributeHeaders.requireNoAdditions(request);
      }
      return null;
    }
    return attributeHeaders.entries(request);
  }

  /** Checks the request and returns its parsed, normalized content type. */
  MediaType checkUpload(UploadRequest request) {
    return checks.checkUpload(request);
  }

  /**
   * Checks a request for a POST form, whose size S3 enforces from the policy's range, so a size
   * need not be declared; the type must be concrete, as for a PUT, and is signed exactly.
   */
  MediaType checkPost(UploadRequest request) {
    return checks.checkPost(request);
  }

  /** Whether an allowed entry covers the type; the verifier asks it of what was stored. */
  boolean allows(MediaType type) {
    return checks.allows(type);
  }

  @Override
  public String toString() {
    return "PresignPolicy[contentTypes="
        + checks.allowedContentTypes()
        + ", size="
        + minSize
        + ".."
        + maxSize
        + (requireDeclaredSize ? " (declared)" : "")
        + ", uploadTtl="
        + uploadTtl
        + ", downloadTtl="
        + downloadTtl
        + (allowedExtensions.isEmpty() ? "" : ", extensions=" + new TreeSet<>(allowedExtensions))
        + (extensionMustMatchContentType ? ", extensionMatchesType" : "")
        + (attributes == null || attributes.isEmpty() ? "" : ", " + attributes)
        + ']';
  }

  /**
   * Builds a {@link PresignPolicy}. Each setter checks its argument at once; {@link #build()}
   * checks how they fit together. Not thread-safe; the policy it builds is.
   */
  public static final class Builder {
    private List<MediaRange> ranges = List.of();
    private long minSize;
    private long maxSize = MAX_SINGLE_PUT_SIZE;
    private boolean requireDeclaredSize = true;
    private Duration uploadTtl = Duration.ofMinutes(15);
    private Duration downloadTtl = Duration.ofMinutes(5);
    private Set<String> allowedExtensions = Set.of();
    private boolean extensionMustMatchContentType;
    // Null for none (see the policy's field).
    private @Nullable ObjectAttributes attributes;

    private Builder() {}

    private Builder(PresignPolicy policy) {
      this.ranges = policy.checks.ranges();
      this.minSize = policy.minSize;
      this.maxSize = policy.maxSize;
      this.requireDeclaredSize = policy.requireDeclaredSize;
      this.uploadTtl = policy.uploadTtl;
      this.downloadTtl = policy.downloadTtl;
      this.allowedExtensions = policy.allowedExtensions;
      this.extensionMustMatchContentType = policy.extensionMustMatchContentType;
      this.attributes = policy.attributes;
    }

    /**
     * Sets what every uploaded object is besides its bytes: encryption, storage class, metadata and
     * tags, and which metadata and tag keys requests may add; default {@link
     * ObjectAttributes#none()}. Each is signed: a client that drops or changes one is refused by
     * the store.
     *
     * @param attributes the attributes
     * @return this builder
     */
    public Builder attributes(ObjectAttributes attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    /**
     * Sets the allowed content types, replacing earlier ones: {@code type/subtype}, {@code type/*}
     * or {@code *}{@code /*}, without parameters.
     *
     * @param contentTypes the allowed types
     * @return this builder
     * @throws IllegalArgumentException naming the first malformed entry
     */
    public Builder allowContentTypes(String... contentTypes) {
      Objects.requireNonNull(contentTypes, "contentTypes");
      return allowContentTypes(Arrays.asList(contentTypes));
    }

    /**
     * Sets the allowed content types, replacing earlier ones; see {@link
     * #allowContentTypes(String...)}.
     *
     * @param contentTypes the allowed types
     * @return this builder
     */
    public Builder allowContentTypes(Collection<String> contentTypes) {
      this.ranges = UploadChecks.parseRanges(contentTypes);
      return this;
    }

    /**
     * Sets the smallest allowed size; default 0.
     *
     * @param bytes the minimum in bytes, at least 0
     * @return this builder
     */
    public Builder minSize(long bytes) {
      Require.argument(bytes >= 0, "minSize must be >= 0", bytes);
      this.minSize = bytes;
      return this;
    }

    /**
     * Sets the largest allowed size; default 5 GiB.
     *
     * @param bytes the maximum in bytes, 0 to 5 TiB
     * @return this builder
     */
    public Builder maxSize(long bytes) {
      Require.argument(
          bytes >= 0 && bytes <= MAX_OBJECT_SIZE,
          "maxSize must be between 0 and " + MAX_OBJECT_SIZE + " (5 TiB)",
          bytes);
      this.maxSize = bytes;
      return this;
    }

    /**
     * Whether a request must declare its size; default true. Without a declared size, a PUT URL
     * does not sign Content-Length and S3 will store a body of any size, so leave it on unless
     * uploads are verified afterwards.
     *
     * @param required whether the size must be declared
     * @return this builder
     */
    public Builder requireDeclaredSize(boolean required) {
      this.requireDeclaredSize = required;
      return this;
    }

    /**
     * Sets how long upload URLs live; default 15 minutes.
     *
     * @param ttl whole seconds from 1 s to 7 days
     * @return this builder
     */
    public Builder uploadTtl(Duration ttl) {
      this.uploadTtl = Require.presignTtl("uploadTtl", ttl);
      return this;
    }

    /**
     * Sets how long download URLs live; default 5 minutes.
     *
     * @param ttl whole seconds from 1 s to 7 days
     * @return this builder
     */
    public Builder downloadTtl(Duration ttl) {
      this.downloadTtl = Require.presignTtl("downloadTtl", ttl);
      return this;
    }

    /**
     * Restricts file names to these extensions, replacing earlier ones; case-insensitive, with or
     * without the leading dot ({@code "png"}, {@code ".JPG"}). A name without an extension is then
     * refused. No arguments lifts the restriction.
     *
     * @param extensions the allowed extensions
     * @return this builder
     */
    public Builder allowExtensions(String... extensions) {
      this.allowedExtensions = UploadChecks.normalizeExtensions(extensions);
      return this;
    }

    /**
     * Whether a file's extension must fit its content type, e.g. {@code .jpg} or {@code .jpeg} for
     * {@code image/jpeg}; default false. Types the library does not know fit no extension, so the
     * check fails closed for them.
     *
     * @param required whether the extension must fit
     * @return this builder
     */
    public Builder extensionMustMatchContentType(boolean required) {
      this.extensionMustMatchContentType = required;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     * @throws IllegalStateException when no content type is allowed or {@code minSize > maxSize}
     */
    public PresignPolicy build() {
      Require.state(
          !ranges.isEmpty(),
          "at least one content type must be allowed (use \"*/*\" to allow any)",
          "none");
      Require.state(
          minSize <= maxSize, "minSize must not exceed maxSize", minSize + " > " + maxSize);
      return new PresignPolicy(this);
    }
  }
}
