package dev.presign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package of the examples, including one added later, says @NullMarked in its package-info:
 * NullAway checks them all at build time, and this keeps their package-info saying so, as
 * presign-core's NullContractTest does for the library.
 */
class NullContractTest {

  @Test
  void everyPackage_isNullMarked() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(EmbeddedS3.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> packages;
    try (Stream<Path> files = Files.walk(classes)) {
      packages =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(
                  f ->
                      classes
                          .relativize(f.getParent())
                          .toString()
                          .replace(f.getFileSystem().getSeparator(), "."))
              .distinct()
              .sorted()
              .toList();
    }

    assertThat(packages).contains("dev.presign.examples", "dev.presign.examples.demo");
    for (String name : packages) {
      Class<?> packageInfo = Class.forName(name + ".package-info");
      assertThat(packageInfo.isAnnotationPresent(NullMarked.class))
          .as(name + " is @NullMarked")
          .isTrue();
    }
  }
}
