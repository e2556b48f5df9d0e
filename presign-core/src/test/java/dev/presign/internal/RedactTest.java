package dev.presign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      https://b.s3.amazonaws.com/k.png?X-Amz-Signature=abc    | https://b.s3.amazonaws.com/k.png?\u2026
      https://b.s3.amazonaws.com/                              | https://b.s3.amazonaws.com/
      http://127.0.0.1:9000/bucket/a%20b?partNumber=1&x=2      | http://127.0.0.1:9000/bucket/a%20b?\u2026
      https://user:pw@host.example:8443/k?X-Amz-Signature=abc  | https://host.example:8443/k?\u2026
      https://user:pw@host.example?sig                         | https://host.example?\u2026
      https://host.example/k#frag                              | https://host.example/k?\u2026
      https://host.example/a@b?sig                             | https://host.example/a@b?\u2026
      not a url?secret                                         | not a url?\u2026
      """)
  void url_ofText_dropsQueryFragmentAndUserInfo(String url, String expected) {
    assertThat(Redact.url(url))
        .isEqualTo(expected)
        .doesNotContain("pw", "abc", "secret", "sig=", "frag");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      https://b.s3.amazonaws.com/k.png?X-Amz-Signature=abc
      https://user:pw@host.example:8443/k?X-Amz-Signature=abc
      http://127.0.0.1:9000/bucket/a%20b?partNumber=1&x=2
      """)
  void url_ofText_agreesWithTheUriForm(String url) {
    assertThat(Redact.url(url)).isEqualTo(Redact.uri(URI.create(url)));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = "NULL")
  void url_ofNull_isNullText(String url) {
    assertThat(Redact.url(url)).isEqualTo("null");
  }
}
