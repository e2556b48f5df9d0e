package dev.presign.internal;

import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.internal.connection.StoreConnection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What presign's other packages ({@code dev.presign.setup}) may do with an issuer beyond its public
 * API, without that being public: reach its connection (to sign outside the policy) and read the
 * policy's attribute headers. {@code dev.presign} registers the one implementation when {@link
 * UploadUrlIssuer} is initialized, so it is there whenever an issuer exists; this package is not
 * exported, so no other named module can call it (on the class path any code can, as with any
 * public class of a jar).
 */
public abstract class IssuerAccess {
  private static volatile @Nullable IssuerAccess registered;

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
    Require.state(
        registered == null, "IssuerAccess is registered once, by UploadUrlIssuer", "a second time");
    registered = access;
  }

  /** {@return the registered implementation} */
  public static IssuerAccess get() {
    IssuerAccess access = registered;
    if (access == null) {
      // Callers hold an issuer, so UploadUrlIssuer's static initializer has run and registered it.
      throw new IllegalStateException(
          "IssuerAccess is registered when UploadUrlIssuer is initialized: none");
    }
    return access;
  }

  /**
   * The connection the issuer signs with and makes S3 clients from (bucket, region, credentials,
   * clock, signer), e.g. to sign outside the policy with {@link StoreConnection#signRaw}.
   *
   * @param issuer the issuer
   * @return its connection
   */
  public abstract StoreConnection connection(UploadUrlIssuer issuer);

  /**
   * The attribute headers the issuer's policy puts on a request (names and values alternating; do
   * not modify), or null when there are none.
   *
   * @param issuer the issuer
   * @param request the request
   * @return the headers, or null
   */
  public abstract String @Nullable [] attributeEntries(
      UploadUrlIssuer issuer, UploadRequest request);
}
