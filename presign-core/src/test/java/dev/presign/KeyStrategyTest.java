package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.keys.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyStrategyTest {
  private static final Instant NOW = Instant.parse("2026-11-29T23:59:59.999Z");
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  static final List<String> HOSTILE_NAMES =
      List.of(
          "../../etc/passwd",
          "../../../../../../root/.ssh/authorized_keys",
          "..\\..\\windows\\system32\\config\\sam",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "%2e%2e",
          "..%2f..%2fsecret.png",
          "/absolute/path.png",
          "\\\\server\\share\\x.png",
          "a\u0000b.png",
          "evil\r\nX-Amz-Meta-Evil: 1.png",
          "line\nbreak.jpg",
          "photo\u202egnp.exe",
          "\u202e\u202d\u200f.png",
          "x".repeat(2000) + ".png",
          "é".repeat(2000) + ".jpeg",
          "\uD83D\uDE00".repeat(700) + ".gif",
          "....",
          "..",
          ".",
          "   ",
          ". . .",
          "",
          "/",
          "///",
          "..png",
          "cat.png/..",
          "con.png",
          "\uD800\uDC00\uD800.png",
          "name.with.many.dots.",
          "tab\there.png",
          "del\u007f.png",
          "zero\u200bwidth.png");

  static Stream<Arguments> strategiesAndNames() {
    // Each strategy with the exact shape every key it makes must have, whatever the file name.
    Map<KeyStrategy, String> shapes =
        Map.of(
            KeyStrategy.uuid("uploads/"),
            "uploads/" + UUID + "\\.png",
            KeyStrategy.uuid(""),
            UUID + "\\.png",
            KeyStrategy.datedUuid("uploads/"),
            "uploads/2026/11/29/" + UUID + "\\.png",
            KeyStrategy.perPrincipal("tenants/"),
            "tenants/acme/" + UUID + "\\.png",
            KeyStrategy.perPrincipal("tenants/", KeyStrategy.originalName("files/")),
            "tenants/acme/files/" + UUID + "/[^/]+\\.png",
            KeyStrategy.originalName("files/"),
            "files/" + UUID + "/[^/]+\\.png",
            KeyStrategy.originalName(""),
            UUID + "/[^/]+\\.png");
    return shapes.entrySet().stream()
        .flatMap(s -> HOSTILE_NAMES.stream().map(n -> Arguments.of(s.getKey(), s.getValue(), n)));
  }

  @ParameterizedTest(name = "{0} <- {index}")
  @MethodSource("strategiesAndNames")
  void key_hostileFileName_staysSafeAndUnderPrefix(
      KeyStrategy strategy, String shape, String fileName) {
    String key =
        strategy.key(UploadRequest.of(fileName, "image/png", 1).withPrincipal("acme"), NOW);

    assertThat(ObjectKeys.violation(key)).as(key).isNull();
    assertThat(key.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ObjectKeys.MAX_KEY_BYTES);
    assertThat(key)
        .doesNotStartWith("/")
        .doesNotContain("//", "\\", "\u0000", "\r", "\n", "\u202e");
    assertThat(key.split("/")).doesNotContain(".", "..", "");
    assertThat(key).matches(shape);
  }

  @Test
  void uuid_keepsSafeExtension() {
    String key = KeyStrategy.uuid("uploads/").key(UploadRequest.of("Cat.PNG", "image/png", 1), NOW);

    assertThat(key).matches("uploads/" + UUID + "\\.png");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "evil.html       | image/png                | \\.png",
        "x.p\u00f1g      | image/png                | \\.png",
        "photo.JPEG      | image/jpeg               | \\.jpeg",
        "photo.png       | image/jpeg               | \\.jpg",
        "noextension     | video/quicktime          | \\.mov",
        "data.xyz        | application/x-custom     | ''",
        "evil.html       | application/x-custom     | ''",
        "evil.svg        | application/octet-stream | ''",
        "a.bin           | application/octet-stream | ''",
        "cat.png         | image/*                  | ''",
        "cat.webp        | IMAGE/*                  | ''",
        "page.html       | image/*                  | ''",
        "clip.mov        | video/*                  | ''",
        "data.xyz        | video/*                  | ''",
      })
  void uuid_extension_comesFromNameOnlyWhenItFitsTheType(
      String fileName, String contentType, String extension) {
    String key = KeyStrategy.uuid("uploads/").key(UploadRequest.of(fileName, contentType, 1), NOW);

    assertThat(key).matches("uploads/" + UUID + extension);
  }

  // The adversarial review: under a wildcard policy an unknown subtype kept whatever extension the
  // name had.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "xhtml", "php", "js", "mjs", "shtml", "svgz", "jsp", "aspx", "hta", "swf", "exe", "html",
        "xyz", "PHP"
      })
  void everyStrategy_unknownSubtype_keepsNoExtensionOfTheName(String extension) {
    UploadRequest request =
        UploadRequest.of("evil." + extension, "image/x-foo", 1).withPrincipal("acme");
    for (KeyStrategy strategy :
        List.of(
            KeyStrategy.uuid("u/"),
            KeyStrategy.datedUuid("u/"),
            KeyStrategy.perPrincipal("t/"),
            KeyStrategy.originalName("f/"))) {
      String key = strategy.key(request, NOW);

      assertThat(key).as(strategy.toString()).doesNotContainIgnoringCase("." + extension);
      assertThat(key.substring(key.lastIndexOf('/') + 1))
          .as(strategy.toString())
          .doesNotContain(".");
    }
  }

  @Test
  void originalName_extensionNotFittingType_isReplacedAndInnerDotsNeutralized() {
    String key =
        KeyStrategy.originalName("").key(UploadRequest.of("shell.php.html", "image/png", 1), NOW);

    assertThat(key).matches(UUID + "/shell_php\\.png");
  }

  @Test
  void uuid_isRandomVersion4AndNeverRepeats() {
    KeyStrategy strategy = KeyStrategy.uuid("");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id = strategy.key(UploadRequest.of("a", "application/x-none", 1), NOW);
      java.util.UUID uuid = java.util.UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(seen.add(id)).as(id).isTrue();
    }
  }

  @Test
  void uuid_isDifferentEveryTime() {
    KeyStrategy strategy = KeyStrategy.uuid("");
    UploadRequest request = UploadRequest.of("a.png", "image/png", 1);

    assertThat(strategy.key(request, NOW)).isNotEqualTo(strategy.key(request, NOW));
  }

  @Test
  void datedUuid_usesUtcDateOfTheGivenInstant() {
    String key =
        KeyStrategy.datedUuid("uploads/").key(UploadRequest.of("clip.MP4", "video/mp4", 1), NOW);

    assertThat(key).matches("uploads/2026/11/29/" + UUID + "\\.mp4");
  }

  @Test
  void datedUuid_padsMonthAndDay() {
    String key =
        KeyStrategy.datedUuid("")
            .key(UploadRequest.of("a.png", "image/png", 1), Instant.parse("2027-01-05T00:00:00Z"));

    assertThat(key).startsWith("2027/01/05/");
  }

  @Test
  void perPrincipal_putsPrincipalFolderFirst() {
    String key =
        KeyStrategy.perPrincipal("tenants/", KeyStrategy.datedUuid("in/"))
            .key(UploadRequest.of("a.jpg", "image/jpeg", 1).withPrincipal("acme-42"), NOW);

    assertThat(key).matches("tenants/acme-42/in/2026/11/29/" + UUID + "\\.jpg");
  }

  @Test
  void perPrincipal_withoutPrincipal_isRefused() {
    KeyStrategy strategy = KeyStrategy.perPrincipal("tenants/");

    assertThatThrownBy(() -> strategy.key(UploadRequest.of("a.png", "image/png", 1), NOW))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("principal is required")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.PRINCIPAL_INVALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ".", "..", "...", "a/b", "../x", "a\\b", "a b", "a\u0000", "ı", "x\r\n"})
  void perPrincipal_unsafePrincipal_isRefused(String principal) {
    KeyStrategy strategy = KeyStrategy.perPrincipal("tenants/");
    UploadRequest request = UploadRequest.of("a.png", "image/png", 1).withPrincipal(principal);

    assertThatThrownBy(() -> strategy.key(request, NOW))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("principal must be 1 to 128 of");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "Z", "0", "alice@example.com", "user_42", "tenant-7", "a.b", "...a"})
  void perPrincipal_safePrincipal_becomesItsFolder(String principal) {
    String key =
        KeyStrategy.perPrincipal("t/")
            .key(UploadRequest.of("a.png", "image/png", 1).withPrincipal(principal), NOW);

    assertThat(key).startsWith("t/" + principal + "/");
  }

  @Test
  void perPrincipal_128CharacterPrincipal_isAccepted() {
    String principal = "p".repeat(128);

    assertThat(
            KeyStrategy.perPrincipal("")
                .key(UploadRequest.of("a.png", "image/png", 1).withPrincipal(principal), NOW))
        .startsWith(principal + "/");
  }

  @Test
  void perPrincipal_129CharacterPrincipal_isRefused() {
    UploadRequest request =
        UploadRequest.of("a.png", "image/png", 1).withPrincipal("p".repeat(129));

    assertThatThrownBy(() -> KeyStrategy.perPrincipal("").key(request, NOW))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void originalName_keepsSanitizedNameInRandomFolder() {
    String key =
        KeyStrategy.originalName("files/")
            .key(UploadRequest.of("../My Résumé.PDF", "application/pdf", 1), NOW);

    assertThat(key).matches("files/" + UUID + "/My_Résumé\\.pdf");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"uploads", "/uploads/", "a//", "../", "a/../", "a/./", "up\u0000loads/", "a\\b/"})
  void factories_badPrefix_areRefusedAtOnce(String prefix) {
    assertThatThrownBy(() -> KeyStrategy.uuid(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prefix must");
    assertThatThrownBy(() -> KeyStrategy.datedUuid(prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyStrategy.perPrincipal(prefix))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyStrategy.originalName(prefix))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void factories_overlongPrefix_isRefused() {
    assertThatThrownBy(() -> KeyStrategy.uuid("p".repeat(300) + "/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 256 UTF-8 bytes");
  }

  @Test
  void factories_nullPrefix_namesParameter() {
    assertThatThrownBy(() -> KeyStrategy.uuid(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("prefix");
    assertThatThrownBy(() -> KeyStrategy.perPrincipal("", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("inner");
  }

  @Test
  void builtIns_haveValueEqualityAndReadableToString() {
    assertThat(KeyStrategy.datedUuid("uploads/")).isEqualTo(KeyStrategy.datedUuid("uploads/"));
    assertThat(KeyStrategy.datedUuid("uploads/"))
        .hasToString("KeyStrategy.datedUuid(\"uploads/\")");
  }
}
