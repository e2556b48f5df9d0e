package dev.presign;

import dev.presign.internal.IssuerAccess;
import dev.presign.internal.connection.StoreConnection;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's package-private operations, for {@code dev.presign.setup} through {@link
 * IssuerAccess}.
 */
final class IssuerAccessImpl extends IssuerAccess {
  private IssuerAccessImpl() {}

  /** Registers the one instance; called from {@link UploadUrlIssuer}'s static initializer. */
  static void install() {
    IssuerAccess.register(new IssuerAccessImpl());
  }

  @Override
  public StoreConnection connection(UploadUrlIssuer issuer) {
    return issuer.connection();
  }

  @Override
  public String @Nullable [] attributeEntries(UploadUrlIssuer issuer, UploadRequest request) {
    return issuer.policy().attributeEntries(request);
  }
}
