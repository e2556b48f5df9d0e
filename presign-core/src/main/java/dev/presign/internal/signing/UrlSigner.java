package dev.presign.internal.signing;

/**
 * The one seam through which every URL is signed: a request in, a SigV4 query-string-signed URL
 * out, as text. Implementations are stateless or thread-safe, and never log or keep what they sign.
 */
@FunctionalInterface
public interface UrlSigner {
  /**
   * Signs {@code request} and returns the full pre-signed URL: ASCII, every part already encoded.
   */
  String presign(SigningRequest request);
}
