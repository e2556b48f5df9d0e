package dev.presign;

import dev.presign.internal.Require;
import dev.presign.internal.attributes.AttributeRules;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a stored object is besides its bytes, decided by the server and signed: server-side
 * encryption, storage class, user metadata ({@code x-amz-meta-*}) and tags, plus which metadata
 * keys and tag keys an {@link UploadRequest} may add. Set it on the policy with {@link
 * PresignPolicy.Builder#attributes}.
 *
 * <pre>{@code
 * ObjectAttributes attributes = ObjectAttributes.builder()
 *     .encryption(ObjectAttributes.Encryption.sseKms("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab"))
 *     .storageClass("INTELLIGENT_TIERING")
 *     .metadata("source", "web-upload")
 *     .tag("presign-status", "pending")
 *     .allowRequestMetadata("account-id", "original-name")
 *     .build();
 * }</pre>
 *
 * <p>Every attribute becomes a signed header of a PUT URL (and is among the headers the client must
 * send), an exact condition and field of a POST form, and a setting of CreateMultipartUpload; a
 * client that drops or changes one is refused by the store. The rules are S3's: all user metadata
 * at most 2 KB (keys and values as sent), at most 10 tags with keys of up to 128 and values of up
 * to 256 characters.
 *
 * <p>Metadata keys are 1 to 128 of {@code a-z 0-9} and inner {@code -}, given without {@code
 * x-amz-meta-}. Values are any text without control characters. HTTP headers are ASCII, and S3
 * decodes RFC 2047 encoded-words in metadata before storing it (and encodes non-ASCII metadata the
 * same way when it returns it): a value that is printable ASCII, without surrounding or repeated
 * spaces and without {@code =?}, is sent as it is; any other is sent as one {@code =?UTF-8?B?…?=}
 * encoded-word of its UTF-8 bytes, so S3 stores exactly the given text. {@link UploadVerifier}
 * decodes what it reads back before comparing.
 *
 * <p>Instances are immutable and thread-safe. Use {@link #toBuilder()} to derive a variant.
 */
public final class ObjectAttributes {
  /** S3's limit on the user metadata of an object, keys and values, in bytes. */
  public static final int MAX_METADATA_BYTES = AttributeRules.MAX_METADATA_BYTES;

  /** S3's limit on the number of tags of an object. */
  public static final int MAX_TAGS = AttributeRules.MAX_TAGS;

  private static final ObjectAttributes NONE = builder().build();

  private final Optional<Encryption> encryption;
  private final Optional<String> storageClass;
  private final Map<String, String> metadata;
  private final Map<String, String> tags;
  private final Set<String> requestMetadataKeys;
  private final Set<String> requestTagKeys;

  private ObjectAttributes(Builder b) {
    this.encryption = Optional.ofNullable(b.encryption);
    this.storageClass = Optional.ofNullable(b.storageClass);
    this.metadata = Collections.unmodifiableMap(new TreeMap<>(b.metadata));
    this.tags = Collections.unmodifiableMap(new TreeMap<>(b.tags));
    this.requestMetadataKeys = Collections.unmodifiableSet(new TreeSet<>(b.requestMetadataKeys));
    this.requestTagKeys = Collections.unmodifiableSet(new TreeSet<>(b.requestTagKeys));
  }

  /** {@return attributes that set nothing: S3's defaults, and requests may add nothing} */
  public static ObjectAttributes none() {
    return NONE;
  }

  /** {@return a builder that sets nothing yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from these attributes} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * {@return the server-side encryption every object is stored with, or empty for the bucket's
   * default}
   */
  public Optional<Encryption> encryption() {
    return encryption;
  }

  /** {@return the storage class every object is stored in, or empty for the bucket's default} */
  public Optional<String> storageClass() {
    return storageClass;
  }

  /**
   * {@return the user metadata every object carries, keys without {@code x-amz-meta-}, sorted by
   * key}
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@return the tags every object carries, sorted by key} */
  public Map<String, String> tags() {
    return tags;
  }

  /** {@return the metadata keys an upload request may set, sorted} */
  public Set<String> requestMetadataKeys() {
    return requestMetadataKeys;
  }

  /** {@return the tag keys an upload request may set, sorted} */
  public Set<String> requestTagKeys() {
    return requestTagKeys;
  }

  /** {@return whether these attributes set nothing and allow requests nothing} */
  public boolean isEmpty() {
    return encryption.isEmpty()
        && storageClass.isEmpty()
        && metadata.isEmpty()
        && tags.isEmpty()
        && requestMetadataKeys.isEmpty()
        && requestTagKeys.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectAttributes other
        && encryption.equals(other.encryption)
        && storageClass.equals(other.storageClass)
        && metadata.equals(other.metadata)
        && tags.equals(other.tags)
        && requestMetadataKeys.equals(other.requestMetadataKeys)
        && requestTagKeys.equals(other.requestTagKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        encryption, storageClass, metadata, tags, requestMetadataKeys, requestTagKeys);
  }

  @Override
  public String toString() {
    return "ObjectAttributes["
        + encryption.map(e -> "encryption=" + e + ", ").orElse("")
        + storageClass.map(s -> "storageClass=" + s + ", ").orElse("")
        + "metadata="
        + metadata.keySet()
        + ", tags="
        + tags
        + ", requestMetadata="
        + requestMetadataKeys
        + ", requestTags="
        + requestTagKeys
        + ']';
  }

  /**
   * Server-side encryption: SSE-S3 ({@code AES256}) or SSE-KMS ({@code aws:kms}) with an optional
   * key and the bucket-key flag. Sent as {@code x-amz-server-side-encryption}, {@code
   * x-amz-server-side-encryption-aws-kms-key-id} and {@code
   * x-amz-server-side-encryption-bucket-key-enabled}. A value made by {@link #sseS3()}, {@link
   * #sseKms()} or {@link #sseKms(String)}, so a later version can add a setting without breaking
   * code that makes or reads one.
   */
  public static final class Encryption {
    /** S3's name of SSE-S3. */
    public static final String AES256 = "AES256";

    /** S3's name of SSE-KMS. */
    public static final String AWS_KMS = "aws:kms";

    private final String algorithm;
    private final Optional<String> kmsKeyId;
    private final boolean bucketKeyEnabled;

    private Encryption(String algorithm, Optional<String> kmsKeyId, boolean bucketKeyEnabled) {
      Require.argument(
          algorithm.equals(AWS_KMS) || (kmsKeyId.isEmpty() && !bucketKeyEnabled),
          "a KMS key id and the bucket key go with aws:kms only",
          algorithm);
      if (kmsKeyId.isPresent()) {
        requireValid(AttributeRules.kmsKeyIdViolation(kmsKeyId.get()));
      }
      this.algorithm = algorithm;
      this.kmsKeyId = kmsKeyId;
      this.bucketKeyEnabled = bucketKeyEnabled;
    }

    /** {@return SSE-S3: S3-managed keys, {@code AES256}} */
    public static Encryption sseS3() {
      return new Encryption(AES256, Optional.empty(), false);
    }

    /** {@return SSE-KMS with the account's default KMS key for S3} */
    public static Encryption sseKms() {
      return new Encryption(AWS_KMS, Optional.empty(), false);
    }

    /**
     * SSE-KMS with a given key.
     *
     * @param kmsKeyId a key id, key ARN or alias ARN
     * @return the encryption
     * @throws IllegalArgumentException when the key id is malformed
     */
    public static Encryption sseKms(String kmsKeyId) {
      return new Encryption(
          AWS_KMS, Optional.of(Objects.requireNonNull(kmsKeyId, "kmsKeyId")), false);
    }

    /**
     * This SSE-KMS encryption with S3 Bucket Keys enabled.
     *
     * @return a copy with the bucket key
     * @throws IllegalArgumentException for SSE-S3, which has no bucket key
     */
    public Encryption withBucketKey() {
      return new Encryption(algorithm, kmsKeyId, true);
    }

    /** {@return {@code AES256} or {@code aws:kms}} */
    public String algorithm() {
      return algorithm;
    }

    /**
     * {@return the KMS key id, ARN or alias for {@code aws:kms}, or empty for the account's default
     * key}
     */
    public Optional<String> kmsKeyId() {
      return kmsKeyId;
    }

    /** {@return whether S3 Bucket Keys are used (SSE-KMS only); sent only when true} */
    public boolean bucketKeyEnabled() {
      return bucketKeyEnabled;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Encryption other
          && algorithm.equals(other.algorithm)
          && kmsKeyId.equals(other.kmsKeyId)
          && bucketKeyEnabled == other.bucketKeyEnabled;
    }

    @Override
    public int hashCode() {
      return Objects.hash(algorithm, kmsKeyId, bucketKeyEnabled);
    }

    @Override
    public String toString() {
      return "Encryption["
          + algorithm
          + kmsKeyId.map(k -> ", kmsKeyId=" + k).orElse("")
          + (bucketKeyEnabled ? ", bucketKey" : "")
          + ']';
    }
  }

  private static void requireValid(@Nullable String violation) {
    if (violation != null) {
      throw new IllegalArgumentException(violation);
    }
  }

  /**
   * Builds {@link ObjectAttributes}. Each setter checks its argument at once; {@link #build()}
   * checks the limits on the whole. Not thread-safe; the value it builds is.
   */
  public static final class Builder {
    private @Nullable Encryption encryption;
    private @Nullable String storageClass;
    private final Map<String, String> metadata = new TreeMap<>();
    private final Map<String, String> tags = new TreeMap<>();
    private Set<String> requestMetadataKeys = Set.of();
    private Set<String> requestTagKeys = Set.of();

    private Builder() {}

    private Builder(ObjectAttributes attributes) {
      this.encryption = attributes.encryption.orElse(null);
      this.storageClass = attributes.storageClass.orElse(null);
      this.metadata.putAll(attributes.metadata);
      this.tags.putAll(attributes.tags);
      this.requestMetadataKeys = attributes.requestMetadataKeys;
      this.requestTagKeys = attributes.requestTagKeys;
    }

    /**
     * Sets the server-side encryption; null for the bucket's default.
     *
     * @param encryption e.g. {@code Encryption.sseKms(keyArn)}
     * @return this builder
     */
    public Builder encryption(Encryption encryption) {
      this.encryption = encryption;
      return this;
    }

    /**
     * Sets the storage class; null for the bucket's default ({@code STANDARD}).
     *
     * @param storageClass a class S3 names, e.g. {@code INTELLIGENT_TIERING}, {@code STANDARD_IA},
     *     {@code GLACIER_IR}
     * @return this builder
     * @throws IllegalArgumentException for a class S3 does not name
     */
    public Builder storageClass(String storageClass) {
      if (storageClass != null) {
        String violation = AttributeRules.storageClassViolation(storageClass);
        requireValid(violation);
      }
      this.storageClass = storageClass;
      return this;
    }

    /**
     * Adds one metadata entry every object carries, replacing an earlier value of the key.
     *
     * @param key 1 to 128 of {@code a-z 0-9} and inner {@code -}, without {@code x-amz-meta-}
     * @param value any text without control characters
     * @return this builder
     * @throws IllegalArgumentException naming the malformed key or value
     */
    public Builder metadata(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      String violation = AttributeRules.metadataKeyViolation(key);
      requireValid(violation);
      violation = AttributeRules.metadataValueViolation(key, value);
      requireValid(violation);
      metadata.put(key, value);
      return this;
    }

    /**
     * Adds one tag every object carries, replacing an earlier value of the key.
     *
     * @param key 1 to 128 letters, digits, spaces or {@code + - = . _ : / @}, not starting with
     *     {@code aws:}
     * @param value 0 to 256 of the same
     * @return this builder
     * @throws IllegalArgumentException naming the malformed key or value
     */
    public Builder tag(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      String violation = AttributeRules.tagKeyViolation(key);
      requireValid(violation);
      violation = AttributeRules.tagValueViolation(key, value);
      requireValid(violation);
      tags.put(key, value);
      return this;
    }

    /**
     * Sets the metadata keys an upload request may set ({@link UploadRequest#withMetadata}),
     * replacing earlier ones; no arguments allows none. A key fixed by {@link #metadata} cannot be
     * allowed too.
     *
     * @param keys metadata keys, as for {@link #metadata}
     * @return this builder
     */
    public Builder allowRequestMetadata(String... keys) {
      Objects.requireNonNull(keys, "keys");
      for (String key : keys) {
        String violation =
            AttributeRules.metadataKeyViolation(Objects.requireNonNull(key, "keys element"));
        requireValid(violation);
      }
      this.requestMetadataKeys = Set.copyOf(Arrays.asList(keys));
      return this;
    }

    /**
     * Sets the tag keys an upload request may set ({@link UploadRequest#withTag}), replacing
     * earlier ones; no arguments allows none. A key fixed by {@link #tag} cannot be allowed too, so
     * a client can never set, say, {@code presign-status} itself.
     *
     * @param keys tag keys, as for {@link #tag}
     * @return this builder
     */
    public Builder allowRequestTags(String... keys) {
      Objects.requireNonNull(keys, "keys");
      for (String key : keys) {
        String violation =
            AttributeRules.tagKeyViolation(Objects.requireNonNull(key, "keys element"));
        requireValid(violation);
      }
      this.requestTagKeys = Set.copyOf(Arrays.asList(keys));
      return this;
    }

    /**
     * Builds the attributes.
     *
     * @return the immutable attributes
     * @throws IllegalStateException when the fixed metadata exceeds 2 KB, the fixed tags exceed 10,
     *     or a key is both fixed and allowed to requests
     */
    public ObjectAttributes build() {
      AttributeRules.requireFitTogether(metadata, tags, requestMetadataKeys, requestTagKeys);
      return new ObjectAttributes(this);
    }
  }
}
