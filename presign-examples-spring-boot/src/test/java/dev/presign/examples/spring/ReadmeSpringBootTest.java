package dev.presign.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot section shows this module's files, so the build compiles and tests what
 * it shows.
 */
class ReadmeSpringBootTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void readmeController_isTheCompiledController() throws IOException {
    String source =
        Files.readString(
            Path.of("src/main/java/dev/presign/examples/spring/UploadController.java"));
    String marked =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("// README:end"));

    assertThat(block("```java\n")).isEqualTo(marked);
  }

  @Test
  void readmeProperties_areTheAppsProperties() throws IOException {
    assertThat(block("```properties\n"))
        .isEqualTo(Files.readString(Path.of("src/main/resources/application.properties")));
  }

  @Test
  void readmeDependency_isThisModulesStarter() throws IOException {
    assertThat(block("```xml\n")).contains("<artifactId>presign-spring-boot-starter</artifactId>");
    assertThat(Files.readString(Path.of("pom.xml")))
        .contains("<artifactId>presign-spring-boot-starter</artifactId>");
  }

  private static String block(String fence) throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("\n## Spring Boot\n");
    assertThat(section).as("README has a Spring Boot section").isNotNegative();
    int start = readme.indexOf(fence, section);
    assertThat(start)
        .as("the section has a " + fence.strip() + " block")
        .isNotNegative()
        .isLessThan(readme.indexOf("\n## ", section + 1));
    return readme.substring(start + fence.length(), readme.indexOf("```", start + fence.length()));
  }
}
