package dev.presign.internal.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc2047Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "Résumé 2026.pdf",
        "履歴書",
        "emoji \uD83D\uDE00",
        "=?x?=",
        " lead",
        "a  b"
      })
  void decode_ofEncode_isTheText(String text) {
    assertThat(Rfc2047.decode(Rfc2047.encode(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "=?UTF-8?B?UsOpc3Vtw6k=?=|Résumé",
        "=?utf-8?q?R=C3=A9sum=C3=A9_x?=|Résumé x",
        "=?UTF-8?B?UsOp?= =?UTF-8?B?c3Vtw6k=?=|Résumé",
        "=?ISO-8859-1?Q?R=E9sum=E9?=|Résumé",
        "=?KOI8-R?B?xxx?=|=?KOI8-R?B?xxx?=",
        "=?UTF-8?B?***?=|=?UTF-8?B?***?=",
        "just text|just text"
      })
  void decode_whatAStoreReturns_isTheStoredText(String header, String text) {
    assertThat(Rfc2047.decode(header)).isEqualTo(text);
  }
}
