package com.example.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** presign-bom pins the versions presign's own build uses; one edited without the other fails here. */
class BomVersionsTest {
  private static final Path ROOT = Path.of("..", "..");

  @ParameterizedTest
  @ValueSource(strings = {"awssdk.version", "slf4j.version"})
  void bom_pinsTheVersionPresignIsBuiltWith(String property) throws IOException {
    assertThat(property(ROOT.resolve("presign-bom/pom.xml"), property))
        .isEqualTo(property(ROOT.resolve("pom.xml"), property));
  }

  private static String property(Path pom, String name) throws IOException {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
    assertThat(matcher.find()).as("%s sets %s", pom, name).isTrue();
    return matcher.group(1);
  }
}
