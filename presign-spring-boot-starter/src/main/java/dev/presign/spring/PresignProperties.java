package dev.presign.spring;

import dev.presign.StoreProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code presign.*} properties. Unset values keep presign-core's defaults.
 *
 * <p>The {@link dev.presign.UploadUrlIssuer} bean exists when {@code presign.bucket} is set, the
 * {@link dev.presign.MultipartUploads} bean when {@code presign.multipart.session-key} is set too,
 * and the {@link dev.presign.UploadVerifier} bean when {@code presign.verifier.ticket-key} is set
 * too.
 *
 * <p>A JavaBean, as Spring's binder and metadata expect; it is bound once at start-up and read only
 * there.
 */
@ConfigurationProperties("presign")
public class PresignProperties {
  /** The bucket uploads go to. Setting it creates the UploadUrlIssuer bean. */
  private @Nullable String bucket;

  /**
   * The region URLs are signed for. Unset: the app's own Region bean, else the store profile's
   * region, else the AWS SDK's default region chain (AWS_REGION, the profile file, instance
   * metadata).
   */
  private @Nullable String region;

  /** The endpoint of an S3-compatible store, e.g. http://127.0.0.1:9000; unset for Amazon S3. */
  private @Nullable URI endpoint;

  /**
   * Whether the bucket goes in the path instead of the host name. Unset: the store profile's style,
   * else false.
   */
  private @Nullable Boolean pathStyle;

  /**
   * The store's profile, which sets addressing and region and refuses what the store cannot take.
   */
  private @Nullable StoreProfile profile;

  /** What uploads may be: types, sizes, lifetimes, extensions. */
  private final Policy policy = new Policy();

  /** How uploaded objects are named. */
  private final KeyStrategy keyStrategy = new KeyStrategy();

  /** Multipart uploads. */
  private final Multipart multipart = new Multipart();

  /** Verification of what landed. */
  private final Verifier verifier = new Verifier();

  /** Mapping of presign's exceptions to RFC 9457 problem responses. */
  private final Errors errors = new Errors();

  /** The Actuator health indicator. */
  private final Health health = new Health();

  private final Uppy uppy = new Uppy();

  /** {@return the bucket} */
  public @Nullable String getBucket() {
    return bucket;
  }

  /**
   * Sets {@code bucket}.
   *
   * @param bucket the bucket
   */
  public void setBucket(@Nullable String bucket) {
    this.bucket = bucket;
  }

  /** {@return the region id, or null} */
  public @Nullable String getRegion() {
    return region;
  }

  /**
   * Sets {@code region}.
   *
   * @param region the region id
   */
  public void setRegion(@Nullable String region) {
    this.region = region;
  }

  /** {@return the endpoint, or null} */
  public @Nullable URI getEndpoint() {
    return endpoint;
  }

  /**
   * Sets {@code endpoint}.
   *
   * @param endpoint the endpoint
   */
  public void setEndpoint(@Nullable URI endpoint) {
    this.endpoint = endpoint;
  }

  /** {@return whether to use path-style addressing, or null for the profile's style} */
  public @Nullable Boolean getPathStyle() {
    return pathStyle;
  }

  /**
   * Sets {@code pathStyle}.
   *
   * @param pathStyle whether to use path-style addressing
   */
  public void setPathStyle(@Nullable Boolean pathStyle) {
    this.pathStyle = pathStyle;
  }

  /** {@return the store profile, or null} */
  public @Nullable StoreProfile getProfile() {
    return profile;
  }

  /**
   * Sets {@code profile}.
   *
   * @param profile the store profile
   */
  public void setProfile(@Nullable StoreProfile profile) {
    this.profile = profile;
  }

  /** {@return the policy settings} */
  public Policy getPolicy() {
    return policy;
  }

  /** {@return the key strategy settings} */
  public KeyStrategy getKeyStrategy() {
    return keyStrategy;
  }

  /** {@return the multipart settings} */
  public Multipart getMultipart() {
    return multipart;
  }

  /** {@return the verifier settings} */
  public Verifier getVerifier() {
    return verifier;
  }

  /** {@return the error mapping settings} */
  public Errors getErrors() {
    return errors;
  }

  /** {@return the health indicator settings} */
  public Health getHealth() {
    return health;
  }

  /** {@return the Uppy route settings} */
  public Uppy getUppy() {
    return uppy;
  }

  /** The {@code presign.policy.*} properties. */
  public static class Policy {
    /**
     * Allowed content types: exact (image/png), a wildcard (image/*) or any. At least one is
     * required.
     */
    private List<String> allowedContentTypes = new ArrayList<>();

    /** The smallest upload. Default 0 B. */
    private @Nullable DataSize minSize;

    /** The largest upload, up to 5TB. Default 5GB. */
    private @Nullable DataSize maxSize;

    /** Whether the client must declare the size, so that Content-Length is signed. Default true. */
    private @Nullable Boolean requireDeclaredSize;

    /** How long an upload URL lives, 1s to 7d, whole seconds. Default 15m. */
    private @Nullable Duration uploadTtl;

    /** How long a download URL lives, 1s to 7d, whole seconds. Default 5m. */
    private @Nullable Duration downloadTtl;

    /** Allowed file extensions without the dot, e.g. png, jpg. Default any. */
    private List<String> allowedExtensions = new ArrayList<>();

    /** Whether the extension must fit the content type (.jpg for image/jpeg). Default false. */
    private @Nullable Boolean extensionMustMatchContentType;

    /** {@return the allowed content types} */
    public List<String> getAllowedContentTypes() {
      return allowedContentTypes;
    }

    /**
     * Sets {@code allowedContentTypes}.
     *
     * @param allowedContentTypes the allowed content types
     */
    public void setAllowedContentTypes(List<String> allowedContentTypes) {
      this.allowedContentTypes = allowedContentTypes;
    }

    /** {@return the minimum size, or null} */
    public @Nullable DataSize getMinSize() {
      return minSize;
    }

    /**
     * Sets {@code minSize}.
     *
     * @param minSize the minimum size
     */
    public void setMinSize(@Nullable DataSize minSize) {
      this.minSize = minSize;
    }

    /** {@return the maximum size, or null} */
    public @Nullable DataSize getMaxSize() {
      return maxSize;
    }

    /**
     * Sets {@code maxSize}.
     *
     * @param maxSize the maximum size
     */
    public void setMaxSize(@Nullable DataSize maxSize) {
      this.maxSize = maxSize;
    }

    /** {@return whether a declared size is required, or null} */
    public @Nullable Boolean getRequireDeclaredSize() {
      return requireDeclaredSize;
    }

    /**
     * Sets {@code requireDeclaredSize}.
     *
     * @param requireDeclaredSize whether a declared size is required
     */
    public void setRequireDeclaredSize(@Nullable Boolean requireDeclaredSize) {
      this.requireDeclaredSize = requireDeclaredSize;
    }

    /** {@return the upload URL lifetime, or null} */
    public @Nullable Duration getUploadTtl() {
      return uploadTtl;
    }

    /**
     * Sets {@code uploadTtl}.
     *
     * @param uploadTtl the upload URL lifetime
     */
    public void setUploadTtl(@Nullable Duration uploadTtl) {
      this.uploadTtl = uploadTtl;
    }

    /** {@return the download URL lifetime, or null} */
    public @Nullable Duration getDownloadTtl() {
      return downloadTtl;
    }

    /**
     * Sets {@code downloadTtl}.
     *
     * @param downloadTtl the download URL lifetime
     */
    public void setDownloadTtl(@Nullable Duration downloadTtl) {
      this.downloadTtl = downloadTtl;
    }

    /** {@return the allowed extensions} */
    public List<String> getAllowedExtensions() {
      return allowedExtensions;
    }

    /**
     * Sets {@code allowedExtensions}.
     *
     * @param allowedExtensions the allowed extensions
     */
    public void setAllowedExtensions(List<String> allowedExtensions) {
      this.allowedExtensions = allowedExtensions;
    }

    /** {@return whether the extension must fit the content type, or null} */
    public @Nullable Boolean getExtensionMustMatchContentType() {
      return extensionMustMatchContentType;
    }

    /**
     * Sets {@code extensionMustMatchContentType}.
     *
     * @param extensionMustMatchContentType whether the extension must fit the content type
     */
    public void setExtensionMustMatchContentType(@Nullable Boolean extensionMustMatchContentType) {
      this.extensionMustMatchContentType = extensionMustMatchContentType;
    }
  }

  /** The {@code presign.key-strategy.*} properties. */
  public static class KeyStrategy {
    /** How keys are made. Default uuid. */
    private KeyStrategyKind kind = KeyStrategyKind.UUID;

    /** The folder keys go under, e.g. uploads/; empty or ending in /. Default empty. */
    private String prefix = "";

    /** {@return the kind} */
    public KeyStrategyKind getKind() {
      return kind;
    }

    /**
     * Sets {@code kind}.
     *
     * @param kind the kind
     */
    public void setKind(KeyStrategyKind kind) {
      this.kind = kind;
    }

    /** {@return the prefix} */
    public String getPrefix() {
      return prefix;
    }

    /**
     * Sets {@code prefix}.
     *
     * @param prefix the prefix
     */
    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }
  }

  /** The {@code presign.multipart.*} properties. */
  public static class Multipart {
    /**
     * The key that authenticates session tokens: base64 of at least 32 secret random bytes, the
     * same on every instance (e.g. from openssl rand -base64 32). Setting it creates the
     * MultipartUploads bean.
     */
    private @Nullable String sessionKey;

    /** The preferred part size, 5MB to 5GB. Default 16MB. */
    private @Nullable DataSize partSize;

    /** How long a session token is honoured, 1m to 7d. Default 24h. */
    private @Nullable Duration sessionTtl;

    /**
     * The size above which issue() picks a multipart upload over one PUT, 5MB to 5GB. Default
     * 100MB.
     */
    private @Nullable DataSize threshold;

    /** {@return the base64 session key, or null} */
    public @Nullable String getSessionKey() {
      return sessionKey;
    }

    /**
     * Sets {@code sessionKey}.
     *
     * @param sessionKey the base64 session key
     */
    public void setSessionKey(@Nullable String sessionKey) {
      this.sessionKey = sessionKey;
    }

    /** {@return the part size, or null} */
    public @Nullable DataSize getPartSize() {
      return partSize;
    }

    /**
     * Sets {@code partSize}.
     *
     * @param partSize the part size
     */
    public void setPartSize(@Nullable DataSize partSize) {
      this.partSize = partSize;
    }

    /** {@return the session lifetime, or null} */
    public @Nullable Duration getSessionTtl() {
      return sessionTtl;
    }

    /**
     * Sets {@code sessionTtl}.
     *
     * @param sessionTtl the session lifetime
     */
    public void setSessionTtl(@Nullable Duration sessionTtl) {
      this.sessionTtl = sessionTtl;
    }

    /** {@return the multipart threshold, or null} */
    public @Nullable DataSize getThreshold() {
      return threshold;
    }

    /**
     * Sets {@code threshold}.
     *
     * @param threshold the multipart threshold
     */
    public void setThreshold(@Nullable DataSize threshold) {
      this.threshold = threshold;
    }
  }

  /** The {@code presign.verifier.*} properties. */
  public static class Verifier {
    /**
     * The key that authenticates upload tickets: base64 of at least 32 secret random bytes, the
     * same on every instance. Setting it creates the UploadVerifier bean.
     */
    private @Nullable String ticketKey;

    /** How long after its upload URL expires a ticket is honoured, 1m to 7d. Default 24h. */
    private @Nullable Duration ticketTtl;

    /** What happens to an object that fails verification. Default quarantine. */
    private VerificationAction action = VerificationAction.QUARANTINE;

    /** Where quarantined objects go; a key prefix ending in /. Default quarantine/. */
    private @Nullable String quarantinePrefix;

    /**
     * Whether to read the first 512 bytes and check them against the declared type. Default true.
     */
    private @Nullable Boolean checkContent;

    /** {@return the base64 ticket key, or null} */
    public @Nullable String getTicketKey() {
      return ticketKey;
    }

    /**
     * Sets {@code ticketKey}.
     *
     * @param ticketKey the base64 ticket key
     */
    public void setTicketKey(@Nullable String ticketKey) {
      this.ticketKey = ticketKey;
    }

    /** {@return the ticket lifetime, or null} */
    public @Nullable Duration getTicketTtl() {
      return ticketTtl;
    }

    /**
     * Sets {@code ticketTtl}.
     *
     * @param ticketTtl the ticket lifetime
     */
    public void setTicketTtl(@Nullable Duration ticketTtl) {
      this.ticketTtl = ticketTtl;
    }

    /** {@return the action for failed objects} */
    public VerificationAction getAction() {
      return action;
    }

    /**
     * Sets {@code action}.
     *
     * @param action the action for failed objects
     */
    public void setAction(VerificationAction action) {
      this.action = action;
    }

    /** {@return the quarantine prefix, or null} */
    public @Nullable String getQuarantinePrefix() {
      return quarantinePrefix;
    }

    /**
     * Sets {@code quarantinePrefix}.
     *
     * @param quarantinePrefix the quarantine prefix
     */
    public void setQuarantinePrefix(@Nullable String quarantinePrefix) {
      this.quarantinePrefix = quarantinePrefix;
    }

    /** {@return whether content is checked, or null} */
    public @Nullable Boolean getCheckContent() {
      return checkContent;
    }

    /**
     * Sets {@code checkContent}.
     *
     * @param checkContent whether content is checked
     */
    public void setCheckContent(@Nullable Boolean checkContent) {
      this.checkContent = checkContent;
    }
  }

  /** The {@code presign.errors.*} properties. */
  public static class Errors {
    /**
     * Whether presign's exceptions become RFC 9457 problem responses (400 with the reason for a
     * policy violation, the status its kind implies otherwise). Default true.
     */
    private boolean enabled = true;

    /** {@return whether error mapping is on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@code enabled}.
     *
     * @param enabled whether error mapping is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The {@code presign.health.*} properties. */
  public static class Health {
    /**
     * Whether to add the "presign" health indicator, which runs SelfTest: a tiny PUT, GET and
     * DELETE in the bucket on every health check. Default false, because it writes to the bucket.
     */
    private boolean enabled;

    /** {@return whether the health indicator is on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@code enabled}.
     *
     * @param enabled whether the health indicator is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The {@code presign.uppy.*} properties. */
  public static class Uppy {
    /**
     * Whether to serve Uppy Companion's S3 routes (for @uppy/aws-s3 with companionEndpoint) under
     * the path, through the UploadUrlIssuer and, when there is one, the MultipartUploads bean.
     * Default false.
     */
    private boolean enabled;

    /**
     * Where the routes live: Uppy's companionEndpoint; the plugin adds /s3/... itself. Default
     * /uppy.
     */
    private String path = "/uppy";

    /**
     * With an UploadVerifier bean, still answer /s3/params with POST forms whose uploads are never
     * verified (a risk: the client chooses the route). Default false: pages use shouldUseMultipart:
     * true.
     */
    private boolean allowUnverifiedSimpleUploads;

    /** {@return whether simple uploads are served although a verifier is configured} */
    public boolean isAllowUnverifiedSimpleUploads() {
      return allowUnverifiedSimpleUploads;
    }

    /**
     * Sets whether simple uploads are served although a verifier is configured.
     *
     * @param allowUnverifiedSimpleUploads true to accept the risk
     */
    public void setAllowUnverifiedSimpleUploads(boolean allowUnverifiedSimpleUploads) {
      this.allowUnverifiedSimpleUploads = allowUnverifiedSimpleUploads;
    }

    /** {@return whether the Uppy routes are on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@code enabled}.
     *
     * @param enabled whether the Uppy routes are on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the mount path} */
    public String getPath() {
      return path;
    }

    /**
     * Sets {@code path}.
     *
     * @param path the mount path
     */
    public void setPath(String path) {
      this.path = path;
    }
  }
}
