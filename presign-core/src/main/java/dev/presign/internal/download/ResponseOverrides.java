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
 * applies. Every download pins the headers a browser acts on, whatever the uploader stored with the object
 * (S3 does not require Content-Disposition, Cache-Control or Content-Encoding to be signed on a PUT):
 *
 * <ul>
 *   <li>Content-Type: the request's, else the one the key's extension names (presign's keys keep only an
 *       extension that fits the declared type), else the file name's, else {@code application/octet-stream};
 *   <li>Content-Disposition: the request's, else {@code inline} for types safe to render and
 *       {@code attachment} for the rest, named after the request's file name or the key's last segment;
 *   <li>Cache-Control: the request's, else {@code private, max-age=} the URL's lifetime;
 *   <li>Content-Encoding: {@code identity}, so a stored {@code gzip} cannot change what the bytes mean.
 * </ul>
 *
 * <p>Active content (HTML, SVG, XML, JavaScript) goes out as an {@code application/octet-stream}
 * attachment unless the request allows it.
 */
public final class ResponseOverrides {
  private static final String NEUTRAL_TYPE = "application/octet-stream";

  private ResponseOverrides() {}

  /**
   * The query parameters for a download.
   *
   * @param request the download request
   * @param maxAgeSeconds how long the URL lives: the default Cache-Control max-age
   * @return the parameters to sign into the URL, in a stable order
   * @throws PolicyViolationException when the content type or cache control is malformed
   */
  public static Map<String, String> of(DownloadRequest request, long maxAgeSeconds) {
    MediaType type = null;
    if (request.contentType().isPresent()) {
      type = MediaType.parseOrNull(request.contentType().get());
      if (type == null) {
        throw new PolicyViolationException(Reason.CONTENT_TYPE_INVALID,
            "content type must be a concrete media type such as image/png: " + Redact.quote(request.contentType().get()));
      }
    }
    String fileName = request.fileName().orElse(null);
    if (type == null) {
      type = impliedType(request.key(), fileName);
    }
    Disposition disposition = request.disposition().orElse(null);
    String typeValue = type.headerValue();
    if (request.allowActiveContent()) {
      if (disposition == null) {
        disposition = Disposition.INLINE;
      }
    } else if (ActiveContent.isActive(type)) {
      disposition = Disposition.ATTACHMENT;
      typeValue = NEUTRAL_TYPE;
    } else if (!ActiveContent.isSafeInline(type)) {
      // Shown inline, the type decides what runs: only types safe to render are shown; anything else is saved.
      if (disposition == Disposition.INLINE) {
        typeValue = NEUTRAL_TYPE;
      }
      disposition = Disposition.ATTACHMENT;
    } else if (disposition == null) {
      disposition = Disposition.INLINE;
    }
    List<String> entries = new ArrayList<>(10);
    entries.add("response-content-disposition");
    entries.add(ContentDisposition.of(disposition == Disposition.ATTACHMENT,
        fileName == null ? lastSegment(request.key()) : fileName));
    entries.add("response-content-type");
    entries.add(typeValue);
    String cacheControl = request.cacheControl().orElse("private, max-age=" + maxAgeSeconds);
    if (cacheControl.isEmpty() || cacheControl.length() > 256 || !isPrintableAscii(cacheControl)) {
      throw new PolicyViolationException(Reason.HEADER_INVALID,
          "cache control must be 1 to 256 printable ASCII characters: " + Redact.quote(cacheControl));
    }
    entries.add("response-cache-control");
    entries.add(cacheControl);
    entries.add("response-content-encoding");
    entries.add("identity");
    if (request.versionId().isPresent()) {
      entries.add("versionId");
      entries.add(request.versionId().get());
    }
    return HeaderMap.ofEntries(entries.toArray(new String[0]));
  }

  // The key's extension first: presign's key strategies keep only one that fits the declared type.
  private static MediaType impliedType(String key, String fileName) {
    String implied = ExtensionTable.typeOf(SafeFileName.of(key).extension());
    if (implied == null && fileName != null) {
      implied = ExtensionTable.typeOf(SafeFileName.of(fileName).extension());
    }
    return MediaType.parseOrNull(implied == null ? NEUTRAL_TYPE : implied);
  }

  private static String lastSegment(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
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
