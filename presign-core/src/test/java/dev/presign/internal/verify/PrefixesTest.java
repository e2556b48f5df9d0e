package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.KeyStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixesTest {
  @Test
  void requireQuarantine_empty_isRefused() {
    assertThatThrownBy(() -> Prefixes.requireQuarantine(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix must not be empty");
  }

  @ParameterizedTest
  @CsvSource({"staging/, staging/files/", "files/staging/, files/", "staging/, staging/"})
  void requirePromotion_oneInsideTheOther_isRefused(String staging, String permanent) {
    assertThatThrownBy(() -> Prefixes.requirePromotion(staging, permanent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("permanentPrefix must be neither inside nor around stagingPrefix");
  }

  @Test
  void requirePromotion_noSlash_namesThePrefix() {
    assertThatThrownBy(() -> Prefixes.requirePromotion("staging", "files/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stagingPrefix must be a non-empty key prefix ending in '/'");
  }

  @Test
  void requireReserved_strategyThatCanReachThePrefix_isRefused() {
    assertThatThrownBy(
            () ->
                Prefixes.requireReserved(
                    KeyStrategy.perPrincipal(""), "quarantine prefix", "quarantine/"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quarantine prefix must not hold keys the issuer's");
    assertThatCode(
            () ->
                Prefixes.requireReserved(
                    KeyStrategy.uuid("uploads/"), "quarantine prefix", "quarantine/"))
        .doesNotThrowAnyException();
  }
}
