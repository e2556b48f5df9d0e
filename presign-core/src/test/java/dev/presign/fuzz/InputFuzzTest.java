package dev.presign.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.UploadRequest;
import dev.presign.internal.keys.ObjectKeys;
import dev.presign.internal.policy.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Coverage-guided fuzzing of what a stranger controls: file names (through every built-in key
 * strategy) and content types (through policy matching). A normal build replays the inputs checked
 * in under src/test/resources; {@code mvn -Pfuzz test -pl presign-core
 * -Dtest='InputFuzzTest#keyStrategies*'} fuzzes one target for real.
 */
class InputFuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-29T23:59:59Z");
  private static final List<KeyStrategy> STRATEGIES =
      List.of(
          KeyStrategy.uuid("uploads/"),
          KeyStrategy.datedUuid("uploads/"),
          KeyStrategy.perPrincipal("tenants/"),
          KeyStrategy.originalName("files/"),
          KeyStrategy.perPrincipal("t/", KeyStrategy.originalName("f/")));
  private static final List<String> PREFIXES =
      List.of("uploads/", "uploads/", "tenants/acme/", "files/", "t/acme/f/");
  private static final PresignPolicy POLICY =
      PresignPolicy.builder()
          .allowContentTypes("image/png", "image/jpeg", "video/*", "application/pdf")
          .build();

  @FuzzTest(maxDuration = "2m")
  void keyStrategies_anyFileName_keepKeysSafeAndUnderTheirPrefix(FuzzedDataProvider data) {
    String fileName = data.consumeRemainingAsString();
    if (fileName.isEmpty()) {
      return;
    }
    UploadRequest request = UploadRequest.of(fileName, "image/png", 1).withPrincipal("acme");
    for (int i = 0; i < STRATEGIES.size(); i++) {
      String key = STRATEGIES.get(i).key(request, NOW);
      assertThat(ObjectKeys.violation(key)).as(key).isNull();
      assertThat(key).startsWith(PREFIXES.get(i));
      assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
      assertThat(new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isEqualTo(key);
      assertThat(
              key.codePoints()
                  .noneMatch(
                      cp ->
                          Character.getType(cp) == Character.CONTROL
                              || Character.getType(cp) == Character.FORMAT))
          .isTrue();
      assertThat(key.split("/", -1)).doesNotContain(".", "..", "");
      assertNfkcSafe(key);
      // The extension is the declared type's own: nothing the file name says survives.
      String last = key.substring(key.lastIndexOf('/') + 1);
      assertThat(last).endsWith(".png");
      assertThat(last.indexOf('.')).isEqualTo(last.length() - 4);
    }
    // A type the library does not know vouches for no extension at all.
    UploadRequest unknown = UploadRequest.of(fileName, "image/x-foo", 1).withPrincipal("acme");
    for (KeyStrategy strategy : STRATEGIES) {
      String key = strategy.key(unknown, NOW);
      assertThat(key.substring(key.lastIndexOf('/') + 1)).as(key).doesNotContain(".");
    }
  }

  @FuzzTest(maxDuration = "2m")
  void objectKeys_anyKey_isAcceptedOnlyWhenItAndItsNfkcFormAreSafe(FuzzedDataProvider data) {
    String key = data.consumeRemainingAsString();
    if (ObjectKeys.violation(key) != null) {
      return;
    }
    assertThat(key).isNotEmpty().doesNotStartWith("/").doesNotContain("\\", "${");
    assertThat(key.split("/", -1)).doesNotContain(".", "..", "");
    assertNfkcSafe(key);
  }

  // What tools that normalize names (NFKC) would see: still no '.', '..' or empty segment, no
  // backslash,
  // and exactly the slashes the key has.
  private static void assertNfkcSafe(String key) {
    String folded = java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFKC);
    assertThat(folded).as(key).doesNotContain("\\");
    assertThat(folded.chars().filter(c -> c == '/').count())
        .as(key)
        .isEqualTo(key.chars().filter(c -> c == '/').count());
    for (String segment : folded.split("/", -1)) {
      assertThat(segment.replace(".", "").isBlank()).as(key).isFalse();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void policy_anyContentType_isAllowedOnlyWhenItMatchesAnEntry(FuzzedDataProvider data) {
    String contentType = data.consumeRemainingAsString();
    boolean allowed;
    try {
      POLICY.check(UploadRequest.of("a", contentType, 1));
      allowed = true;
    } catch (InvalidRequestException e) {
      allowed = false;
    }
    if (allowed) {
      // An independent, deliberately plain reading of the allowed list.
      MediaType type = MediaType.parseOrNull(contentType);
      assertThat(type).isNotNull();
      String essence = contentType.strip().split(";")[0].strip().toLowerCase(Locale.ROOT);
      assertThat(essence).isEqualTo(type.essence());
      assertThat(
              essence.equals("image/png")
                  || essence.equals("image/jpeg")
                  || essence.equals("application/pdf")
                  || (essence.startsWith("video/")
                      && essence.length() > 6
                      && !essence.contains("*")))
          .as(contentType)
          .isTrue();
      assertThat(type.headerValue()).doesNotContain("\r", "\n", "\u0000", "\t");
    }
  }
}
