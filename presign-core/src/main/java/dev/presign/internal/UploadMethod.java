package dev.presign.internal;

import dev.presign.IssuedUpload.Mechanism;
import dev.presign.PresignException;
import dev.presign.StoreProfile;
import java.util.OptionalLong;

/**
 * Which way an upload goes to S3, decided from what is known before anything is signed: one PUT
 * when the size is known and at most the multipart threshold, a POST form when the size is unknown
 * (S3 then enforces the policy's size range itself), parts above the threshold. Whether the policy
 * admits the request is the chosen mechanism's check, not this choice: a size the policy refuses is
 * refused the same way whichever mechanism would carry it.
 */
public final class UploadMethod {
  private UploadMethod() {}

  /**
   * Chooses the mechanism.
   *
   * @param size the declared size, if any
   * @param multipartThreshold the largest size a single PUT carries
   * @param profile the store, or null when none was set
   * @return PUT, POST or MULTIPART
   * @throws PresignException {@code STORE_UNSUPPORTED} when the size is unknown and the store takes
   *     no POST forms: only a declared size can choose between a PUT and parts there
   */
  public static Mechanism choose(OptionalLong size, long multipartThreshold, StoreProfile profile) {
    if (size.isEmpty()) {
      if (profile != null && !profile.supportsPost()) {
        throw new PresignException(
            PresignException.Kind.STORE_UNSUPPORTED,
            profile
                + " does not accept presigned POST forms; declare the size for a PUT or a multipart upload");
      }
      return Mechanism.POST;
    }
    return size.getAsLong() <= multipartThreshold ? Mechanism.PUT : Mechanism.MULTIPART;
  }
}
