package dev.presign.internal;

import java.text.Normalizer;

/** Unicode NFC, the form names are compared and stored in. */
public final class Nfc {
  private Nfc() {}

  /**
   * {@code text} in NFC.
   *
   * <p>ASCII is always NFC, and most file names are ASCII: returning it as it is skips the
   * normalizer's work and, on a cold JVM, the loading of its Unicode tables before the first URL.
   *
   * @param text any text
   * @return the same text in NFC
   */
  public static String normalize(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
      }
    }
    return text;
  }
}
