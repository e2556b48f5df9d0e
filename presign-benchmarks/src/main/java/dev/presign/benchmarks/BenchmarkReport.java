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
 * Runs every benchmark the README reports and prints its Performance table: time and allocation per URL,
 * throughput at 1 and 2 threads, and cold start, each with the ratio the targets are stated in.
 *
 * <pre>java -jar presign-benchmarks/target/presign-benchmarks.jar [quick]</pre>
 *
 * {@code quick} shortens every run for a smoke test; its figures are not for the README.
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
    for (RunResult run : run(options(quick).include(bench + "\\.").mode(Mode.AverageTime).addProfiler("gc"))) {
      timeAndAlloc.put(run.getParams().getBenchmark().substring(bench.length() + 1),
          new double[] {run.getPrimaryResult().getScore(), allocation(run)});
    }
    Map<String, Double> throughput = new LinkedHashMap<>();
    for (int threads : new int[] {1, 2}) {
      for (RunResult run : run(options(quick).include(bench + "\\.put_(presign|sdkS3Presigner)$")
          .mode(Mode.Throughput).timeUnit(java.util.concurrent.TimeUnit.SECONDS).threads(threads))) {
        String name = run.getParams().getBenchmark().substring(bench.length() + 1);
        throughput.put(name + "@" + threads, run.getPrimaryResult().getScore());
      }
    }
    double allParts = run(options(quick).include(MultipartBenchmark.class.getName() + "\\."))
        .iterator().next().getPrimaryResult().getScore();
    double presignCold = median(coldStarts("presign", quick ? 2 : COLD_STARTS));
    double sdkCold = median(coldStarts("s3presigner", quick ? 2 : COLD_STARTS));

    System.out.println();
    System.out.println(table(timeAndAlloc, throughput, allParts, presignCold, sdkCold));
  }

  private static ChainedOptionsBuilder options(boolean quick) {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    if (quick) {
      options.warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
          .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
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

  private static List<Double> coldStarts(String contender, int times) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      // Wall time from starting the JVM to reading the line it prints once it holds the URL.
      long start = System.nanoTime();
      Process process = new ProcessBuilder(java, "-cp", classPath, ColdStart.class.getName(), contender)
          .redirectErrorStream(true).start();
      long signedAt = -1;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String table(Map<String, double[]> time, Map<String, Double> throughput, double allPartsMillis,
      double presignCold, double sdkCold) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("Measured ").append(LocalDate.now(ZoneOffset.UTC)).append(" on ").append(machine()).append('\n');
    out.append('\n');
    out.append("| Benchmark | Time per URL | Allocated per URL |\n|---|---:|---:|\n");
    for (Map.Entry<String, double[]> row : time.entrySet()) {
      out.append(String.format(Locale.ROOT, "| %s | %.2f µs | %s |%n", row.getKey(), row.getValue()[0] / 1000,
          bytes(row.getValue()[1])));
    }
    double[] put = time.get("put_presign");
    double[] sdkPut = time.get("put_sdkS3Presigner");
    double[] floor = time.get("cryptoFloor");
    out.append('\n');
    out.append("| Target (presigned PUT) | Goal | Measured |\n|---|---|---:|\n");
    out.append(String.format(Locale.ROOT, "| time per URL | ≤ 1.5 µs | %.2f µs |%n", put[0] / 1000));
    out.append(String.format(Locale.ROOT, "| allocated per URL | ≤ 1.5 KB (1,536 B) | %s |%n", bytes(put[1])));
    out.append(String.format(Locale.ROOT, "| faster than S3Presigner | ≥ 25x | %.1fx |%n", sdkPut[0] / put[0]));
    out.append(String.format(Locale.ROOT, "| less garbage than S3Presigner | ≥ 30x | %.1fx |%n", sdkPut[1] / put[1]));
    out.append(String.format(Locale.ROOT, "| of the crypto floor | ≤ 2.5x | %.2fx |%n", put[0] / floor[0]));
    double[] uri = time.get("uriOfTheSameUrl");
    out.append(String.format(Locale.ROOT, "| of crypto floor + URI.create of the same URL | — | %.2fx (floor %.2f µs + URI %.2f µs, %s) |%n",
        put[0] / (floor[0] + uri[0]), floor[0] / 1000, uri[0] / 1000, bytes(uri[1])));
    double one = throughput.get("put_presign@1");
    double two = throughput.get("put_presign@2");
    out.append(String.format(Locale.ROOT, "| 2 threads vs 1 | ≥ 1.8x | %.2fx (%,.0f → %,.0f URLs/s) |%n", two / one, one, two));
    out.append(String.format(Locale.ROOT, "| cold start to first URL vs S3Presigner | ≥ 5x faster | %.1fx (%.0f ms vs %.0f ms) |%n",
        sdkCold / presignCold, presignCold, sdkCold));
    out.append(String.format(Locale.ROOT, "| every part URL of a 10,000-part upload | ≤ 30 ms | %.1f ms |%n", allPartsMillis));
    out.append(String.format(Locale.ROOT, "%nS3Presigner throughput: %,.0f URLs/s at 1 thread, %,.0f at 2.%n",
        throughput.get("put_sdkS3Presigner@1"), throughput.get("put_sdkS3Presigner@2")));
    return out.toString();
  }

  // Bytes below 10 KiB, so a figure near the 1.5 KB (1,536 B) target reads exactly.
  private static String bytes(double value) {
    return Double.isNaN(value) ? "n/a" : value >= 10 * 1024
        ? String.format(Locale.ROOT, "%.1f KB", value / 1024) : String.format(Locale.ROOT, "%,.0f B", value);
  }

  private static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name");
  }
}
