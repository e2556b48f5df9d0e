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
 * #get()} first asks for it (not with every issuer: one that only signs URLs never needs it); this
 * package is not exported, so no other named module can call it (on the class path any code can, as
 * with any public class of a jar).
 */
public abstract class IssuerAccess {
  private static final String IMPLEMENTATION = "dev.presign.IssuerAccessImpl";
  private static volatile @Nullable IssuerAccess registered;

  /** For the one implementation, in {@code dev.presign}. */
  protected IssuerAccess() {}

  /**
   * Registers the implementation; once only, so nothing can replace it afterwards, and only
   * presign's own, so that no other class on the class path can take its place before it is first
   * asked for.
   *
   * @param access the implementation
   * @throws IllegalArgumentException if {@code access} is not presign's implementation
   * @throws IllegalStateException on a second call
   */
  public static synchronized void register(IssuerAccess access) {
    Objects.requireNonNull(access, "access");
    Class<?> type = access.getClass();
    if (!type.getName().equals(IMPLEMENTATION)
        || type.getClassLoader() != IssuerAccess.class.getClassLoader()) {
      throw new IllegalArgumentException(
          "IssuerAccess is implemented by " + IMPLEMENTATION + " only: " + type.getName());
    }
    Require.state(
        registered == null,
        "IssuerAccess is registered once, by UploadUrlIssuer's package",
        "a second time");
    registered = access;
  }

  /** {@return the registered implementation} */
  public static IssuerAccess get() {
    IssuerAccess access = registered;
    if (access == null) {
      // Initializing the implementation registers it: by name, so that dev.presign's classes do
      // not load it (and this class) with every issuer.
      try {
        Class.forName(IMPLEMENTATION, true, IssuerAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "IssuerAccess implementation missing: " + IMPLEMENTATION, e);
      }
      access = registered;
      if (access == null) {
        throw new IllegalStateException(
            "IssuerAccess is registered when " + IMPLEMENTATION + " is initialized: none");
      }
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
