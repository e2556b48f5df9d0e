package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the README tests share: the README's first Java block after a heading, the code an example
 * marks for the README ({@code // README:start} to {@code // README:end}) as the README shows it,
 * and the example credentials the README's snippets read from system properties.
 */
final class ReadmeSnippets {
  private static final Path README = Path.of("..", "README.md");
  private static final String JAVA_FENCE = "```java\n";
  private static final String START = "// README:start\n";

  private ReadmeSnippets() {}

  /**
   * The first Java block after a heading of the README.
   *
   * @param heading the heading's line, e.g. {@code ## Quick start}
   * @param description what the assertion that the README has the section says
   * @return the block's code, without its fences
   */
  static String javaBlockAfter(String heading, String description) throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf(heading);
    assertThat(section).as(description).isNotNegative();
    int blockStart = readme.indexOf(JAVA_FENCE, section);
    return readme.substring(
        blockStart + JAVA_FENCE.length(), readme.indexOf("```", blockStart + 7));
  }

  /**
   * The code an example's source marks for the README, one level of indentation less, as the
   * README's block shows it.
   *
   * @param source the example's source file, relative to this module
   * @return the marked lines
   */
  static String markedCode(Path source) throws IOException {
    String text = Files.readString(source);
    String marked =
        text.substring(text.indexOf(START) + START.length(), text.indexOf("    // README:end"));
    return Arrays.stream(marked.split("\n", -1))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
  }

  /**
   * A block without its leading imports and the blank lines around them.
   *
   * @param block a README block
   * @return the block from its first line of code on
   */
  static String withoutImports(String block) {
    return Arrays.stream(block.split("\n", -1))
        .dropWhile(line -> line.startsWith("import ") || line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  /**
   * Runs a README snippet with example credentials in the system properties the AWS SDK reads, then
   * puts back what was there.
   *
   * @param snippet the snippet
   * @return what it returns
   */
  static <T> T withExampleCredentials(Supplier<T> snippet) {
    String savedId = System.getProperty("aws.accessKeyId");
    String savedSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIAREADMEEXAMPLE001");
    System.setProperty("aws.secretAccessKey", "readme/example/secret/key/0123456789abcdef");
    try {
      return snippet.get();
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
}
