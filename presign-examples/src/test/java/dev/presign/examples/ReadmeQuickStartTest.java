package dev.presign.examples;

import static dev.presign.examples.ReadmeSnippets.javaBlockAfter;
import static dev.presign.examples.ReadmeSnippets.markedCode;
import static dev.presign.examples.ReadmeSnippets.withExampleCredentials;
import static dev.presign.examples.ReadmeSnippets.withoutImports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignedDownload;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeQuickStartTest {
  private static final Path SOURCE =
      Path.of("src/main/java/dev/presign/examples/ReadmeQuickStart.java");

  @Test
  void readmeQuickStart_isTheCompiledCode() throws IOException {
    String block = javaBlockAfter("## Quick start", "README has a Quick start section");

    assertThat(withoutImports(block)).isEqualTo(markedCode(SOURCE));
  }

  @Test
  void readmeQuickStart_runsOfflineAndIssuesUrls() {
    PresignedDownload down = withExampleCredentials(ReadmeQuickStart::run);

    assertThat(down.key()).matches("uploads/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png");
    assertThat(down.uri().getHost()).isEqualTo("my-bucket.s3.eu-west-1.amazonaws.com");
    assertThat(down.uri().getRawQuery()).contains("X-Amz-Expires=300");
  }
}
