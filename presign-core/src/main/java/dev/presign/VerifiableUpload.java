package dev.presign;

import java.util.Objects;

/**
 * An issued upload together with its verification ticket, as {@link
 * UploadVerifier#issue(UploadRequest)} returns them: hand both to the client, which sends the
 * upload and then the ticket back to be verified.
 *
 * <p>The upload is kept whole rather than flattened into this record, so code that sends a {@link
 * PresignedUpload} sends this one unchanged. As JSON (Jackson): {@code
 * {"upload":{"method":…,"url":…,"headers":{…},"contentLength":…,"key":…,"expiresAt":…},"ticket":…}}.
 *
 * <p>The ticket is meant for the client, but it is authenticated with the server's ticket key and
 * {@link #toString()} leaves it out, as it leaves out the URL's signature.
 *
 * <p>Immutable. Make one with {@link #of(PresignedUpload, String)}, under the compatibility rule of
 * {@link Verification}: a component added in 1.x keeps a constructor with today's parameters.
 *
 * @param upload the issued upload
 * @param ticket the ticket for {@link UploadVerifier#verify(String)}
 */
public record VerifiableUpload(PresignedUpload upload, String ticket) {

  /**
   * Creates the value; prefer {@link #of(PresignedUpload, String)}.
   *
   * @param upload the issued upload
   * @param ticket its ticket
   */
  public VerifiableUpload {
    Objects.requireNonNull(upload, "upload");
    Objects.requireNonNull(ticket, "ticket");
  }

  /**
   * An upload and its ticket.
   *
   * @param upload the issued upload
   * @param ticket its ticket
   * @return the value
   */
  public static VerifiableUpload of(PresignedUpload upload, String ticket) {
    return new VerifiableUpload(upload, ticket);
  }

  @Override
  public String toString() {
    return "VerifiableUpload[upload=" + upload + ", ticket=\u2026]";
  }
}
