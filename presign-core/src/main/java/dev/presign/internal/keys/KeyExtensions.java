package dev.presign.internal.keys;

import dev.presign.UploadRequest;
import dev.presign.internal.policy.ExtensionTable;
import dev.presign.internal.policy.MediaType;

/**
 * Picks the extension a key carries. The client's file name may not choose it: a file declared
 * {@code image/png} but named {@code evil.html} must not land as {@code .html}, and one declared as
 * an unknown {@code image/x-foo} must not land as {@code .xhtml} or {@code .php}, since CDNs,
 * static file servers and sync tools serve by extension.
 *
 * <ul>
 *   <li>the name's extension, when the declared type is known to fit it ({@code .jpeg} for {@code
 *       image/jpeg});
 *   <li>otherwise the type's own extension, when the library knows the type ({@code .png});
 *   <li>otherwise none: a type the library does not know, or a wildcard, vouches for no extension.
 * </ul>
 */
final class KeyExtensions {
  private KeyExtensions() {}

  static SafeFileName safeName(UploadRequest request) {
    SafeFileName name = SafeFileName.of(request.fileName());
    MediaType type = MediaType.parseOrNull(request.contentType());
    if (type == null) {
      return name.withExtension("");
    }
    String extension = name.extension();
    if (!extension.isEmpty() && ExtensionTable.fits(extension, type)) {
      return name;
    }
    return name.withExtension(ExtensionTable.preferred(type));
  }
}
