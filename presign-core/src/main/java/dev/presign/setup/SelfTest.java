package dev.presign.setup;

import dev.presign.KeyStrategy;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.IssuerAccess;
import dev.presign.internal.Require;
import dev.presign.internal.verify.Prefixes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks an issuer's settings against the real store: a tiny PUT, GET and DELETE through pre-signed
 * URLs, as a client would send them, with a report of what worked. Run it at start-up or from a
 * health check to catch wrong credentials, a wrong region or endpoint, or a bucket policy that
 * forbids writes, before a user's upload does.
 *
 * <pre>{@code
 * SelfTest.Report report = SelfTest.run(issuer);
 * if (!report.passed()) log.error("storage is not usable: {}", report);
 * }</pre>
 *
 * <p>It writes one small object under {@code presign-self-test/} (outside the policy and key
 * strategy) and deletes it again. Messages carry S3's error codes, never the signed URLs.
 *
 * <p>It sends its requests with the JDK's {@code java.net.http} client, which presign's module
 * needs only here ({@code requires static}): a named module that runs the self-test says {@code
 * requires java.net.http;} itself (or the application is started with {@code --add-modules
 * java.net.http}). On the class path nothing is needed. Stateless and thread-safe.
 */
public final class SelfTest {
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String PREFIX = "presign-self-test/";

  private SelfTest() {}

  /**
   * One step of the round trip.
   *
   * @param name PUT, GET or DELETE
   * @param passed whether it did what it should
   * @param detail the HTTP status and S3's error code, or what went wrong
   */
  public record Step(String name, boolean passed, String detail) {
    /**
     * Creates the value.
     *
     * @param name the step
     * @param passed whether it passed
     * @param detail what happened
     */
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * What the round trip found.
   *
   * @param key the object key the test used
   * @param steps every step in order; a step after a failed PUT is not tried
   */
  public record Report(String key, List<Step> steps) {
    /**
     * Creates the value; the steps are copied.
     *
     * @param key the key used
     * @param steps the steps
     */
    public Report {
      Objects.requireNonNull(key, "key");
      steps = List.copyOf(steps);
    }

    /** {@return whether PUT, GET and DELETE all worked} */
    public boolean passed() {
      return steps.size() == 3 && steps.stream().allMatch(Step::passed);
    }
  }

  /**
   * Runs the round trip with a new HTTP client.
   *
   * @param issuer the issuer to check
   * @return the report
   * @throws IllegalStateException when the issuer's key strategy can produce keys under {@code
   *     presign-self-test/} ({@link KeyStrategy#mayProduceKeyStartingWith(String)}), or when
   *     presign runs as a named module and {@code java.net.http} is not in the module graph
   */
  public static Report run(UploadUrlIssuer issuer) {
    requireHttpModule();
    return run(issuer, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /**
   * Runs the round trip with the given HTTP client.
   *
   * @param issuer the issuer to check
   * @param http the client to send the requests with
   * @return the report
   * @throws IllegalStateException when the issuer's key strategy can produce keys under {@code
   *     presign-self-test/} ({@link KeyStrategy#mayProduceKeyStartingWith(String)})
   */
  public static Report run(UploadUrlIssuer issuer, HttpClient http) {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(http, "http");
    IssuerAccess access = IssuerAccess.get();
    Prefixes.requireReserved(issuer.keyStrategy(), "the self-test's prefix", PREFIX);
    String key = PREFIX + UUID.randomUUID() + ".txt";
    byte[] body = ("presign self-test " + key).getBytes(StandardCharsets.UTF_8);
    List<Step> steps = new ArrayList<>(3);

    // The policy's own object attributes too: a bucket that requires SSE-KMS refuses a PUT without
    // them.
    String[] attributes =
        access.attributeEntries(
            issuer, UploadRequest.of("self-test.txt", "text/plain", body.length));
    HeaderMap signed =
        HeaderMap.of("Content-Type", "text/plain", "Content-Length", Integer.toString(body.length));
    URI put =
        URI.create(
            access
                .connection(issuer)
                .signRaw("PUT", key, attributes == null ? signed : signed.plus(attributes)));
    HttpRequest.Builder putRequest =
        HttpRequest.newBuilder(put).header("Content-Type", "text/plain");
    for (int i = 0; attributes != null && i < attributes.length; i += 2) {
      putRequest.header(attributes[i], attributes[i + 1]);
    }
    Step putStep =
        step(
            "PUT",
            http,
            putRequest.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            null);
    steps.add(putStep);
    if (!putStep.passed()) {
      return new Report(key, steps);
    }
    URI get = URI.create(access.connection(issuer).signRaw("GET", key, HeaderMap.of()));
    steps.add(step("GET", http, HttpRequest.newBuilder(get).GET().build(), body));
    URI delete = URI.create(access.connection(issuer).signRaw("DELETE", key, HeaderMap.of()));
    steps.add(step("DELETE", http, HttpRequest.newBuilder(delete).DELETE().build(), null));
    return new Report(key, steps);
  }

  // Without this, the first use of HttpClient would fail with a NoClassDefFoundError that names no
  // cause.
  private static void requireHttpModule() {
    Module presign = SelfTest.class.getModule();
    ModuleLayer layer = presign.getLayer();
    Require.state(
        !presign.isNamed() || layer == null || layer.findModule("java.net.http").isPresent(),
        "SelfTest sends its requests with java.net.http, which is not in the module graph: add"
            + " 'requires java.net.http;' to your module-info, or start with --add-modules java.net.http",
        presign);
  }

  private static Step step(
      String name, HttpClient http, HttpRequest request, byte @Nullable [] expectedBody) {
    try {
      // A store that accepts the connection but never answers must not hang a health check.
      HttpRequest bounded =
          HttpRequest.newBuilder(request, (header, value) -> true).timeout(TIMEOUT).build();
      HttpResponse<byte[]> response = http.send(bounded, HttpResponse.BodyHandlers.ofByteArray());
      int status = response.statusCode();
      if (status / 100 != 2) {
        Matcher code = ERROR_CODE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        return new Step(name, false, "HTTP " + status + (code.find() ? " " + code.group(1) : ""));
      }
      if (expectedBody != null && !Arrays.equals(expectedBody, response.body())) {
        return new Step(name, false, "HTTP " + status + " but other bytes came back");
      }
      return new Step(name, true, "HTTP " + status);
    } catch (IOException e) {
      return new Step(name, false, "could not reach the store: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Step(name, false, "interrupted");
    }
  }
}
