package dev.presign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NfcTest {

  @Test
  void normalize_decomposedAccent_isComposed() {
    assertThat(Nfc.normalize("Re\u0301sume\u0301.pdf")).isEqualTo("R\u00e9sum\u00e9.pdf");
  }

  @Test
  void normalize_decomposedAfterAscii_isComposed() {
    // The first non-ASCII character comes late: the ASCII prefix must not decide for the whole
    // name.
    assertThat(Nfc.normalize("report-final-version-2026.pdf\u0307"))
        .isEqualTo("report-final-version-2026.pd\u1e1f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cat.png", "", "a b\tc", "\u007f", "~/.."})
  void normalize_ascii_isUnchanged(String ascii) {
    assertThat(Nfc.normalize(ascii)).isEqualTo(ascii);
  }
}
