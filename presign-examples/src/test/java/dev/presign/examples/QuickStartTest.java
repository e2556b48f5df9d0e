package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void run_againstEmbeddedStore_completesEveryStep() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    boolean ok = QuickStart.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(output).isTrue();
    assertThat(output)
        .contains("2. Client PUT", "HTTP 200")
        .contains("same bytes")
        .contains("CONTENT_TYPE_NOT_ALLOWED")
        .contains("HTTP 403 SignatureDoesNotMatch, stored: false")
        .doesNotContain("X-Amz-Signature");
  }
}
