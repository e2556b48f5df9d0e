package dev.presign.internal.download;

import dev.presign.DownloadRequest;
import dev.presign.DownloadRequest.Disposition;
import dev.presign.PolicyViolationException;
import dev.presign.PolicyViolationException.Reason;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import dev.presign.internal.keys.SafeFileName;
import dev.presign.internal.policy.ExtensionTable;
import dev.presign.internal.policy.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link DownloadRequest} into the {@code response-*} and {@code versionId} query parameters S3
 * applies, enforcing that active content is not served inline unless the caller allowed it.
 */
public final class ResponseOverrides {
  private static final String NEUTRAL_TYPE = "application/octet-stream";

  private ResponseOverrides() {}

  /**
   * The query parameters for a download.
   *
   * @param request the download request
   * @return the parameters to sign into the URL, in a stable order
   * @throws PolicyViolationException when the content type or cache control is malformed
   */
  public static Map<String, String> of(DownloadRequest request) {
    MediaType type = null;
    if (request.contentType().isPresent()) {
      type = MediaType.parseOrNull(request.contentType().get());
      if (type == null) {
        throw new PolicyViolationException(Reason.CONTENT_TYPE_INVALID,
            "content type must be a concrete media type such as image/png: " + Redact.quote(request.contentType().get()));
      }
    }
    Disposition disposition = request.disposition().orElse(null);
    String fileName = request.fileName().orElse(null);
    String typeValue = type == null ? null : type.headerValue();
    if (!request.allowActiveContent()) {
      if (type != null && ActiveContent.isActive(type)) {
        disposition = Disposition.ATTACHMENT;
        typeValue = NEUTRAL_TYPE;
      } else if (disposition == Disposition.INLINE) {
        // Shown inline, the type decides what runs: only types safe to render pass; without an explicit
        // type, pin the one the name implies. Anything else is saved, never shown.
        MediaType shown = type;
        if (shown == null) {
          String implied = ExtensionTable.typeOf(SafeFileName.of(fileName).extension());
          shown = implied == null ? null : MediaType.parseOrNull(implied);
        }
        if (shown == null || !ActiveContent.isSafeInline(shown)) {
          disposition = Disposition.ATTACHMENT;
          typeValue = NEUTRAL_TYPE;
        } else {
          typeValue = shown.headerValue();
        }
      }
    }
    List<String> entries = new ArrayList<>(8);
    if (disposition != null) {
      entries.add("response-content-disposition");
      entries.add(ContentDisposition.of(disposition == Disposition.ATTACHMENT, fileName == null ? "download" : fileName));
    }
    if (typeValue != null) {
      entries.add("response-content-type");
      entries.add(typeValue);
    }
    if (request.cacheControl().isPresent()) {
      String cacheControl = request.cacheControl().get();
      if (cacheControl.isEmpty() || cacheControl.length() > 256 || !isPrintableAscii(cacheControl)) {
        throw new PolicyViolationException(Reason.HEADER_INVALID,
            "cache control must be 1 to 256 printable ASCII characters: " + Redact.quote(cacheControl));
      }
      entries.add("response-cache-control");
      entries.add(cacheControl);
    }
    if (request.versionId().isPresent()) {
      entries.add("versionId");
      entries.add(request.versionId().get());
    }
    return HeaderMap.ofEntries(entries.toArray(new String[0]));
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
