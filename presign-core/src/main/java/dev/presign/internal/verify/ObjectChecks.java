package dev.presign.internal.verify;

import static dev.presign.internal.S3Calls.call;

import dev.presign.PresignPolicy;
import dev.presign.Verification.Check;
import dev.presign.Verification.Problem;
import dev.presign.internal.Redact;
import dev.presign.internal.policy.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Every check the verifier makes of a stored object, in order: size, type, stored headers and
 * attributes from its HEAD, then the checksum and the first bytes read from the object itself. It
 * finds problems and changes nothing; {@link Disposition} acts on them. Immutable and thread-safe.
 */
public final class ObjectChecks {
  private final S3Client s3;
  private final String bucket;
  private final PresignPolicy policy;
  private final Predicate<MediaType> allowed;
  private final boolean checkContent;

  /**
   * Creates the checks.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param policy the policy every object must meet
   * @param allowed whether the policy allows a stored type (its package-private {@code allows})
   * @param checkContent whether to judge the first bytes against the type
   */
  public ObjectChecks(
      S3Client s3,
      String bucket,
      PresignPolicy policy,
      Predicate<MediaType> allowed,
      boolean checkContent) {
    this.s3 = s3;
    this.bucket = bucket;
    this.policy = policy;
    this.allowed = allowed;
    this.checkContent = checkContent;
  }

  /**
   * Whether an object is stored under a key, asked with one plain HEAD.
   *
   * @param key the object key
   * @return true when S3 has an object there
   * @throws dev.presign.PresignException when S3 refuses the HEAD otherwise than with 404
   */
  public boolean exists(String key) {
    return call(
        "HeadObject",
        () -> {
          try {
            s3.headObject(r -> r.bucket(bucket).key(key));
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
   * HEAD with the stored checksums.
   *
   * @param key the object key
   * @return the response, or null when no object is there (HEAD has no body, so: 404)
   */
  public HeadObjectResponse headOrNull(String key) {
    return call(
        "HeadObject",
        () -> {
          try {
            return s3.headObject(r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
          } catch (S3Exception e) {
            if (e.statusCode() == 404) {
              return null;
            }
            throw e;
          }
        });
  }

  /**
   * Every failed check of an object that exists.
   *
   * @param expected what was issued
   * @param head the object's HEAD
   * @return the problems in the order checked; empty when it passed
   */
  public List<Problem> problems(Expectation expected, HeadObjectResponse head) {
    List<Problem> problems = new ArrayList<>();
    long size = sizeOf(head);
    if (size < policy.minSize() || size > policy.maxSize()) {
      problems.add(
          Problem.of(
              Check.SIZE,
              "size must be between "
                  + policy.minSize()
                  + " and "
                  + policy.maxSize()
                  + " bytes: "
                  + size));
    } else if (expected.size() >= 0 && size != expected.size()) {
      problems.add(
          Problem.of(
              Check.SIZE, "size must be the declared " + expected.size() + " bytes: " + size));
    }
    MediaType stored =
        head.contentType() == null ? null : MediaType.parseOrNull(head.contentType());
    if (stored == null || !allowed.test(stored)) {
      problems.add(
          Problem.of(
              Check.CONTENT_TYPE,
              "content type must be one of "
                  + String.join(", ", policy.allowedContentTypes())
                  + ": "
                  + Redact.quote(String.valueOf(head.contentType()))));
    } else if (expected.type() != null && !stored.essence().equals(expected.type().essence())) {
      problems.add(
          Problem.of(
              Check.CONTENT_TYPE,
              "content type must be the declared "
                  + expected.type().essence()
                  + ": "
                  + Redact.quote(stored.essence())));
    }
    List<String> unsigned = unsignedHeaders(head);
    if (!unsigned.isEmpty()) {
      problems.add(
          Problem.of(
              Check.HEADERS,
              "the object must carry only the headers presign signed: "
                  + String.join(", ", unsigned)));
    }
    List<String> lacking =
        StoredAttributes.differences(
            policy.attributes(),
            head,
            () -> ObjectTags.read(s3, bucket, expected.key(), head.versionId()));
    if (!lacking.isEmpty()) {
      problems.add(
          Problem.of(
              Check.ATTRIBUTES,
              "the object must carry the policy's attributes: " + String.join(", ", lacking)));
    }
    // A stored Content-Encoding has already failed the object, and the SDK would try to decode its
    // bytes.
    boolean readable = head.contentEncoding() == null || head.contentEncoding().isEmpty();
    // Every later read names the ETag HEAD saw: an object replaced meanwhile fails the read, not
    // the check.
    if (expected.checksum() != null
        && readable
        && !StoredChecksum.matches(s3, bucket, expected.key(), head, expected.checksum())) {
      problems.add(
          Problem.of(
              Check.CHECKSUM,
              expected.checksum().algorithm() + " checksum does not match the one issued"));
    }
    MediaType judged = expected.type() != null ? expected.type() : stored;
    if (checkContent
        && judged != null
        && readable
        && FirstBytes.check(s3, bucket, expected.key(), judged, size, head.eTag())
            == MagicNumbers.Verdict.MISMATCH) {
      problems.add(
          Problem.of(Check.CONTENT, "the first bytes do not look like " + judged.essence()));
    }
    return problems;
  }

  /**
   * The stored size.
   *
   * @param head the object's HEAD
   * @return its Content-Length, or -1 when HEAD did not say
   */
  public static long sizeOf(HeadObjectResponse head) {
    return head.contentLength() == null ? -1 : head.contentLength();
  }

  // presign signs only Content-Type, Content-Length and a checksum; S3 stores these too when a PUT
  // adds them unsigned, and a plain GET would send them to every reader.
  private static List<String> unsignedHeaders(HeadObjectResponse head) {
    List<String> found = new ArrayList<>();
    addIfSet(found, "Content-Disposition", head.contentDisposition());
    addIfSet(found, "Cache-Control", head.cacheControl());
    addIfSet(found, "Content-Encoding", head.contentEncoding());
    addIfSet(found, "Content-Language", head.contentLanguage());
    addIfSet(found, "Expires", head.expiresString());
    return found;
  }

  private static void addIfSet(List<String> found, String name, String value) {
    if (value != null && !value.isEmpty()) {
      found.add(name + " " + Redact.quote(value));
    }
  }
}
