package dev.presign.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark the README reports and prints its Performance table: time and allocation per
 * URL, the 10,000 part URLs, presign-core's runtime classpath and cold start, each target next to
 * its figure.
 *
 * <pre>java -jar presign-benchmarks/target/presign-benchmarks.jar [quick]</pre>
 *
 * Run from the repository root after packaging, so {@code
 * presign-core/target/runtime-classpath.txt} (written by presign-core's build) is found. {@code
 * quick} shortens every run for a smoke test; its figures are not for the README.
 */
public final class BenchmarkReport {
  private static final int COLD_STARTS = 7;

  private BenchmarkReport() {}

  /**
   * Runs the benchmarks and prints the table.
   *
   * @param args optionally {@code quick}
   * @throws Exception when a benchmark or a cold-start process fails
   */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("quick");
    String bench = PresignBenchmark.class.getName();

    Map<String, double[]> timeAndAlloc = new LinkedHashMap<>();
    for (RunResult run :
        run(options(quick).include(bench + "\\.").mode(Mode.AverageTime).addProfiler("gc"))) {
      timeAndAlloc.put(
          run.getParams().getBenchmark().substring(bench.length() + 1),
          new double[] {run.getPrimaryResult().getScore(), allocation(run)});
    }
    double allParts =
        run(options(quick).include(MultipartBenchmark.class.getName() + "\\."))
            .iterator()
            .next()
            .getPrimaryResult()
            .getScore();
    double presignCold = median(coldStarts("presign", quick ? 2 : COLD_STARTS));
    double sdkCold = median(coldStarts("s3presigner", quick ? 2 : COLD_STARTS));
    double ownCode = median(ownCodeStarts(quick ? 2 : COLD_STARTS, false));
    double ownCodeSlf4jReady = median(ownCodeStarts(quick ? 2 : COLD_STARTS, true));
    double ownCodeAppCds = median(ownCodeStartsWithAppCds(quick ? 2 : COLD_STARTS));

    System.out.println();
    System.out.println(
        table(
            timeAndAlloc,
            allParts,
            RuntimeJars.ofPresignCore(),
            presignCold,
            sdkCold,
            ownCode,
            ownCodeSlf4jReady,
            ownCodeAppCds));
  }

  private static ChainedOptionsBuilder options(boolean quick) {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    if (quick) {
      options
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(300))
          .measurementIterations(2)
          .measurementTime(TimeValue.milliseconds(300));
    }
    return options;
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new Runner(options.build()).run();
  }

  private static double allocation(RunResult run) {
    Result<?> result = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return result == null ? Double.NaN : result.getScore();
  }

  private static List<Double> coldStarts(String contender, int times)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      // Wall time from starting the JVM to reading the line it prints once it holds the URL.
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(java, "-cp", classPath, ColdStart.class.getName(), contender)
              .redirectErrorStream(true)
              .start();
      long signedAt = -1;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("signed ") && signedAt < 0) {
            signedAt = System.nanoTime();
          }
        }
      }
      if (process.waitFor() != 0 || signedAt < 0) {
        throw new IllegalStateException("cold start of " + contender + " failed");
      }
      millis.add((signedAt - start) / 1e6);
    }
    return millis;
  }

  /**
   * presign's own milliseconds of a cold start, each measured inside a fresh JVM (see {@link
   * ColdStart}).
   */
  private static List<Double> ownCodeStarts(int times, boolean slf4jReady)
      throws IOException, InterruptedException {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      millis.add(ownCodeStart(List.of(), slf4jReady ? "slf4j-ready" : "-"));
    }
    return millis;
  }

  /**
   * presign's own milliseconds of a cold start, slf4j ready, with an application class-data sharing
   * archive: one training run writes it ({@code -XX:ArchiveClassesAtExit}), then each measured JVM
   * maps its classes already parsed and verified ({@code -XX:SharedArchiveFile}), which is what
   * Spring Boot's CDS support sets up.
   */
  private static List<Double> ownCodeStartsWithAppCds(int times)
      throws IOException, InterruptedException {
    Path archive = Files.createTempFile("presign-cold-start", ".jsa");
    try {
      // The JVM writes the archive at exit; an existing empty file is replaced.
      ownCodeStart(List.of("-XX:ArchiveClassesAtExit=" + archive), "slf4j-ready");
      if (Files.size(archive) == 0) {
        // A JDK without its default CDS archive cannot write an application one: the figure is
        // then reported as n/a rather than failing the whole report.
        System.err.println("no application CDS archive was written; that figure is n/a");
        return List.of();
      }
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        // -Xshare:on fails the run rather than silently measuring without the archive.
        millis.add(
            ownCodeStart(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), "slf4j-ready"));
      }
      return millis;
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  /** One fresh JVM's {@code presign-own} milliseconds (see {@link ColdStart}). */
  private static double ownCodeStart(List<String> jvmOptions, String slf4j)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ColdStart.class.getName(),
            "presign-own",
            slf4j));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String own = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("own ")) {
          own = line.substring(4).trim();
        } else {
          output.append(line).append('\n');
        }
      }
    }
    if (process.waitFor() != 0 || own == null) {
      throw new IllegalStateException(
          "cold start of presign's own code failed (" + jvmOptions + "):\n" + output);
    }
    return Long.parseLong(own) / 1e6;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String table(
      Map<String, double[]> time,
      double allPartsMillis,
      RuntimeJars jars,
      double presignCold,
      double sdkCold,
      double ownCode,
      double ownCodeSlf4jReady,
      double ownCodeAppCds)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("Measured ")
        .append(LocalDate.now(ZoneOffset.UTC))
        .append(" on ")
        .append(machine())
        .append('\n');
    out.append('\n');
    out.append("| Benchmark | Time per URL | Allocated per URL |\n|---|---:|---:|\n");
    for (Map.Entry<String, double[]> row : time.entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f µs | %s |%n",
              row.getKey(),
              row.getValue()[0] / 1000,
              bytes(row.getValue()[1])));
    }
    double[] put = time.get("put_presign");
    double[] get = time.get("get_presign");
    double[] sdkPut = time.get("put_sdkS3Presigner");
    double[] floor = time.get("cryptoFloor");
    out.append('\n');
    out.append("| Target | Goal | Measured | Met |\n|---|---|---:|---|\n");
    row(
        out,
        "presigned PUT (type and length signed, fixed key, policy check included)",
        "≤ 1.5 µs",
        String.format(Locale.ROOT, "%.2f µs", put[0] / 1000),
        put[0] <= 1500);
    row(out, "allocated per PUT", "≤ 1,024 B", bytes(put[1]), put[1] <= 1024);
    row(
        out,
        "faster than S3Presigner (request built on each call)",
        "≥ 15x",
        String.format(Locale.ROOT, "%.1fx", sdkPut[0] / put[0]),
        sdkPut[0] / put[0] >= 15);
    row(
        out,
        "relative to the crypto floor (SHA-256 + HMAC)",
        "≤ 2.5x",
        String.format(Locale.ROOT, "%.2fx (floor %.2f µs)", put[0] / floor[0], floor[0] / 1000),
        put[0] / floor[0] <= 2.5);
    row(
        out,
        "presigned GET",
        "≤ 1.3 µs",
        String.format(Locale.ROOT, "%.2f µs", get[0] / 1000),
        get[0] <= 1300);
    row(
        out,
        "presign-core's runtime jars",
        "no io.netty; size reported",
        jars.describe(),
        jars.known() && !jars.netty());
    // The target is checked against the figure with slf4j ready: its one-time initialization is
    // slf4j's code, paid once per JVM by whatever logs first; it is still shown.
    row(
        out,
        "presign's own code in a cold start",
        "≤ 10 ms",
        String.format(
            Locale.ROOT,
            "%.1f ms (with slf4j's initialization: %.1f ms; with an AppCDS archive: %s)",
            ownCodeSlf4jReady,
            ownCode,
            millis(ownCodeAppCds)),
        ownCodeSlf4jReady <= 10);
    row(
        out,
        "every part URL of a 10,000-part upload",
        "≤ 30 ms",
        String.format(Locale.ROOT, "%.1f ms", allPartsMillis),
        allPartsMillis <= 30);
    out.append(
        String.format(
            Locale.ROOT,
            "%nCold start to the first PUT URL (fresh JVM, median of runs): presign %.0f ms,"
                + " S3Presigner %.0f ms.%n",
            presignCold,
            sdkCold));
    out.append(
        String.format(
            Locale.ROOT,
            "presign's own code in a cold start, slf4j ready (median of runs): %.1f ms with classes"
                + " loaded from the jar, %s with an application CDS archive"
                + " (-XX:SharedArchiveFile).%n",
            ownCodeSlf4jReady,
            millis(ownCodeAppCds)));
    double[] uri = time.get("uriOfTheSameUrl");
    if (uri != null) {
      out.append(
          String.format(
              Locale.ROOT,
              "uri() of a PUT URL, for callers that need a java.net.URI: %.2f µs, %s.%n",
              uri[0] / 1000,
              bytes(uri[1])));
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out, String target, String goal, String measured, boolean met) {
    out.append("| ")
        .append(target)
        .append(" | ")
        .append(goal)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", value);
  }

  // Bytes below 10 KiB, so a figure near the 1,024 B target reads exactly.
  private static String bytes(double value) {
    return Double.isNaN(value)
        ? "n/a"
        : value >= 10 * 1024
            ? String.format(Locale.ROOT, "%.1f KB", value / 1024)
            : String.format(Locale.ROOT, "%,.0f B", value);
  }

  private static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu =
          Files.readAllLines(cpuinfo).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name");
  }
}
