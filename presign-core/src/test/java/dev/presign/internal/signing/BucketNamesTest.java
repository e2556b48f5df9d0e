package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketNamesTest {

  @ParameterizedTest
  @CsvSource({
    "abc, false, true",
    "ab, false, false",
    "a-b.c-d, false, true",
    "0bucket9, false, true",
    "Abc, false, false",
    "abC, false, false",
    "a_b, false, false",
    "a_b, true, true",
    "AbC, true, true",
    "-ab, true, false",
    "ab-, true, false",
    "_ab, true, false",
    "a..b, true, false",
    "a.-b, false, false",
    "a-.b, false, false",
    "a.-b, true, true",
    "1.2.3.4, false, false",
    "1.2.3.4, true, true",
    "1.2.3, false, true",
    "xn--ab, false, false",
    "sthree-a, false, false",
    "a-s3alias, false, false",
    "a--ol-s3, false, false",
    "a/b, true, false",
    "a b, true, false",
  })
  void violation_namingRules(String bucket, boolean pathStyle, boolean valid) {
    assertThat(BucketNames.violation(bucket, pathStyle) == null).as(bucket).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"63, false, true", "64, false, false", "255, true, true", "256, true, false"})
  void violation_lengthLimits(int length, boolean pathStyle, boolean valid) {
    assertThat(BucketNames.violation("a".repeat(length), pathStyle) == null).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "1.2.3.4, true",
    "255.255.255.255, true",
    "1.2.3, false",
    "1.2.3.4.5, false",
    "1234.1.1.1, false",
    "a.b.c.d, false",
    ".1.2.3, false",
    "1..2.3, false",
    "1.2.3., false"
  })
  void isIpv4(String host, boolean ip) {
    assertThat(BucketNames.isIpv4(host)).isEqualTo(ip);
  }
}
