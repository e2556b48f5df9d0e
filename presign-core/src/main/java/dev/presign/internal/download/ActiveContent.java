package dev.presign.internal.download;

import dev.presign.internal.policy.MediaType;
import java.util.Set;

/**
 * Media types a browser may run script from when it renders them inline from the bucket's origin:
 * HTML and XHTML, SVG, XML (which can pull in XSLT and script) and every {@code +xml} type,
 * JavaScript, and a few legacy ones. Served inline, an upload of one of these is stored XSS.
 */
public final class ActiveContent {
  private static final Set<String> ACTIVE =
      Set.of(
          "text/html",
          "application/xhtml+xml",
          "image/svg+xml",
          "text/xml",
          "application/xml",
          "text/javascript",
          "application/javascript",
          "application/ecmascript",
          "text/ecmascript",
          "application/x-javascript",
          "text/jscript",
          "text/xsl",
          "application/x-shockwave-flash",
          "multipart/x-mixed-replace",
          "text/vnd.wap.wml",
          "application/vnd.wap.xhtml+xml",
          "text/cache-manifest");

  // What a browser may show inline from the bucket's origin: types it renders without running
  // script
  // and does not sniff into something else (S3 cannot send X-Content-Type-Options: nosniff).
  private static final Set<String> SAFE_INLINE =
      Set.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "image/avif",
          "image/bmp",
          "image/x-icon",
          "image/vnd.microsoft.icon",
          "application/pdf",
          "text/plain",
          "text/csv");

  private ActiveContent() {}

  /**
   * Whether a type may be shown inline: an image format, audio, video, PDF or plain text.
   * Everything else, including types browsers sniff (application/unknown and the like), goes out as
   * an attachment.
   *
   * @param type the media type
   * @return true when inline display is safe
   */
  public static boolean isSafeInline(MediaType type) {
    String essence = type.essence();
    return SAFE_INLINE.contains(essence)
        || essence.startsWith("video/")
        || essence.startsWith("audio/");
  }

  /**
   * Whether a type can carry script a browser would run.
   *
   * @param type the media type
   * @return true for active content
   */
  public static boolean isActive(MediaType type) {
    String essence = type.essence();
    return ACTIVE.contains(essence) || essence.endsWith("+xml");
  }
}
