package dev.presign;

import dev.presign.internal.uppy.UppyBackend;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Uppy routes' view of an {@link UppyS3Handler}'s services. In this package because the routes
 * need what the services keep package-private (a session's key and declared request, completion
 * that answers a stored object, the verifier's staging prefix), which the public API does not
 * offer.
 */
final class UppyServices implements UppyBackend {
  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final UploadVerifier verifier;

  UppyServices(UploadUrlIssuer issuer, MultipartUploads multipart, UploadVerifier verifier) {
    this.issuer = issuer;
    this.multipart = multipart;
    this.verifier = verifier;
  }

  @Override
  public PresignedPost issuePost(UploadRequest request) {
    return issuer.issuePost(request);
  }

  @Override
  public boolean multipartEnabled() {
    return multipart != null;
  }

  @Override
  public MultipartSession start(UploadRequest request) {
    return multipart.start(request);
  }

  @Override
  public String keyOf(String token) {
    return multipart.keyOf(token);
  }

  @Override
  public void abort(String token) {
    multipart.abort(token);
  }

  @Override
  public List<UploadedPart> listParts(String token) {
    return multipart.listParts(token);
  }

  @Override
  public List<PresignedPart> presignPartNumbers(String token, int[] partNumbers) {
    return multipart.presignPartNumbers(token, partNumbers);
  }

  @Override
  public UploadRequest declaredOf(String token) {
    return multipart.declaredOf(token);
  }

  @Override
  public String completeOrStored(String token, List<UploadedPart> parts) {
    return multipart.completeOrStored(token, parts);
  }

  @Override
  public boolean verifies() {
    return verifier != null;
  }

  @Override
  public @Nullable String stagingPrefixOrNull() {
    return verifier == null ? null : verifier.stagingPrefixOrNull();
  }

  @Override
  public Verification verify(String key, UploadRequest declared) {
    return verifier.verify(key, declared);
  }

  @Override
  public String objectUrl(String key) {
    return issuer.connection().objectUrl(key);
  }

  @Override
  public KeyStrategy keyStrategy() {
    return issuer.keyStrategy();
  }

  @Override
  public Instant now() {
    return issuer.connection().clock().instant();
  }
}
