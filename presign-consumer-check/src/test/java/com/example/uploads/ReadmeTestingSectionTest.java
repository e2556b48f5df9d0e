package com.example.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing your upload endpoint" shows these files as they are, so the build compiles and runs it. */
class ReadmeTestingSectionTest {
  private static final Path ROOT = Path.of("..", "..");
  private static final Path SHARED = Path.of("..", "src");

  @Test
  void readme_showsTheTestThisBuildRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));

    assertThat(readme).contains(Files.readString(SHARED.resolve("test/java/com/example/uploads/UploadEndpointTest.java")));
  }
}
