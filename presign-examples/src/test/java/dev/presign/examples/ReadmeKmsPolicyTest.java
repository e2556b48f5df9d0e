package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignedUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeKmsPolicyTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE =
      Path.of("src/main/java/dev/presign/examples/ReadmeKmsPolicy.java");

  @Test
  void readmeAttributesSection_isTheCompiledCode() throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("## Server-decided object attributes");
    assertThat(section).as("README has the object attributes section").isNotNegative();
    int blockStart = readme.indexOf("```java\n", section);
    String block =
        readme.substring(blockStart + "```java\n".length(), readme.indexOf("```", blockStart + 7));

    String source = Files.readString(SOURCE);
    String marked =
        source.substring(
            source.indexOf("// README:start\n") + "// README:start\n".length(),
            source.indexOf("    // README:end"));

    assertThat(block).isEqualTo(dedent(marked));
  }

  @Test
  void readmeAttributesSection_signsTheKmsHeadersTheBucketPolicyRequires() {
    String savedId = System.getProperty("aws.accessKeyId");
    String savedSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIAREADMEEXAMPLE001");
    System.setProperty("aws.secretAccessKey", "readme/example/secret/key/0123456789abcdef");
    try {
      PresignedUpload up = ReadmeKmsPolicy.run();

      assertThat(up.headers())
          .contains(
              Map.entry("x-amz-server-side-encryption", "aws:kms"),
              Map.entry(
                  "x-amz-server-side-encryption-aws-kms-key-id",
                  "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
              Map.entry("x-amz-server-side-encryption-bucket-key-enabled", "true"),
              Map.entry("x-amz-storage-class", "INTELLIGENT_TIERING"),
              Map.entry("x-amz-meta-original-name", "=?UTF-8?B?UsOpc3Vtw6kucGRm?="),
              Map.entry("x-amz-tagging", "presign-status=pending"));
      assertThat(up.url())
          .contains(
              "x-amz-server-side-encryption%3Bx-amz-server-side-encryption-aws-kms-key-id%3B"
                  + "x-amz-server-side-encryption-bucket-key-enabled%3B");
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

  private static String dedent(String code) {
    return Arrays.stream(code.split("\n", -1))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
  }
}
