package dev.presign.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * presign-core's runtime classpath as its build wrote it ({@code
 * presign-core/target/runtime-classpath.txt}, the jar paths of {@code dependency:build-classpath}
 * with runtime scope): how many jars, how many bytes, and whether any is Netty.
 */
record RuntimeJars(int count, long bytes, boolean netty, boolean known) {
  private static final Path LIST = Path.of("presign-core", "target", "runtime-classpath.txt");

  /**
   * Reads the list from the working directory, the repository root; unknown when it is not there.
   */
  static RuntimeJars ofPresignCore() throws IOException {
    if (!Files.isReadable(LIST)) {
      return new RuntimeJars(0, 0, false, false);
    }
    String text = Files.readString(LIST, StandardCharsets.UTF_8).trim();
    int count = 0;
    long bytes = 0;
    boolean netty = false;
    for (String entry : text.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path jar = Path.of(entry.trim());
      count++;
      bytes += Files.size(jar);
      netty |=
          jar.toString().contains("/io/netty/")
              || jar.getFileName().toString().startsWith("netty-");
    }
    return new RuntimeJars(count, bytes, netty, true);
  }

  String describe() {
    if (!known) {
      return "unknown: run from the repository root after packaging";
    }
    // presign-core's own jar is not on its own classpath list; the count is what it brings.
    return String.format(
        Locale.ROOT,
        "%s; %d jars, %.2f MiB",
        netty ? "Netty present" : "no io.netty",
        count,
        bytes / (1024.0 * 1024.0));
  }
}
