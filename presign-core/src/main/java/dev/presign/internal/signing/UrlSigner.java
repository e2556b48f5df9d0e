package dev.presign.internal.signing;

import java.net.URI;

/**
 * The one seam through which every URL is signed: a request in, a SigV4 query-string-signed URI out.
 * Implementations are stateless or thread-safe, and never log or keep what they sign.
 */
@FunctionalInterface
public interface UrlSigner {
  /** Signs {@code request} and returns the full pre-signed URI. */
  URI presign(SigningRequest request);
}
