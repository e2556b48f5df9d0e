package dev.presign.internal.verify;

import dev.presign.internal.policy.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the first bytes of an object look like its declared type: magic numbers for PNG,
 * JPEG, GIF, WebP, PDF, MP4/QuickTime, WebM/Matroska and ZIP (and the Office formats built on it);
 * text types must be valid UTF-8 without NUL. Other types are not judged.
 */
public final class MagicNumbers {
  /** How many leading bytes the check reads. */
  public static final int PREFIX_BYTES = 512;

  /** The verdict on an object's first bytes. */
  public enum Verdict {
    /** The bytes fit the declared type. */
    MATCHES,
    /** The bytes do not fit the declared type. */
    MISMATCH,
    /** The type is not one this check knows. */
    UNKNOWN_TYPE
  }

  private MagicNumbers() {}

  /**
   * Judges an object's first bytes against its declared type.
   *
   * @param type the declared type
   * @param head up to {@link #PREFIX_BYTES} leading bytes; fewer when the object is smaller
   * @param truncated whether the object goes on past {@code head}, so a UTF-8 sequence may be cut
   * @return the verdict
   */
  public static Verdict check(MediaType type, byte[] head, boolean truncated) {
    switch (type.essence()) {
      case "image/png":
        return startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
      case "image/jpeg":
        return startsWith(head, 0, 0xFF, 0xD8, 0xFF);
      case "image/gif":
        return verdict(
            isAt(head, 0, 'G', 'I', 'F', '8', '7', 'a')
                || isAt(head, 0, 'G', 'I', 'F', '8', '9', 'a'));
      case "image/webp":
        return verdict(isAt(head, 0, 'R', 'I', 'F', 'F') && isAt(head, 8, 'W', 'E', 'B', 'P'));
      case "application/pdf":
        return startsWith(head, 0, '%', 'P', 'D', 'F', '-');
      case "video/mp4":
      case "video/quicktime":
      case "audio/mp4":
        // ISO base media: a box size, then "ftyp"; QuickTime files may start with other atoms.
        return verdict(
            isAt(head, 4, 'f', 't', 'y', 'p')
                || isAt(head, 4, 'm', 'o', 'o', 'v')
                || isAt(head, 4, 'w', 'i', 'd', 'e')
                || isAt(head, 4, 'm', 'd', 'a', 't')
                || isAt(head, 4, 'f', 'r', 'e', 'e')
                || isAt(head, 4, 's', 'k', 'i', 'p')
                || isAt(head, 4, 'p', 'n', 'o', 't'));
      case "video/webm":
      case "audio/webm":
      case "video/x-matroska":
        return startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3);
      case "application/zip":
      case "application/epub+zip":
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
      case "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        return verdict(isAt(head, 0, 'P', 'K', 3, 4) || isAt(head, 0, 'P', 'K', 5, 6));
      default:
        if (!type.essence().startsWith("text/")) {
          return Verdict.UNKNOWN_TYPE;
        }
        // Only UTF-8 is judged: a declared iso-8859-1 or UTF-16 text is not this check's business.
        String charset = charset(type);
        return charset == null || charset.equals("utf-8") || charset.equals("us-ascii")
            ? verdict(isUtf8WithoutNul(head, truncated))
            : Verdict.UNKNOWN_TYPE;
    }
  }

  private static @Nullable String charset(MediaType type) {
    String value = type.headerValue().toLowerCase(java.util.Locale.ROOT);
    int at = value.indexOf("charset=");
    if (at < 0) {
      return null;
    }
    int end = value.indexOf(';', at);
    return value.substring(at + 8, end < 0 ? value.length() : end).replace("\"", "").trim();
  }

  private static Verdict startsWith(byte[] head, int offset, int... expected) {
    return verdict(isAt(head, offset, expected));
  }

  private static Verdict verdict(boolean matches) {
    return matches ? Verdict.MATCHES : Verdict.MISMATCH;
  }

  private static boolean isAt(byte[] head, int offset, int... expected) {
    if (head.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((head[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8WithoutNul(byte[] head, boolean truncated) {
    int end = head.length;
    if (truncated) {
      // Drop a multi-byte sequence the range cut in half: at most 3 continuation bytes back.
      int i = end - 1;
      int back = 0;
      while (i >= 0 && back < 3 && (head[i] & 0xC0) == 0x80) {
        i--;
        back++;
      }
      if (i >= 0 && (head[i] & 0xC0) == 0xC0) {
        end = i;
      }
    }
    for (int i = 0; i < end; i++) {
      if (head[i] == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
