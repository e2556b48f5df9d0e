package dev.presign.internal.post;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.KeyStrategy;
import dev.presign.PresignException;
import dev.presign.PresignPolicy;
import dev.presign.PresignedPost;
import dev.presign.StoreProfile;
import dev.presign.UploadRequest;
import dev.presign.internal.attributes.PostAttributes;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.signing.Expiry;
import dev.presign.internal.signing.SigV4Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Assembles and signs a presigned POST form for a request the policy has admitted: its policy
 * document (bucket, key, type, size range, attribute conditions, signing scope) and the form fields
 * that match it, in the order S3 wants them.
 */
public final class PostForm {
  // The issuer's logger, as before this code left it: applications configure that name.
  private static final Logger LOG = LoggerFactory.getLogger("dev.presign.UploadUrlIssuer");

  private PostForm() {}

  /**
   * Refuses a form the store cannot take or S3 cannot check, before the policy is asked.
   *
   * @param profile the store, or null when none was set
   * @param request the request
   * @throws PresignException {@code STORE_UNSUPPORTED} on a store without POST forms
   * @throws InvalidRequestException {@code CHECKSUM_UNSUPPORTED} for a request with a checksum
   */
  public static void checkStore(StoreProfile profile, UploadRequest request) {
    if (profile != null && !profile.supportsPost()) {
      throw new PresignException(
          PresignException.Kind.STORE_UNSUPPORTED,
          profile + " does not accept presigned POST forms; use a PUT or a multipart upload");
    }
    if (request.checksum().isPresent()) {
      throw new InvalidRequestException(
          Reason.CHECKSUM_UNSUPPORTED,
          "a POST form cannot bind a checksum; use a PUT: " + request.checksum().get().algorithm());
    }
  }

  /**
   * Names the object and signs its form.
   *
   * @param connection the bucket and signer
   * @param policy the policy, for the size range and the TTL
   * @param keyStrategy names the object
   * @param request the admitted request; the size is optional
   * @param type the concrete content type the policy admitted
   * @param attributes the signed attribute headers as name/value pairs, or null for none
   * @return the form
   * @throws InvalidRequestException {@code TOO_LARGE} above 5 GiB, {@code KEY_INVALID} for an
   *     unsafe key
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public static PresignedPost sign(
      StoreConnection connection,
      PresignPolicy policy,
      KeyStrategy keyStrategy,
      UploadRequest request,
      MediaType type,
      String @Nullable [] attributes) {
    long min = request.size().isPresent() ? request.size().getAsLong() : policy.minSize();
    long max =
        request.size().isPresent()
            ? min
            : Math.min(policy.maxSize(), PresignPolicy.MAX_SINGLE_PUT_SIZE);
    if (min > PresignPolicy.MAX_SINGLE_PUT_SIZE) {
      throw new InvalidRequestException(
          Reason.TOO_LARGE,
          "a POST upload can carry at most "
              + PresignPolicy.MAX_SINGLE_PUT_SIZE
              + " bytes: "
              + min);
    }
    Instant now = connection.clock().instant();
    String key = keyStrategy.key(request, now);
    StoreConnection.requireSafeKey(key);
    AwsCredentialsIdentity credentials = connection.resolveCredentials();
    Expiry expiry = connection.expiry(now, policy.uploadTtl(), credentials);
    SigV4Signer signer = connection.signer();
    SigV4Signer.PostScope scope = signer.postScope(credentials, expiry.signingEpochSecond());
    String token =
        credentials instanceof AwsSessionCredentialsIdentity session
            ? session.sessionToken()
            : null;

    PostPolicyJson document =
        new PostPolicyJson(expiry.expiresAt()).exact("bucket", connection.bucket()).eq("key", key);
    document.eq("Content-Type", type.headerValue());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key", key);
    fields.put("Content-Type", type.headerValue());
    if (attributes != null) {
      PostAttributes.apply(attributes, document, fields);
    }
    document
        .contentLengthRange(min, max)
        .exact("x-amz-algorithm", "AWS4-HMAC-SHA256")
        .exact("x-amz-credential", scope.credential())
        .exact("x-amz-date", scope.amzDate());
    if (token != null) {
      document.exact("x-amz-security-token", token);
    }
    String policyBase64 =
        Base64.getEncoder().encodeToString(document.toJson().getBytes(StandardCharsets.UTF_8));

    fields.put("policy", policyBase64);
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", scope.credential());
    fields.put("x-amz-date", scope.amzDate());
    if (token != null) {
      fields.put("x-amz-security-token", token);
    }
    fields.put(
        "x-amz-signature", signer.signPost(policyBase64, credentials, expiry.signingEpochSecond()));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Issued POST form for key '{}' ({}, {}..{} bytes), expires at {}",
          key,
          type.essence(),
          min,
          max,
          expiry.expiresAt());
    }
    return new PresignedPost(signer.postUrl(connection.bucket()), fields, key, expiry.expiresAt());
  }
}
