package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every example program the README lists runs and prints what it promises. */
@ResourceLock("System.out")
class ExampleProgramsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dev.presign.examples.PostFormExample     | 1 KiB + 1 byte: HTTP 400 EntityTooLarge",
        "dev.presign.examples.MultipartExample    | matches",
        "dev.presign.examples.DownloadLinkExample | filename*=UTF-8''Lebenslauf%20%E2%80%93%20J%C3%BCrgen%20%E7%8C%AB.pdf",
        "dev.presign.examples.VerifyExample       | -> QUARANTINED (now quarantine/",
      })
  void main_runsAndPrintsItsResult(String program, String expected) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      Class.forName(program).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(expected)
        .doesNotContain("X-Amz-Signature");
  }
}
