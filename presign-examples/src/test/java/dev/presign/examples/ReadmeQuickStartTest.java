package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignedDownload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeQuickStartTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE =
      Path.of("src/main/java/dev/presign/examples/ReadmeQuickStart.java");

  @Test
  void readmeQuickStart_isTheCompiledCode() throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("## Quick start");
    assertThat(section).as("README has a Quick start section").isNotNegative();
    int blockStart = readme.indexOf("```java\n", section);
    String block =
        readme.substring(blockStart + "```java\n".length(), readme.indexOf("```", blockStart + 7));

    String source = Files.readString(SOURCE);
    String marked =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("    // README:end"));

    assertThat(withoutImports(block)).isEqualTo(dedent(marked));
  }

  @Test
  void readmeQuickStart_runsOfflineAndIssuesUrls() {
    String savedId = System.getProperty("aws.accessKeyId");
    String savedSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIAREADMEEXAMPLE001");
    System.setProperty("aws.secretAccessKey", "readme/example/secret/key/0123456789abcdef");
    try {
      PresignedDownload down = ReadmeQuickStart.run();

      assertThat(down.key()).matches("uploads/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");
      assertThat(down.uri().getHost()).isEqualTo("my-bucket.s3.eu-west-1.amazonaws.com");
      assertThat(down.uri().getRawQuery()).contains("X-Amz-Expires=300");
    } finally {
      restore("aws.accessKeyId", savedId);
      restore("aws.secretAccessKey", savedSecret);
    }
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  private static String withoutImports(String block) {
    return Arrays.stream(block.split("\n", -1))
        .dropWhile(line -> line.startsWith("import ") || line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static String dedent(String code) {
    return Arrays.stream(code.split("\n", -1))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
  }
}
