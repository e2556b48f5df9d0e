package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The signing date written without LocalDate is LocalDate's, digit for digit. */
class SigningKeyDateTest {

  @Test
  void yyyymmdd_everyDayFrom1900To2300_isLocalDatesDate() {
    for (long day = LocalDate.of(1900, 1, 1).toEpochDay();
        day <= LocalDate.of(2300, 12, 31).toEpochDay();
        day++) {
      assertThat(SigningKey.yyyymmdd(day)).isEqualTo(expected(day));
    }
  }

  @Test
  void yyyymmdd_randomDaysOfYears1To9999_isLocalDatesDate() {
    SplittableRandom random = new SplittableRandom(15);
    long first = LocalDate.of(1, 1, 1).toEpochDay();
    long last = LocalDate.of(9999, 12, 31).toEpochDay();
    for (int i = 0; i < 200_000; i++) {
      long day = random.nextLong(first, last + 1);
      assertThat(SigningKey.yyyymmdd(day)).isEqualTo(expected(day));
    }
  }

  private static String expected(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    // The signer's own spelling: the year as a plain number, month and day on two digits.
    return date.getYear()
        + String.format(
            java.util.Locale.ROOT, "%02d%02d", date.getMonthValue(), date.getDayOfMonth());
  }
}
