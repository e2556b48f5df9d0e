package dev.presign;

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
 * The null contract covers every package of presign-core, including one added later: NullAway
 * checks them all at build time, and this test makes sure their package-info says so to users'
 * tools too.
 */
class NullContractTest {

  @Test
  void everyPackage_isNullMarked() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(UploadUrlIssuer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> packages;
    try (Stream<Path> files = Files.walk(classes)) {
      packages =
          files
              .filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
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

    assertThat(packages)
        .contains("dev.presign", "dev.presign.internal", "dev.presign.internal.signing");
    for (String name : packages) {
      Class<?> packageInfo = Class.forName(name + ".package-info");
      assertThat(packageInfo.isAnnotationPresent(NullMarked.class))
          .as(name + " is @NullMarked")
          .isTrue();
    }
  }
}
