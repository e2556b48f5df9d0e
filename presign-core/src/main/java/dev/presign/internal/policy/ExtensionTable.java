package dev.presign.internal.policy;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which file extensions fit which media type. A type that is not listed fits no extension: the
 * check fails closed, because a type we cannot vouch for is exactly where a disguised file hides.
 */
public final class ExtensionTable {
  private static final Map<String, Set<String>> EXTENSIONS =
      Map.ofEntries(
          Map.entry("image/png", Set.of("png")),
          Map.entry("image/jpeg", Set.of("jpg", "jpeg", "jpe", "jfif")),
          Map.entry("image/gif", Set.of("gif")),
          Map.entry("image/webp", Set.of("webp")),
          Map.entry("image/avif", Set.of("avif")),
          Map.entry("image/heic", Set.of("heic")),
          Map.entry("image/heif", Set.of("heif")),
          Map.entry("image/tiff", Set.of("tif", "tiff")),
          Map.entry("image/bmp", Set.of("bmp")),
          Map.entry("image/svg+xml", Set.of("svg")),
          Map.entry("image/x-icon", Set.of("ico")),
          Map.entry("image/vnd.microsoft.icon", Set.of("ico")),
          Map.entry("video/mp4", Set.of("mp4", "m4v")),
          Map.entry("video/quicktime", Set.of("mov", "qt")),
          Map.entry("video/webm", Set.of("webm")),
          Map.entry("video/x-matroska", Set.of("mkv")),
          Map.entry("video/mpeg", Set.of("mpeg", "mpg")),
          Map.entry("video/x-msvideo", Set.of("avi")),
          Map.entry("video/3gpp", Set.of("3gp")),
          Map.entry("video/ogg", Set.of("ogv")),
          Map.entry("audio/mpeg", Set.of("mp3")),
          Map.entry("audio/mp4", Set.of("m4a", "mp4")),
          Map.entry("audio/aac", Set.of("aac")),
          Map.entry("audio/wav", Set.of("wav")),
          Map.entry("audio/x-wav", Set.of("wav")),
          Map.entry("audio/ogg", Set.of("ogg", "oga", "opus")),
          Map.entry("audio/webm", Set.of("weba", "webm")),
          Map.entry("audio/flac", Set.of("flac")),
          Map.entry("application/pdf", Set.of("pdf")),
          Map.entry("application/zip", Set.of("zip")),
          Map.entry("application/gzip", Set.of("gz", "tgz")),
          Map.entry("application/x-tar", Set.of("tar")),
          Map.entry("application/json", Set.of("json")),
          Map.entry("application/xml", Set.of("xml")),
          Map.entry("application/msword", Set.of("doc")),
          Map.entry("application/vnd.ms-excel", Set.of("xls")),
          Map.entry("application/vnd.ms-powerpoint", Set.of("ppt")),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              Set.of("docx")),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              Set.of("pptx")),
          Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
          Map.entry("application/epub+zip", Set.of("epub")),
          Map.entry("text/plain", Set.of("txt", "text", "log")),
          Map.entry("text/csv", Set.of("csv")),
          Map.entry("text/markdown", Set.of("md", "markdown")),
          Map.entry("text/html", Set.of("html", "htm")),
          Map.entry("text/xml", Set.of("xml")));

  // The first extension listed for a type, used when a file name's own extension does not fit.
  private static final Map<String, String> PREFERRED =
      Map.ofEntries(
          Map.entry("image/jpeg", "jpg"),
          Map.entry("image/tiff", "tif"),
          Map.entry("video/mp4", "mp4"),
          Map.entry("video/quicktime", "mov"),
          Map.entry("video/mpeg", "mpg"),
          Map.entry("audio/mp4", "m4a"),
          Map.entry("audio/ogg", "ogg"),
          Map.entry("audio/webm", "weba"),
          Map.entry("application/gzip", "gz"),
          Map.entry("text/plain", "txt"),
          Map.entry("text/markdown", "md"),
          Map.entry("text/html", "html"));

  // Extension to type: the alphabetically first type that claims it, but for the few where that
  // reads wrong (an .mp4 is a video before it is audio).
  private static final Map<String, String> TYPE_OF;

  static {
    java.util.TreeMap<String, String> typeOf = new java.util.TreeMap<>();
    for (Map.Entry<String, Set<String>> entry : new java.util.TreeMap<>(EXTENSIONS).entrySet()) {
      for (String extension : entry.getValue()) {
        typeOf.putIfAbsent(extension, entry.getKey());
      }
    }
    typeOf.put("mp4", "video/mp4");
    typeOf.put("webm", "video/webm");
    typeOf.put("ico", "image/x-icon");
    typeOf.put("wav", "audio/wav");
    TYPE_OF = Map.copyOf(typeOf);
  }

  /**
   * The media type a file extension implies, e.g. {@code image/png} for {@code png}.
   *
   * @param extension a lower-case extension without the dot
   * @return the type, or null when the table does not know the extension
   */
  public static @Nullable String typeOf(String extension) {
    return TYPE_OF.get(extension);
  }

  /** {@return every extension {@link #typeOf} knows} */
  public static java.util.Set<String> extensions() {
    return TYPE_OF.keySet();
  }

  private ExtensionTable() {}

  /**
   * The extension an object of this type should carry, or empty when the table does not know the
   * type. Types with one extension use it; the others use their most common one ({@code jpg},
   * {@code mov}).
   */
  public static String preferred(MediaType type) {
    String essence = type.essence();
    String preferred = PREFERRED.get(essence);
    if (preferred != null) {
      return preferred;
    }
    Set<String> known = EXTENSIONS.get(essence);
    return known == null || known.size() != 1 ? "" : known.iterator().next();
  }

  /**
   * Whether a lower-case extension fits the type's essence, e.g. {@code jpg} and {@code
   * image/jpeg}.
   */
  public static boolean fits(String extension, MediaType type) {
    Set<String> known = EXTENSIONS.get(type.essence());
    return known != null && known.contains(extension);
  }
}
