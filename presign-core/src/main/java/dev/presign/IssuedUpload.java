package dev.presign;

/**
 * What {@link MultipartUploads#issue(UploadRequest)} chose for an upload, carrying everything the
 * client needs: a {@link PresignedUpload} (one PUT), a {@link PresignedPost} (a browser form with a
 * size range) or a {@link MultipartSession} (parts, for large files).
 *
 * <pre>{@code
 * IssuedUpload issued = multipart.issue(request);
 * switch (issued.mechanism()) {
 *   case PUT -> send((PresignedUpload) issued);
 *   case POST -> send((PresignedPost) issued);
 *   case MULTIPART -> send((MultipartSession) issued);
 * }
 * }</pre>
 */
public sealed interface IssuedUpload permits PresignedUpload, PresignedPost, MultipartSession {

  /** How the client uploads. */
  enum Mechanism {
    /** One PUT with a signed size: the size is known and at most the multipart threshold. */
    PUT,
    /** A browser form whose policy lets S3 enforce a size range: the size is not known. */
    POST,
    /** Parts of a multipart upload: the size is above the multipart threshold. */
    MULTIPART
  }

  /** {@return how the client uploads} */
  Mechanism mechanism();

  /** {@return the object key the upload will land under} */
  String key();
}
