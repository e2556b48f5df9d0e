package dev.presign.internal.keys;

import dev.presign.UploadRequest;
import dev.presign.internal.policy.ExtensionTable;
import dev.presign.internal.policy.MediaType;

/**
 * Picks the extension a key carries. The client's file name may not choose it freely: a file declared
 * {@code image/png} but named {@code evil.html} must not land as {@code .html}, since CDNs, static file
 * servers and sync tools serve by extension.
 *
 * <ul>
 *   <li>the name's extension, when it fits the declared type ({@code .jpeg} for {@code image/jpeg});
 *   <li>otherwise the type's own extension, when the library knows the type ({@code .png});
 *   <li>otherwise the name's extension, if no known type claims it (a custom {@code .xyz});
 *   <li>otherwise none.
 * </ul>
 */
final class KeyExtensions {
  private KeyExtensions() {}

  static SafeFileName safeName(UploadRequest request) {
    SafeFileName name = SafeFileName.of(request.fileName());
    MediaType type = MediaType.parseOrNull(request.contentType());
    String extension = name.extension();
    if (type == null) {
      // A POST may name a range such as image/*: keep an extension that fits some type in it.
      String contentType = request.contentType();
      int wildcard = contentType.indexOf("/*");
      if (wildcard > 0 && ExtensionTable.fitsFamily(extension, contentType.substring(0, wildcard).trim().toLowerCase(java.util.Locale.ROOT))) {
        return name;
      }
      return ExtensionTable.isKnown(extension) ? name.withExtension("") : name;
    }
    if (!extension.isEmpty() && ExtensionTable.fits(extension, type)) {
      return name;
    }
    String preferred = ExtensionTable.preferred(type);
    if (!preferred.isEmpty()) {
      return name.withExtension(preferred);
    }
    return ExtensionTable.isKnown(extension) ? name.withExtension("") : name;
  }
}
