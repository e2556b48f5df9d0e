package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.DownloadRequest.Disposition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DownloadRequest as a value: the factory, copies with one more property, equality and a log-safe
 * toString.
 */
class DownloadRequestTest {

  @Test
  void of_setsOnlyTheKey() {
    DownloadRequest request = DownloadRequest.of("files/a.pdf");

    assertThat(request.key()).isEqualTo("files/a.pdf");
    assertThat(request.disposition()).isEmpty();
    assertThat(request.fileName()).isEmpty();
    assertThat(request.contentType()).isEmpty();
    assertThat(request.cacheControl()).isEmpty();
    assertThat(request.versionId()).isEmpty();
    assertThat(request.allowActiveContent()).isFalse();
  }

  @Test
  void of_nullKey_namesIt() {
    assertThatThrownBy(() -> DownloadRequest.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> DownloadRequest.of("k").attachment(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fileName");
    assertThatThrownBy(() -> DownloadRequest.of("k").withVersionId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("id");
  }

  @Test
  void copies_keepWhatWasSetAndLeaveTheOriginal() {
    DownloadRequest plain = DownloadRequest.of("files/a.pdf");

    DownloadRequest full =
        plain
            .withContentType("application/pdf")
            .withCacheControl("private, max-age=60")
            .withVersionId("v1")
            .inline("a.pdf")
            .allowingActiveContent();

    assertThat(plain).isEqualTo(DownloadRequest.of("files/a.pdf"));
    assertThat(full.disposition()).isEqualTo(Optional.of(Disposition.INLINE));
    assertThat(full.fileName()).contains("a.pdf");
    assertThat(full.contentType()).contains("application/pdf");
    assertThat(full.cacheControl()).contains("private, max-age=60");
    assertThat(full.versionId()).contains("v1");
    assertThat(full.allowActiveContent()).isTrue();
    assertThat(full.attachment("b.pdf").disposition()).contains(Disposition.ATTACHMENT);
  }

  @Test
  void equals_comparesEveryProperty() {
    DownloadRequest request = DownloadRequest.of("k").attachment("a.pdf");

    assertThat(DownloadRequest.of("k").attachment("a.pdf"))
        .isEqualTo(request)
        .hasSameHashCodeAs(request);
    assertThat(request)
        .isNotEqualTo(DownloadRequest.of("k").inline("a.pdf"))
        .isNotEqualTo(DownloadRequest.of("k2").attachment("a.pdf"))
        .isNotEqualTo(request.allowingActiveContent())
        .isNotEqualTo(request.withVersionId("v"));
  }

  @Test
  void toString_showsWhatIsSet_withUntrustedTextQuoted() {
    assertThat(DownloadRequest.of("files/a.pdf"))
        .hasToString("DownloadRequest[key=\"files/a.pdf\"]");
    assertThat(
            DownloadRequest.of("k")
                .attachment("evil\r\nname.pdf")
                .withVersionId("v1")
                .allowingActiveContent())
        .hasToString(
            "DownloadRequest[key=\"k\", disposition=ATTACHMENT, fileName=\"evil\\u000D\\u000Aname.pdf\", "
                + "versionId=\"v1\", allowActiveContent]");
  }
}
