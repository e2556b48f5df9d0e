package dev.presign.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads headers back the way a browser does. */
public final class BrowserHeaders {
  private BrowserHeaders() {}

  /** What a browser does: filename* when present (RFC 6266 section 4.3), else the quoted filename. */
  public static String fileName(String header) {
    Matcher extended = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(header);
    if (extended.find()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      String encoded = extended.group(1);
      for (int i = 0; i < encoded.length(); i++) {
        char c = encoded.charAt(i);
        if (c == '%') {
          bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.write(c);
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
    Matcher quoted = Pattern.compile("filename=\"([^\"]*)\"").matcher(header);
    return quoted.find() ? quoted.group(1) : null;
  }
}
