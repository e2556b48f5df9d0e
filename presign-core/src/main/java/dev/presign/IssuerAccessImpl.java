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

  static {
    // Registered when IssuerAccess.get() first initializes this class, not with UploadUrlIssuer:
    // an issuer that only signs URLs does not load these two classes on its way to the first one.
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
