package dev.presign.internal;

import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.util.Objects;

/**
 * What presign's other packages ({@code dev.presign.setup}) may do with an issuer beyond its public API,
 * without that being public: sign outside the policy, read the policy's attribute headers, check a
 * reserved prefix. {@code dev.presign} registers the one implementation when {@link UploadUrlIssuer} is
 * initialized, so it is there whenever an issuer exists; this package is not exported, so no other
 * module can call it.
 */
public abstract class IssuerAccess {
  private static volatile IssuerAccess registered;

  /** For the one implementation, in {@code dev.presign}. */
  protected IssuerAccess() {}

  /**
   * Registers the implementation; once only, so nothing can replace it afterwards.
   *
   * @param access the implementation
   * @throws IllegalStateException on a second call
   */
  public static synchronized void register(IssuerAccess access) {
    Objects.requireNonNull(access, "access");
    Require.state(registered == null, "IssuerAccess is registered once, by UploadUrlIssuer", registered);
    registered = access;
  }

  /** {@return the registered implementation} */
  public static IssuerAccess get() {
    IssuerAccess access = registered;
    // Callers hold an issuer, so UploadUrlIssuer's static initializer has run and registered it.
    Require.state(access != null, "IssuerAccess is registered when UploadUrlIssuer is initialized", "none");
    return access;
  }

  /**
   * Signs any method for any safe key with these headers, outside the policy, for five minutes (cut to
   * the credentials' life).
   *
   * @param issuer the issuer whose bucket, credentials and clock sign
   * @param method the HTTP method
   * @param key the object key
   * @param headers the headers to sign
   * @return the signed URL
   */
  public abstract String signRaw(UploadUrlIssuer issuer, String method, String key, HeaderMap headers);

  /**
   * The attribute headers the issuer's policy puts on a request (names and values alternating; do not
   * modify), or null when there are none.
   *
   * @param issuer the issuer
   * @param request the request
   * @return the headers, or null
   */
  public abstract String[] attributeEntries(UploadUrlIssuer issuer, UploadRequest request);

  /**
   * Throws {@link IllegalStateException} when the issuer's key strategy can produce keys under a prefix
   * presign writes its own objects to.
   *
   * @param issuer the issuer
   * @param what the prefix's role, for the message
   * @param prefix the prefix
   */
  public abstract void requireReserved(UploadUrlIssuer issuer, String what, String prefix);
}
