package dev.presign.internal.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.DownloadRequest;
import dev.presign.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseOverridesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "TEXT/HTML; charset=utf-8",
        "image/svg+xml",
        "application/xhtml+xml",
        "text/xml",
        "application/xml",
        "application/javascript",
        "text/javascript",
        "application/rss+xml"
      })
  void of_activeContentInline_isForcedToANeutralAttachment(String type) {
    DownloadRequest request = DownloadRequest.of("k").inline("page.html").withContentType(type);

    assertThat(ResponseOverrides.of(request, 300))
        .containsEntry("response-content-disposition", "attachment; filename=\"page.html\"")
        .containsEntry("response-content-type", "application/octet-stream");
  }

  @Test
  void of_activeContentAllowed_isServedAsAsked() {
    DownloadRequest request =
        DownloadRequest.of("k")
            .inline("page.html")
            .withContentType("text/html")
            .allowingActiveContent();

    assertThat(ResponseOverrides.of(request, 300))
        .containsEntry("response-content-disposition", "inline; filename=\"page.html\"")
        .containsEntry("response-content-type", "text/html");
  }

  @Test
  void of_inlineWithoutType_pinsTheTypeTheNameImplies() {
    assertThat(ResponseOverrides.of(DownloadRequest.of("k").inline("cat.PNG"), 300))
        .containsEntry("response-content-disposition", "inline; filename=\"cat.PNG\"")
        .containsEntry("response-content-type", "image/png");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/unknown",
        "unknown/unknown",
        "application/x-unknown-content-type",
        "application/octet-stream",
        "application/json",
        "text/markdown",
        "image/tiff; x=1"
      })
  void of_typeNotSafeToRenderInline_isSavedInstead(String type) {
    DownloadRequest request = DownloadRequest.of("k").inline("a.bin").withContentType(type);

    assertThat(ResponseOverrides.of(request, 300))
        .containsEntry("response-content-type", "application/octet-stream")
        .hasEntrySatisfying(
            "response-content-disposition", value -> assertThat(value).startsWith("attachment;"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image/png",
        "image/jpeg",
        "video/mp4",
        "audio/mpeg",
        "application/pdf",
        "text/plain"
      })
  void of_typeSafeToRenderInline_isShown(String type) {
    assertThat(ResponseOverrides.of(DownloadRequest.of("k").inline("a").withContentType(type), 300))
        .containsEntry("response-content-type", type)
        .hasEntrySatisfying(
            "response-content-disposition", value -> assertThat(value).startsWith("inline;"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"page.html", "drawing.svg", "noextension", "data.xyz"})
  void of_inlineWithoutTypeAndActiveOrUnknownName_becomesAttachment(String name) {
    assertThat(ResponseOverrides.of(DownloadRequest.of("k").inline(name), 300))
        .containsEntry("response-content-type", "application/octet-stream")
        .hasEntrySatisfying(
            "response-content-disposition", value -> assertThat(value).startsWith("attachment;"));
  }

  @Test
  void of_everyOverride_inAStableOrder() {
    DownloadRequest request =
        DownloadRequest.of("k")
            .attachment("a.pdf")
            .withContentType("application/pdf")
            .withCacheControl("private, max-age=60")
            .withVersionId("v1");

    assertThat(ResponseOverrides.of(request, 300))
        .containsExactly(
            java.util.Map.entry("response-content-disposition", "attachment; filename=\"a.pdf\""),
            java.util.Map.entry("response-content-type", "application/pdf"),
            java.util.Map.entry("response-cache-control", "private, max-age=60"),
            java.util.Map.entry("response-content-encoding", "identity"),
            java.util.Map.entry("versionId", "v1"));
  }

  // A plain download never leaves a header to what the uploader stored: type from the key's
  // extension.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "uploads/a.png        | image/png                | inline; filename=\"a.png\"",
        "uploads/a.PDF        | application/pdf          | inline; filename=\"a.PDF\"",
        "uploads/a.zip        | application/zip          | attachment; filename=\"a.zip\"",
        "uploads/a.html       | application/octet-stream | attachment; filename=\"a.html\"",
        "uploads/a.svg        | application/octet-stream | attachment; filename=\"a.svg\"",
        "uploads/noextension  | application/octet-stream | attachment; filename=\"noextension\"",
        "uploads/a.xyz        | application/octet-stream | attachment; filename=\"a.xyz\""
      })
  void of_plainDownload_pinsEveryHeaderABrowserActsOn(String key, String type, String disposition) {
    assertThat(ResponseOverrides.of(DownloadRequest.of(key), 300))
        .containsExactly(
            java.util.Map.entry("response-content-disposition", disposition),
            java.util.Map.entry("response-content-type", type),
            java.util.Map.entry("response-cache-control", "private, max-age=300"),
            java.util.Map.entry("response-content-encoding", "identity"));
  }

  @Test
  void of_plainDownloadAllowingActiveContent_servesTheKeysTypeInline() {
    assertThat(
            ResponseOverrides.of(DownloadRequest.of("site/index.html").allowingActiveContent(), 60))
        .containsEntry("response-content-type", "text/html")
        .containsEntry("response-content-disposition", "inline; filename=\"index.html\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "no-cache\r\nSet-Cookie: a=b", "max-age=1\u0000", "é"})
  void of_badCacheControl_isRefused(String value) {
    assertThatThrownBy(
            () -> ResponseOverrides.of(DownloadRequest.of("k").withCacheControl(value), 300))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("cache control must be 1 to 256 printable ASCII characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
  }

  @Test
  void of_badContentType_isRefused() {
    assertThatThrownBy(
            () ->
                ResponseOverrides.of(
                    DownloadRequest.of("k").withContentType("text/html\r\nX: 1"), 300))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.CONTENT_TYPE_INVALID);
  }
}
