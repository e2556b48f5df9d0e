package dev.presign.internal.download;

import dev.presign.internal.policy.MediaType;
import java.util.Set;

/**
 * Media types a browser may run script from when it renders them inline from the bucket's origin:
 * HTML and XHTML, SVG, XML (which can pull in XSLT and script) and every {@code +xml} type, JavaScript,
 * and a few legacy ones. Served inline, an upload of one of these is stored XSS.
 */
public final class ActiveContent {
  private static final Set<String> ACTIVE = Set.of(
      "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml",
      "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
      "application/x-javascript", "text/jscript", "text/xsl", "application/x-shockwave-flash",
      "multipart/x-mixed-replace", "text/vnd.wap.wml", "application/vnd.wap.xhtml+xml", "text/cache-manifest");

  private ActiveContent() {}

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
