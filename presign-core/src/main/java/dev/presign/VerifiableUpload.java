package dev.presign;

import java.util.Objects;

/**
 * An issued upload together with its verification ticket, as {@link UploadVerifier#issue(UploadRequest)}
 * returns them: hand both to the client, which sends the upload and then the ticket back to be verified.
 *
 * <p>The upload is kept whole rather than flattened into this record, so code that sends a
 * {@link PresignedUpload} sends this one unchanged. As JSON (Jackson):
 * {@code {"upload":{"method":…,"url":…,"headers":{…},"contentLength":…,"key":…,"expiresAt":…},"ticket":…}}.
 *
 * <p>The ticket is meant for the client, but it is authenticated with the server's ticket key and
 * {@link #toString()} leaves it out, as it leaves out the URL's signature.
 *
 * @param upload the issued upload
 * @param ticket the ticket for {@link UploadVerifier#verify(String)}
 */
public record VerifiableUpload(PresignedUpload upload, String ticket) {

  /**
   * Creates the value.
   *
   * @param upload the issued upload
   * @param ticket its ticket
   */
  public VerifiableUpload {
    Objects.requireNonNull(upload, "upload");
    Objects.requireNonNull(ticket, "ticket");
  }

  @Override
  public String toString() {
    return "VerifiableUpload[upload=" + upload + ", ticket=\u2026]";
  }
}
