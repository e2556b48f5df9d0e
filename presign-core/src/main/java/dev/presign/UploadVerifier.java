package dev.presign;

import dev.presign.internal.verify.ObjectTags;
import dev.presign.internal.verify.StoredAttributes;
import static dev.presign.internal.S3Calls.call;

import dev.presign.PolicyViolationException.Reason;
import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.keys.ObjectKeys;
import dev.presign.internal.multipart.SessionToken;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.verify.MagicNumbers;
import dev.presign.internal.verify.UploadTicket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Checks what actually landed after a client says it has uploaded: size, type and checksum against the
 * policy and against what was issued, and optionally the first bytes against the declared type. A
 * failed object is quarantined (the default), deleted or kept, as configured.
 *
 * <pre>{@code
 * UploadVerifier verifier = UploadVerifier.builder().issuer(issuer).ticketKey(secretBytes).build();
 * VerifiableUpload issued = verifier.issue(request); // issuer.issueUpload + ticket, no call to S3
 * // ... hand issued.upload() and issued.ticket() to the client; it uploads, then sends the ticket back
 * Verification result = verifier.verify(issued.ticket()); // HEAD (+ a ranged GET), then act on failures
 * }</pre>
 *
 * <p>A ticket is a compact, tamper-proof record of what was issued (key, declared size, type and
 * checksum), authenticated with a server-held key, so verifying needs no database row on any backend
 * instance; an edited ticket is refused before any call to S3. A bad or missing object is a result,
 * never an exception; failures to reach S3 are {@link PresignException}s naming S3's error code.
 *
 * <p>A result is final only once the upload URL has expired: until then the client may PUT again. Verify
 * after {@code expiresAt}, read the object with {@code If-Match: } {@link Verification#etag()}, or have
 * passing uploads promoted to a key no URL can write with {@link Builder#promoteOnPass(String, String)}.
 * Thread-safe; {@link #close()} closes the S3 client this instance built.
 */
public final class UploadVerifier implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UploadVerifier.class);
  private final UploadUrlIssuer issuer;
  private final byte[] ticketKey;
  private final Duration ticketTtl;
  private final Action failureAction;
  private final String quarantinePrefix;
  private final String stagingPrefix;
  private final String permanentPrefix;
  private final boolean checkContent;
  private final String retagKey;
  private final String retagValue;
  private final S3Client s3;
  private final boolean ownsClient;
  private final SdkHttpClient.Builder<?> httpClientBuilder;

  private UploadVerifier(Builder b) {
    this.issuer = b.issuer;
    this.ticketKey = b.ticketKey.clone();
    this.ticketTtl = b.ticketTtl;
    this.failureAction = b.failureAction;
    this.quarantinePrefix = b.quarantinePrefix;
    this.stagingPrefix = b.stagingPrefix;
    this.permanentPrefix = b.permanentPrefix;
    this.checkContent = b.checkContent;
    this.retagKey = b.retagKey;
    this.retagValue = b.retagValue;
    this.ownsClient = b.s3Client == null;
    this.httpClientBuilder = b.httpClientBuilder;
    this.s3 = b.s3Client != null ? b.s3Client : b.issuer.newS3Client(b.httpClientBuilder);
  }

  /** {@return a builder; the issuer and the ticket key are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder that starts from this verifier's settings} An S3 client given to this verifier is
   * shared; one it built is not, and the new verifier builds its own.
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A ticket for an issued upload, binding its key and what its signed headers declare: size, type and
   * checksum. It is honoured until the upload URL expires plus the ticket TTL.
   *
   * @param upload an upload this issuer issued
   * @return the ticket to hand to the client with the URL
   */
  public String ticket(PresignedUpload upload) {
    Objects.requireNonNull(upload, "upload");
    String algorithm = "";
    String checksum = "";
    for (Checksum.Algorithm candidate : Checksum.Algorithm.values()) {
      String value = upload.headers().get(candidate.header());
      if (value != null) {
        algorithm = candidate.name();
        checksum = value;
      }
    }
    return new UploadTicket(issuer.bucket(), upload.key(), upload.contentLength().orElse(-1),
        upload.headers().getOrDefault("Content-Type", ""), algorithm, checksum,
        upload.expiresAt().plus(ticketTtl)).encode(ticketKey);
  }

  /**
   * Issues an upload with the issuer this verifier was built with, and its ticket, in one call: the
   * same as {@code issuer.issueUpload(request)} followed by {@link #ticket(PresignedUpload)}. No call goes
   * to S3.
   *
   * @param request what the client asks to upload
   * @return the upload and the ticket to hand to the client together
   * @throws PolicyViolationException when the request breaks the policy
   * @throws PresignException when no signing credentials can be had
   */
  public VerifiableUpload issue(UploadRequest request) {
    PresignedUpload upload = issuer.issueUpload(Objects.requireNonNull(request, "request"));
    return new VerifiableUpload(upload, ticket(upload));
  }

  /**
   * Whether an object is stored under a key, asked with one HEAD: for instance before redirecting a
   * reader to a download URL, so that a missing file is a 404 of your own rather than S3's XML error.
   * Unlike {@link #verify(String)} it checks nothing and changes nothing.
   *
   * @param key the object key, e.g. an issued upload's {@link PresignedUpload#key()}
   * @return true when S3 has an object under the key
   * @throws PolicyViolationException when the key is not safe; nothing is asked of S3 then
   * @throws PresignException when S3 cannot be asked (also when it refuses the HEAD: 403)
   */
  public boolean exists(String key) {
    Objects.requireNonNull(key, "key");
    UploadUrlIssuer.requireSafeKey(key);
    return call("HeadObject", () -> {
      try {
        s3.headObject(r -> r.bucket(issuer.bucket()).key(key));
        return true;
      } catch (S3Exception e) {
        if (e.statusCode() == 404) {
          return false;
        }
        throw e;
      }
    });
  }

  /**
   * Verifies an upload from the ticket the client handed back.
   *
   * @param ticket the ticket from {@link #ticket(PresignedUpload)}
   * @return the result
   * @throws PolicyViolationException when the ticket is malformed, edited, for another bucket or expired;
   *     nothing is asked of S3 then
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(String ticket) {
    UploadTicket decoded;
    try {
      decoded = UploadTicket.decode(Objects.requireNonNull(ticket, "ticket"), ticketKey, issuer.clock().instant(),
          issuer.bucket());
    } catch (SessionToken.InvalidTokenException e) {
      throw new PolicyViolationException(Reason.TICKET_INVALID, e.getMessage());
    }
    Checksum checksum = decoded.checksumAlgorithm().isEmpty() ? null
        : Checksum.of(Checksum.Algorithm.valueOf(decoded.checksumAlgorithm()), decoded.checksum());
    MediaType type = decoded.contentType().isEmpty() ? null : MediaType.parseOrNull(decoded.contentType());
    return verify(decoded.key(), decoded.size(), type, checksum);
  }

  /**
   * Verifies an upload this backend still holds the {@link PresignedUpload} of.
   *
   * @param upload the issued upload
   * @return the result
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(PresignedUpload upload) {
    Objects.requireNonNull(upload, "upload");
    return verify(ticket(upload));
  }

  /**
   * Verifies an object against an explicit expectation: the request's type, size (when declared) and
   * checksum (when bound). The file name is not used.
   *
   * @param key the object key
   * @param expected what should be there
   * @return the result
   * @throws PolicyViolationException when the key is not safe or the expected type is malformed
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(String key, UploadRequest expected) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expected, "expected");
    UploadUrlIssuer.requireSafeKey(key);
    MediaType type = MediaType.parseOrNull(expected.contentType());
    if (type == null) {
      throw new PolicyViolationException(Reason.CONTENT_TYPE_INVALID,
          "content type must be a concrete media type such as image/png: " + Redact.quote(expected.contentType()));
    }
    return verify(key, expected.size().orElse(-1), type, expected.checksum().orElse(null));
  }

  private Verification verify(String key, long declaredSize, MediaType declaredType, Checksum checksum) {
    if (permanentPrefix != null && !key.startsWith(stagingPrefix)) {
      throw new PolicyViolationException(Reason.KEY_INVALID, "key must be under the staging prefix "
          + Redact.quote(stagingPrefix) + " to be promoted: " + Redact.quote(key));
    }
    HeadObjectResponse head = headOrNull(key);
    if (head == null) {
      return new Verification(key, Outcome.MISSING, List.of(), OptionalLong.empty(), Optional.empty(), Action.KEPT,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    List<Problem> problems = new ArrayList<>();
    long size = head.contentLength() == null ? -1 : head.contentLength();
    PresignPolicy policy = issuer.policy();
    if (size < policy.minSize() || size > policy.maxSize()) {
      problems.add(new Problem(Check.SIZE, "size must be between " + policy.minSize() + " and " + policy.maxSize()
          + " bytes: " + size));
    } else if (declaredSize >= 0 && size != declaredSize) {
      problems.add(new Problem(Check.SIZE, "size must be the declared " + declaredSize + " bytes: " + size));
    }
    MediaType stored = head.contentType() == null ? null : MediaType.parseOrNull(head.contentType());
    if (stored == null || !policy.allows(stored)) {
      problems.add(new Problem(Check.CONTENT_TYPE, "content type must be one of "
          + String.join(", ", policy.allowedContentTypes()) + ": " + Redact.quote(String.valueOf(head.contentType()))));
    } else if (declaredType != null && !stored.essence().equals(declaredType.essence())) {
      problems.add(new Problem(Check.CONTENT_TYPE, "content type must be the declared " + declaredType.essence() + ": "
          + Redact.quote(stored.essence())));
    }
    storedHeaderProblem(head).ifPresent(problems::add);
    List<String> lacking = StoredAttributes.differences(policy.attributes(), head,
        () -> ObjectTags.read(s3, issuer.bucket(), key, head.versionId()));
    if (!lacking.isEmpty()) {
      problems.add(new Problem(Check.ATTRIBUTES, "the object must carry the policy's attributes: "
          + String.join(", ", lacking)));
    }
    // A stored Content-Encoding has already failed the object, and the SDK would try to decode its bytes.
    boolean readable = head.contentEncoding() == null || head.contentEncoding().isEmpty();
    // Every later read names the ETag HEAD saw: an object replaced meanwhile fails the read, not the check.
    String etag = head.eTag();
    if (checksum != null && readable && !checksumMatches(key, head, checksum, etag)) {
      problems.add(new Problem(Check.CHECKSUM, checksum.algorithm() + " checksum does not match the one issued"));
    }
    MediaType judged = declaredType != null ? declaredType : stored;
    if (checkContent && judged != null && readable) {
      checkFirstBytes(key, judged, size, etag).ifPresent(problems::add);
    }
    Optional<String> version = Optional.ofNullable(head.versionId());
    if (problems.isEmpty()) {
      Verification passed = permanentPrefix == null
          ? new Verification(key, Outcome.PASSED, problems, OptionalLong.of(size), Optional.ofNullable(head.contentType()),
              Action.KEPT, Optional.empty(), Optional.ofNullable(etag), version, Optional.empty())
          : promote(key, head, size);
      if (retagKey != null) {
        ObjectTags.set(s3, issuer.bucket(), passed.promotedKey().orElse(key), retagKey, retagValue);
      }
      return passed;
    }
    return act(key, problems, head, size);
  }

  // The very bytes that were checked (If-Match on the ETag, the version HEAD saw) go to a key no issued URL
  // can write; the staged copy goes, so a later PUT with the same URL is just a new, unverified upload.
  private Verification promote(String key, HeadObjectResponse head, long size) {
    String target = permanentPrefix + key.substring(stagingPrefix.length());
    software.amazon.awssdk.services.s3.model.CopyObjectResponse copied = call("CopyObject",
        () -> s3.copyObject(r -> r.sourceBucket(issuer.bucket()).sourceKey(key).sourceVersionId(head.versionId())
            .copySourceIfMatch(head.eTag()).destinationBucket(issuer.bucket()).destinationKey(target)
            .applyMutation(copy -> StoredAttributes.keepOnCopy(issuer.policy().attributes(), copy))));
    call("DeleteObject", () -> s3.deleteObject(r -> r.bucket(issuer.bucket()).key(key).versionId(head.versionId())));
    String etag = copied.copyObjectResult() != null && copied.copyObjectResult().eTag() != null
        ? copied.copyObjectResult().eTag() : head.eTag();
    return new Verification(key, Outcome.PASSED, List.of(), OptionalLong.of(size), Optional.ofNullable(head.contentType()),
        Action.PROMOTED, Optional.empty(), Optional.ofNullable(etag), Optional.ofNullable(copied.versionId()),
        Optional.of(target));
  }

  // presign signs only Content-Type, Content-Length and a checksum; S3 stores these too when a PUT adds
  // them unsigned, and a plain GET would send them to every reader.
  private static Optional<Problem> storedHeaderProblem(HeadObjectResponse head) {
    List<String> found = new ArrayList<>();
    addIfSet(found, "Content-Disposition", head.contentDisposition());
    addIfSet(found, "Cache-Control", head.cacheControl());
    addIfSet(found, "Content-Encoding", head.contentEncoding());
    addIfSet(found, "Content-Language", head.contentLanguage());
    addIfSet(found, "Expires", head.expiresString());
    return found.isEmpty() ? Optional.empty() : Optional.of(new Problem(Check.HEADERS,
        "the object must carry only the headers presign signed: " + String.join(", ", found)));
  }

  private static void addIfSet(List<String> found, String name, String value) {
    if (value != null && !value.isEmpty()) {
      found.add(name + " " + Redact.quote(value));
    }
  }

  /** HEAD with the stored checksums, or null when no object is there (HEAD has no body, so: 404). */
  private HeadObjectResponse headOrNull(String key) {
    return call("HeadObject", () -> {
      try {
        return s3.headObject(r -> r.bucket(issuer.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
      } catch (S3Exception e) {
        if (e.statusCode() == 404) {
          return null;
        }
        throw e;
      }
    });
  }

  private Verification act(String key, List<Problem> problems, HeadObjectResponse head, long size) {
    Action action = failureAction;
    Optional<String> moved = Optional.empty();
    if (failureAction == Action.QUARANTINED) {
      String target = quarantinePrefix + key;
      try {
        call("CopyObject", () -> s3.copyObject(r -> r.sourceBucket(issuer.bucket()).sourceKey(key)
            .sourceVersionId(head.versionId()).copySourceIfMatch(head.eTag())
            .destinationBucket(issuer.bucket()).destinationKey(target)));
        moved = Optional.of(target);
      } catch (PresignException e) {
        // A failed object must not stay live because it could not be moved: delete it instead.
        LOG.warn("Could not quarantine '{}' ({}); deleting it", key, e.getMessage());
        action = Action.DELETED;
      }
    }
    if (action != Action.KEPT) {
      // In a versioned bucket, delete the very version that failed, not just add a delete marker.
      call("DeleteObject", () -> s3.deleteObject(r -> r.bucket(issuer.bucket()).key(key).versionId(head.versionId())));
    }
    return new Verification(key, Outcome.FAILED, problems, OptionalLong.of(size), Optional.ofNullable(head.contentType()),
        action, moved, Optional.ofNullable(head.eTag()), Optional.ofNullable(head.versionId()), Optional.empty());
  }

  private boolean checksumMatches(String key, HeadObjectResponse head, Checksum checksum, String etag) {
    String reported = switch (checksum.algorithm()) {
      case SHA256 -> full(head.checksumSHA256());
      case CRC32C -> full(head.checksumCRC32C());
      case MD5 -> md5FromEtag(head.eTag());
    };
    if (reported != null && reported.equals(checksum.base64())) {
      return true;
    }
    if (reported != null && checksum.algorithm() != Checksum.Algorithm.MD5) {
      return false;
    }
    // Not reported, or an ETag that differs (encrypted objects' ETags are no MD5): compute from the bytes.
    return computeChecksum(key, checksum.algorithm(), etag).equals(checksum.base64());
  }

  // A composite checksum of a multipart object ("...-N") is not the checksum of the bytes.
  private static String full(String checksum) {
    return checksum == null || checksum.contains("-") ? null : checksum;
  }

  // A single-part upload's ETag is the hex MD5 of its bytes; a multipart one ends in "-N" and is not.
  private static String md5FromEtag(String etag) {
    if (etag == null) {
      return null;
    }
    String hex = etag.replace("\"", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 32 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return null;
    }
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private String computeChecksum(String key, Checksum.Algorithm algorithm, String etag) {
    try (ResponseInputStream<GetObjectResponse> in = call("GetObject",
        () -> s3.getObject(r -> r.bucket(issuer.bucket()).key(key).ifMatch(etag)))) {
      byte[] buffer = new byte[64 * 1024];
      if (algorithm == Checksum.Algorithm.CRC32C) {
        CRC32C crc = new CRC32C();
        for (int n; (n = in.read(buffer)) > 0; ) {
          crc.update(buffer, 0, n);
        }
        return Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
      }
      MessageDigest digest = MessageDigest.getInstance(algorithm == Checksum.Algorithm.MD5 ? "MD5" : "SHA-256");
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (IOException e) {
      throw new PresignException(PresignException.Kind.STORE_UNREACHABLE, "reading the object to compute its checksum failed: " + e.getClass().getSimpleName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<Problem> checkFirstBytes(String key, MediaType type, long size, String etag) {
    byte[] head = new byte[0];
    long last = Math.min(size, MagicNumbers.PREFIX_BYTES) - 1;
    if (size > 0) {
      ResponseBytes<GetObjectResponse> bytes = call("GetObject",
          () -> s3.getObjectAsBytes(r -> r.bucket(issuer.bucket()).key(key).range("bytes=0-" + last).ifMatch(etag)));
      head = bytes.asByteArray();
    }
    MagicNumbers.Verdict verdict = MagicNumbers.check(type, head, size > last + 1);
    return verdict == MagicNumbers.Verdict.MISMATCH
        ? Optional.of(new Problem(Check.CONTENT, "the first bytes do not look like " + type.essence()))
        : Optional.empty();
  }

  /** The issuer this verifier checks against; for {@link UppyS3Handler}. */
  UploadUrlIssuer issuer() {
    return issuer;
  }

  /** Where uploads must land to be promoted, or null when this verifier does not promote. */
  String stagingPrefixOrNull() {
    return permanentPrefix == null ? null : stagingPrefix;
  }

  /** Closes the S3 client this instance built; one given to the builder stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  @Override
  public String toString() {
    return "UploadVerifier[bucket=" + issuer.bucket() + ", onFailure=" + failureAction
        + (failureAction == Action.QUARANTINED ? " under " + quarantinePrefix : "")
        + (permanentPrefix == null ? "" : ", promote " + stagingPrefix + " to " + permanentPrefix)
        + ", checkContent=" + checkContent + ']';
  }

  // A prefix presign writes to must be one no issued key can reach: otherwise tenant "quarantine" of
  // perPrincipal("") would find every other tenant's failed uploads in its own folder.
  static void requireReserved(UploadUrlIssuer issuer, String what, String prefix) {
    Require.state(!issuer.keyStrategy().mayProduceKeyStartingWith(prefix), what
        + " must not hold keys the issuer's " + issuer.keyStrategy() + " can produce, or presign's objects would land"
        + " where an uploader's can (a principal or folder of that name); choose another prefix, or a strategy"
        + " that says it never produces keys there", Redact.quote(prefix));
  }

  /** Builds an {@link UploadVerifier}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private UploadUrlIssuer issuer;
    private byte[] ticketKey;
    private Duration ticketTtl = Duration.ofHours(24);
    private Action failureAction = Action.QUARANTINED;
    private String quarantinePrefix = "quarantine/";
    private String stagingPrefix;
    private String permanentPrefix;
    private boolean checkContent = true;
    private String retagKey;
    private String retagValue;
    private S3Client s3Client;
    private SdkHttpClient.Builder<?> httpClientBuilder;

    private Builder() {}

    private Builder(UploadVerifier verifier) {
      this.issuer = verifier.issuer;
      this.ticketKey = verifier.ticketKey.clone();
      this.ticketTtl = verifier.ticketTtl;
      this.failureAction = verifier.failureAction;
      this.quarantinePrefix = verifier.quarantinePrefix;
      this.stagingPrefix = verifier.stagingPrefix;
      this.permanentPrefix = verifier.permanentPrefix;
      this.checkContent = verifier.checkContent;
      this.retagKey = verifier.retagKey;
      this.retagValue = verifier.retagValue;
      this.s3Client = verifier.ownsClient ? null : verifier.s3;
      this.httpClientBuilder = verifier.httpClientBuilder;
    }

    /**
     * Sets the issuer whose bucket, policy, credentials and clock verification uses (required).
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(UploadUrlIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Sets the key that authenticates tickets (required): at least 32 secret random bytes, the same on
     * every backend instance. It is copied.
     *
     * @param key the ticket key
     * @return this builder
     */
    public Builder ticketKey(byte[] key) {
      Objects.requireNonNull(key, "ticketKey");
      Require.argument(key.length >= MultipartUploads.MIN_SESSION_KEY_BYTES, "ticketKey must be at least 32 bytes",
          key.length + " bytes");
      this.ticketKey = key.clone();
      return this;
    }

    /**
     * Sets how long after its upload URL expires a ticket is still honoured; default 24 hours.
     *
     * @param ttl 1 minute to 7 days, whole seconds
     * @return this builder
     */
    public Builder ticketTtl(Duration ttl) {
      this.ticketTtl = Require.ttl("ticketTtl", ttl, Duration.ofMinutes(1), "1m");
      return this;
    }

    /**
     * Moves failed objects under {@code prefix} (the default, under {@code quarantine/}), keeping them
     * for inspection; nothing remains under the original key.
     *
     * @param prefix a valid key prefix ending in {@code /}
     * @return this builder
     */
    public Builder quarantineFailed(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      String violation = ObjectKeys.prefixViolation(prefix);
      Require.argument(violation == null && !prefix.isEmpty(), violation == null ? "prefix must not be empty" : violation,
          Redact.quote(prefix));
      this.failureAction = Action.QUARANTINED;
      this.quarantinePrefix = prefix;
      return this;
    }

    /**
     * Promotes passing uploads (Shrine's cache-to-store pattern): the issuer's key strategy names uploads
     * under {@code stagingPrefix}, and a passing verification copies the object server-side, pinned to the
     * ETag it checked, to {@code permanentPrefix} + the rest of its key, then deletes the staged copy.
     * {@link Verification#promotedKey()} says where it now is. No URL presign issues can write there (the
     * verifier refuses to build when the issuer's strategy could produce such a key), so re-using the upload
     * URL until it expires changes nothing readers of the permanent key get. Off by default: without it,
     * a result is final only once the upload URL has expired.
     *
     * <pre>{@code
     * issuer = issuer.toBuilder().keyStrategy(KeyStrategy.uuid("staging/")).build();
     * verifier = UploadVerifier.builder().issuer(issuer).ticketKey(key).promoteOnPass("staging/", "files/").build();
     * }</pre>
     *
     * @param stagingPrefix where uploads land, a valid non-empty key prefix ending in {@code /}
     * @param permanentPrefix where verified uploads go, a valid non-empty key prefix ending in {@code /},
     *     neither inside nor around the staging prefix
     * @return this builder
     */
    public Builder promoteOnPass(String stagingPrefix, String permanentPrefix) {
      Objects.requireNonNull(stagingPrefix, "stagingPrefix");
      Objects.requireNonNull(permanentPrefix, "permanentPrefix");
      requirePrefix("stagingPrefix", stagingPrefix);
      requirePrefix("permanentPrefix", permanentPrefix);
      Require.argument(!stagingPrefix.startsWith(permanentPrefix) && !permanentPrefix.startsWith(stagingPrefix),
          "permanentPrefix must be neither inside nor around stagingPrefix " + Redact.quote(stagingPrefix),
          Redact.quote(permanentPrefix));
      this.stagingPrefix = stagingPrefix;
      this.permanentPrefix = permanentPrefix;
      return this;
    }

    private static void requirePrefix(String name, String prefix) {
      String violation = ObjectKeys.prefixViolation(prefix);
      Require.argument(violation == null && !prefix.isEmpty(),
          name + " must be a non-empty key prefix ending in '/'" + (violation == null ? "" : " (" + violation + ")"),
          Redact.quote(prefix));
    }

    /**
     * Sets one tag of a passing object (after promotion, of the promoted one), keeping its other tags: with
     * {@code ObjectAttributes.builder().tag("presign-status", "pending")} on the policy and
     * {@code retagOnPass("presign-status", "verified")} here, a lifecycle rule that expires pending objects
     * ({@link BucketSetup#expireTaggedRule}) cleans up uploads nobody verified. Needs
     * {@code s3:GetObjectTagging} and {@code s3:PutObjectTagging}; off by default.
     *
     * @param tagKey the tag to set, as for {@link ObjectAttributes.Builder#tag}
     * @param tagValue its value
     * @return this builder
     * @throws IllegalArgumentException when the key or value breaks S3's tag rules
     */
    public Builder retagOnPass(String tagKey, String tagValue) {
      ObjectAttributes.builder().tag(Objects.requireNonNull(tagKey, "tagKey"), Objects.requireNonNull(tagValue, "tagValue"));
      this.retagKey = tagKey;
      this.retagValue = tagValue;
      return this;
    }

    /**
     * Deletes failed objects.
     *
     * @return this builder
     */
    public Builder deleteFailed() {
      this.failureAction = Action.DELETED;
      return this;
    }

    /**
     * Leaves failed objects where they are; the result still says what failed.
     *
     * @return this builder
     */
    public Builder keepFailed() {
      this.failureAction = Action.KEPT;
      return this;
    }

    /**
     * Whether to read the first 512 bytes and check them against the declared type; default true.
     *
     * @param check whether to check content
     * @return this builder
     */
    public Builder checkContent(boolean check) {
      this.checkContent = check;
      return this;
    }

    /**
     * Uses this S3 client instead of building one from the issuer's settings; {@link #close()} leaves it open.
     * Replaces a builder given to {@link #httpClientBuilder}.
     *
     * @param client the client
     * @return this builder
     */
    public Builder s3Client(S3Client client) {
      this.s3Client = Objects.requireNonNull(client, "s3Client");
      this.httpClientBuilder = null;
      return this;
    }

    /**
     * Builds the S3 client from the issuer's settings with this HTTP client instead of the SDK's
     * url-connection-client, which presign uses by default because it adds no jars beyond the JDK's
     * {@code HttpURLConnection}. For many concurrent calls, a pooled client such as the SDK's
     * {@code Apache5HttpClient.builder()} (from {@code software.amazon.awssdk:apache5-client}) may serve
     * better. Replaces a client given to {@link #s3Client(S3Client)}, and is replaced by one.
     *
     * @param builder the HTTP client builder; the S3 client this instance builds owns what it builds
     * @return this builder
     */
    public Builder httpClientBuilder(SdkHttpClient.Builder<?> builder) {
      this.httpClientBuilder = Objects.requireNonNull(builder, "httpClientBuilder");
      this.s3Client = null;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException when the issuer or the ticket key is missing, or when the issuer's key
     *     strategy can produce keys under the quarantine or permanent prefix
     *     ({@link KeyStrategy#mayProduceKeyStartingWith(String)})
     */
    public UploadVerifier build() {
      Require.state(issuer != null, "issuer is required", "null");
      Require.state(ticketKey != null, "ticketKey is required", "null");
      if (failureAction == Action.QUARANTINED) {
        requireReserved(issuer, "quarantine prefix", quarantinePrefix);
      }
      if (permanentPrefix != null) {
        requireReserved(issuer, "permanent prefix", permanentPrefix);
      }
      return new UploadVerifier(this);
    }
  }
}
