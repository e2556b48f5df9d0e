package dev.presign.internal.download;

import dev.presign.DownloadRequest;
import dev.presign.DownloadRequest.Disposition;
import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import dev.presign.internal.keys.SafeFileName;
import dev.presign.internal.policy.ExtensionTable;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.signing.EncodedQuery;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link DownloadRequest} into the {@code response-*} and {@code versionId} query
 * parameters S3 applies. Every download pins the headers a browser acts on, whatever the uploader
 * stored with the object (S3 does not require Content-Disposition, Cache-Control or
 * Content-Encoding to be signed on a PUT):
 *
 * <ul>
 *   <li>Content-Type: the request's, else the one the key's extension names (presign's keys keep
 *       only an extension that fits the declared type), else the file name's, else {@code
 *       application/octet-stream};
 *   <li>Content-Disposition: the request's, else {@code inline} for types safe to render and {@code
 *       attachment} for the rest, named after the request's file name or the key's last segment;
 *   <li>Cache-Control: the request's, else {@code private, max-age=} the URL's lifetime;
 *   <li>Content-Encoding: {@code identity}, so a stored {@code gzip} cannot change what the bytes
 *       mean.
 * </ul>
 *
 * <p>Active content (HTML, SVG, XML, JavaScript) goes out as an {@code application/octet-stream}
 * attachment unless the request allows it.
 */
public final class ResponseOverrides {
  private static final String NEUTRAL_TYPE = "application/octet-stream";
  private static final String IDENTITY = "identity";

  /**
   * What a plain download pins for each extension {@link ExtensionTable} knows, decided once by
   * {@link #pin}: the same answer per URL, without parsing the type or looking it up in the content
   * sets again.
   */
  private static final Map<String, Pinned> PLAIN;

  private static final Pinned PLAIN_WITHOUT_KNOWN_EXTENSION;

  static {
    Map<String, Pinned> plain = new HashMap<>();
    for (String extension : ExtensionTable.extensions()) {
      plain.put(
          extension,
          pin(
              Objects.requireNonNull(MediaType.parseOrNull(ExtensionTable.typeOf(extension))),
              null,
              false));
    }
    PLAIN = Map.copyOf(plain);
    PLAIN_WITHOUT_KNOWN_EXTENSION =
        pin(Objects.requireNonNull(MediaType.parseOrNull(NEUTRAL_TYPE)), null, false);
  }

  private static volatile @Nullable CacheControl lastCacheControl;

  // The extension of the last plain download with a known one: the next key mostly has the same.
  private static volatile @Nullable KnownExtension lastExtension;

  /** A lower-case extension that {@link #PLAIN} knows, and what it pins. */
  private record KnownExtension(String extension, Pinned pinned) {}

  /**
   * A type and disposition, with what follows a plain disposition's file name in the canonical
   * query, encoded once: the closing quote, the content encoding and the type.
   */
  private record Pinned(String typeValue, boolean attachment, EncodedQuery.Encoded plainTail) {
    Pinned(String typeValue, boolean attachment) {
      this(
          typeValue,
          attachment,
          EncodedQuery.builder()
              .valuePart("\"")
              .parameter("response-content-encoding", IDENTITY)
              .parameter("response-content-type", typeValue)
              .build(false));
    }
  }

  /**
   * A default Cache-Control, with the canonical query up to a plain disposition's file name,
   * encoded once.
   */
  private record CacheControl(
      long maxAgeSeconds,
      String value,
      EncodedQuery.Encoded inlineHead,
      EncodedQuery.Encoded attachmentHead) {
    CacheControl(long maxAgeSeconds, String value) {
      this(
          maxAgeSeconds,
          value,
          head(value, ContentDisposition.INLINE_START),
          head(value, ContentDisposition.ATTACHMENT_START));
    }

    private static EncodedQuery.Encoded head(String cacheControl, String dispositionStart) {
      return EncodedQuery.builder()
          .parameter("response-cache-control", cacheControl)
          .name("response-content-disposition")
          .valuePart(dispositionStart)
          .build(true);
    }
  }

  private ResponseOverrides() {}

  /**
   * The query parameters for a download, encoded and sorted for the signer: what {@link #of} gives,
   * as {@link EncodedQuery}. A plain download (no type, name, disposition, cache control or version
   * asked for, and a key whose last segment is a plain name) is a head and a tail encoded once
   * around its file name, which is encoded while signing.
   *
   * @param request the download request
   * @param maxAgeSeconds how long the URL lives: the default Cache-Control max-age
   * @return the parameters to sign into the URL
   * @throws InvalidRequestException when the content type or cache control is malformed
   */
  public static EncodedQuery encoded(DownloadRequest request, long maxAgeSeconds) {
    if (request.contentType().isEmpty()
        && request.fileName().isEmpty()
        && request.disposition().isEmpty()
        && !request.allowActiveContent()
        && request.cacheControl().isEmpty()
        && request.versionId().isEmpty()) {
      EncodedQuery plain = plainQuery(request.key(), maxAgeSeconds);
      if (plain != null) {
        return plain;
      }
    }
    Map<String, String> parameters = of(request, maxAgeSeconds);
    // Sorted by name: the names are S3's own, unreserved, so their String order is their encoded
    // byte order.
    EncodedQuery.Builder sorted = EncodedQuery.builder();
    for (String name : new java.util.TreeSet<>(parameters.keySet())) {
      sorted.parameter(name, java.util.Objects.requireNonNull(parameters.get(name)));
    }
    return EncodedQuery.of(sorted.build(false));
  }

  /**
   * A plain download's query for an ASCII key whose last segment is a plain name, else null. One
   * pass from the key's end finds what {@link #lastSegment}, {@link ContentDisposition#isPlainName}
   * and {@link #keyExtension} would each find in a pass of their own, and gives what they give.
   */
  private static @Nullable EncodedQuery plainQuery(String key, long maxAgeSeconds) {
    int slash = -1;
    int dot = -1;
    boolean plainName = true;
    for (int i = key.length() - 1; i >= 0; i--) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (slash < 0) {
        if (c == '/') {
          slash = i;
        } else if (!ContentDisposition.isPlainNameChar(c)) {
          plainName = false;
        } else if (c == '.' && dot < 0) {
          dot = i;
        }
      }
    }
    int n = key.length() - slash - 1;
    if (!plainName
        || n == 0
        || n > ContentDisposition.MAX_NAME_BYTES
        || key.charAt(slash + 1) == ' '
        || key.charAt(key.length() - 1) == ' '
        || key.charAt(key.length() - 1) == '.') {
      return null;
    }
    Pinned pinned = dot < 0 ? PLAIN_WITHOUT_KNOWN_EXTENSION : plainPinned(key, dot + 1);
    CacheControl cacheControl = defaultCacheControl(maxAgeSeconds);
    // The file name is the key's last segment, which the signer has just encoded into the path.
    return EncodedQuery.ofLastSegment(
        pinned.attachment ? cacheControl.attachmentHead : cacheControl.inlineHead,
        key,
        pinned.plainTail);
  }

  /**
   * What a plain download pins for the ASCII extension that starts at {@code from} in {@code key}.
   * The last known extension is compared in place, ignoring case: an ASCII candidate matches a
   * lower-case alphanumeric extension exactly when it is alphanumeric and folds to it, so no
   * substring is cut and no map looked up for the next key of the same kind.
   */
  private static Pinned plainPinned(String key, int from) {
    int n = key.length() - from;
    KnownExtension last = lastExtension;
    if (last != null
        && last.extension.length() == n
        && key.regionMatches(true, from, last.extension, 0, n)) {
      return last.pinned;
    }
    String candidate = key.substring(from);
    Pinned pinned =
        SafeFileName.isAsciiAlphanumeric(candidate)
            ? PLAIN.get(candidate.toLowerCase(Locale.ROOT))
            : null;
    if (pinned == null) {
      return PLAIN_WITHOUT_KNOWN_EXTENSION;
    }
    lastExtension = new KnownExtension(candidate.toLowerCase(Locale.ROOT), pinned);
    return pinned;
  }

  /**
   * The query parameters for a download.
   *
   * @param request the download request
   * @param maxAgeSeconds how long the URL lives: the default Cache-Control max-age
   * @return the parameters to sign into the URL, in a stable order
   * @throws InvalidRequestException when the content type or cache control is malformed
   */
  public static Map<String, String> of(DownloadRequest request, long maxAgeSeconds) {
    Pinned pinned;
    String fileName = request.fileName().orElse(null);
    if (request.contentType().isEmpty()
        && fileName == null
        && request.disposition().isEmpty()
        && !request.allowActiveContent()) {
      // What every plain download asks: the type and disposition follow from the key's extension
      // alone.
      pinned = PLAIN.getOrDefault(keyExtension(request.key()), PLAIN_WITHOUT_KNOWN_EXTENSION);
    } else {
      MediaType type = null;
      if (request.contentType().isPresent()) {
        type = MediaType.parseOrNull(request.contentType().get());
        if (type == null) {
          throw new InvalidRequestException(
              Reason.CONTENT_TYPE_INVALID,
              "content type must be a concrete media type such as image/png: "
                  + Redact.quote(request.contentType().get()));
        }
      }
      if (type == null) {
        type = impliedType(request.key(), fileName);
      }
      pinned = pin(type, request.disposition().orElse(null), request.allowActiveContent());
    }
    String disposition =
        ContentDisposition.of(
            pinned.attachment, fileName == null ? lastSegment(request.key()) : fileName);
    String cacheControl;
    if (request.cacheControl().isPresent()) {
      cacheControl = request.cacheControl().get();
      if (cacheControl.isEmpty()
          || cacheControl.length() > 256
          || !isPrintableAscii(cacheControl)) {
        throw new InvalidRequestException(
            Reason.HEADER_INVALID,
            "cache control must be 1 to 256 printable ASCII characters: "
                + Redact.quote(cacheControl));
      }
    } else {
      cacheControl = defaultCacheControl(maxAgeSeconds).value;
    }
    if (request.versionId().isPresent()) {
      return HeaderMap.ofEntries(
          "response-content-disposition",
          disposition,
          "response-content-type",
          pinned.typeValue,
          "response-cache-control",
          cacheControl,
          "response-content-encoding",
          IDENTITY,
          "versionId",
          request.versionId().get());
    }
    return HeaderMap.ofEntries(
        "response-content-disposition",
        disposition,
        "response-content-type",
        pinned.typeValue,
        "response-cache-control",
        cacheControl,
        "response-content-encoding",
        IDENTITY);
  }

  /**
   * The Content-Type to send and whether to save rather than show, by the rules in the class
   * comment.
   */
  private static Pinned pin(
      MediaType type, @Nullable Disposition asked, boolean allowActiveContent) {
    Disposition disposition = asked;
    String typeValue = type.headerValue();
    if (allowActiveContent) {
      if (disposition == null) {
        disposition = Disposition.INLINE;
      }
    } else if (ActiveContent.isActive(type)) {
      disposition = Disposition.ATTACHMENT;
      typeValue = NEUTRAL_TYPE;
    } else if (!ActiveContent.isSafeInline(type)) {
      // Shown inline, the type decides what runs: only types safe to render are shown; anything
      // else is saved.
      if (disposition == Disposition.INLINE) {
        typeValue = NEUTRAL_TYPE;
      }
      disposition = Disposition.ATTACHMENT;
    } else if (disposition == null) {
      disposition = Disposition.INLINE;
    }
    return new Pinned(typeValue, disposition == Disposition.ATTACHMENT);
  }

  /**
   * The lower-case extension of the key's last segment, as {@link SafeFileName} reads it, or empty.
   * For an ASCII key (the usual case, and what presign's key strategies make) found in place,
   * without building the sanitized name; other keys go through SafeFileName itself, whose
   * normalization can change them.
   */
  static String keyExtension(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) >= 0x80) {
        return SafeFileName.of(key).extension();
      }
    }
    int dot = key.lastIndexOf('.');
    if (dot < Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\')) + 1) {
      return "";
    }
    String candidate = key.substring(dot + 1);
    return SafeFileName.isAsciiAlphanumeric(candidate) ? candidate.toLowerCase(Locale.ROOT) : "";
  }

  private static CacheControl defaultCacheControl(long maxAgeSeconds) {
    // An issuer's downloads mostly live for its policy's TTL: the value is kept for the next URL.
    CacheControl last = lastCacheControl;
    if (last == null || last.maxAgeSeconds != maxAgeSeconds) {
      last = new CacheControl(maxAgeSeconds, "private, max-age=" + maxAgeSeconds);
      lastCacheControl = last;
    }
    return last;
  }

  // The key's extension first: presign's key strategies keep only one that fits the declared type.
  private static MediaType impliedType(String key, @Nullable String fileName) {
    String implied = ExtensionTable.typeOf(keyExtension(key));
    if (implied == null && fileName != null) {
      implied = ExtensionTable.typeOf(SafeFileName.of(fileName).extension());
    }
    return Objects.requireNonNull(MediaType.parseOrNull(implied == null ? NEUTRAL_TYPE : implied));
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
