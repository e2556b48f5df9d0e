package dev.presign.internal.connection;

import dev.presign.UploadUrlIssuer;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reaches an issuer's {@link StoreConnection} from presign's other packages without a public accessor
 * on the issuer, as the JDK's SharedSecrets do: the issuer registers the accessor from its static
 * initializer, which has run by the time any issuer exists. The package is not exported, so only
 * presign itself can call this.
 */
public final class Connections {
  private static volatile Function<UploadUrlIssuer, StoreConnection> access;

  private Connections() {}

  /**
   * Registers the accessor; called once, by {@link UploadUrlIssuer}'s static initializer.
   *
   * @param accessor answers an issuer's connection
   * @throws IllegalStateException when one is registered already
   */
  public static synchronized void register(Function<UploadUrlIssuer, StoreConnection> accessor) {
    Objects.requireNonNull(accessor, "accessor");
    if (access != null) {
      throw new IllegalStateException("the connection accessor is registered already");
    }
    access = accessor;
  }

  /**
   * The connection an issuer signs with.
   *
   * @param issuer the issuer
   * @return its connection
   */
  public static StoreConnection of(UploadUrlIssuer issuer) {
    Objects.requireNonNull(issuer, "issuer");
    // An issuer exists, so its class is initialized and the accessor registered.
    return access.apply(issuer);
  }
}
