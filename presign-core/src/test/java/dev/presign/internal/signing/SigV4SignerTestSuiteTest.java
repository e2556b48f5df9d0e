package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The query-string cases of the official SigV4 test suite (awslabs/aws-c-auth,
 * tests/aws-signing-test-suite/v4, Apache-2.0) that apply to S3: single URI encoding, no path
 * normalization, no duplicate header or query names, no multi-line header values. The transcribed
 * data and its provenance are in src/test/resources/sigv4-test-suite (see the README there): most
 * expected canonical requests are a stored revision that predates X-Amz-Expires, with
 * X-Amz-Expires=3600 inserted, and each of them reproduces the X-Amz-Signature of the suite's later
 * signed request, which is asserted too.
 *
 * <p>Left out, with the reason:
 *
 * <ul>
 *   <li>get-header-key-duplicate: the header My-Header1 appears twice; a Map cannot hold that.
 *   <li>get-header-value-order: My-Header1 appears four times; a Map cannot hold that.
 *   <li>get-header-value-multiline: a header value spans several lines.
 *   <li>get-relative-normalized, get-relative-relative-normalized, get-slash-dot-slash-normalized,
 *       get-slash-normalized, get-slash-pointless-dot-normalized, get-slashes-normalized: expect
 *       path normalization, which S3 does not do.
 *   <li>get-vanilla-with-session-token: signs x-amz-security-token as a header (aws-c-auth
 *       behaviour), and its signed request lists SignedHeaders=host and the token twice,
 *       contradicting its canonical request.
 *   <li>post-sts-header-after, post-sts-header-before: sign x-amz-security-token as a header.
 *   <li>post-x-www-form-urlencoded, post-x-www-form-urlencoded-parameters: sign the hash of a form
 *       body; an S3 pre-signed URL never covers a body (UNSIGNED-PAYLOAD).
 *   <li>get-vanilla, get-vanilla-query, get-vanilla-query-order-encoded, get-space-unnormalized,
 *       post-vanilla, post-vanilla-query, post-header-key-case: the snapshot of the suite read
 *       lacks their query-canonical-request.txt or query-signed-request.txt (or has only a revision
 *       without X-Amz-Expires), so there is nothing consistent to transcribe.
 * </ul>
 */
class SigV4SignerTestSuiteTest {
  private static final String DIRECTORY = "/sigv4-test-suite/";

  static Stream<String> suiteCases() {
    return Stream.of(
        "get-header-value-trim",
        "get-relative-relative-unnormalized",
        "get-relative-unnormalized",
        "get-slash-dot-slash-unnormalized",
        "get-slash-pointless-dot-unnormalized",
        "get-slash-unnormalized",
        "get-slashes-unnormalized",
        "get-space-normalized",
        "get-unreserved",
        "get-utf8",
        "get-vanilla-empty-query-key",
        "get-vanilla-query-order-key-case",
        "get-vanilla-query-unreserved",
        "get-vanilla-utf8-query",
        "post-header-key-sort",
        "post-header-value-case",
        "post-unsigned-payload",
        "post-vanilla-empty-query-value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suiteCases")
  void presign_suiteCase_matchesCanonicalRequestAndStringToSign(String name) {
    SuiteCase suiteCase = SuiteCase.load(name);
    SigV4Signer signer =
        new SigV4Signer(
            "us-east-1",
            "service",
            suiteCase.payloadHash,
            new S3Addressing("https", "amazonaws.com", -1, false));

    URI uri = URI.create(signer.presign(suiteCase.request()));
    String[] canonicalRequestAndStringToSign = SigV4Signer.lastCanonicalRequestAndStringToSign();

    assertThat(canonicalRequestAndStringToSign[0])
        .as("canonical request of %s", name)
        .isEqualTo(suiteCase.canonicalRequest);
    assertThat(canonicalRequestAndStringToSign[1])
        .as("string to sign of %s", name)
        .isEqualTo(suiteCase.stringToSign);
    assertThat(uri.getHost()).isEqualTo("example.amazonaws.com");
    if (suiteCase.signature != null) {
      assertThat(signatureOf(uri)).as("X-Amz-Signature of %s", name).isEqualTo(suiteCase.signature);
    }
  }

  private static String signatureOf(URI uri) {
    String query = uri.getRawQuery();
    String marker = "X-Amz-Signature=";
    int start = query.indexOf(marker);
    assertThat(start).as("X-Amz-Signature in %s", uri).isNotNegative();
    int end = query.indexOf('&', start);
    return query.substring(start + marker.length(), end < 0 ? query.length() : end);
  }

  /**
   * One transcribed case: "name: value" fields, then the canonical request, then the string to
   * sign.
   */
  private static final class SuiteCase {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private String payloadHash;
    private String signature;
    private String canonicalRequest;
    private String stringToSign;

    static SuiteCase load(String name) {
      List<String> lines = readLines(DIRECTORY + name + ".txt");
      SuiteCase suiteCase = new SuiteCase();
      int i = 0;
      for (; i < lines.size() && !lines.get(i).equals("--- canonical-request"); i++) {
        String line = lines.get(i);
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = line.substring(0, colon);
        String value = line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        switch (field) {
          case "header" -> {
            int separator = value.indexOf(':');
            suiteCase.headers.put(value.substring(0, separator), value.substring(separator + 1));
          }
          case "query" -> {
            int separator = value.indexOf('=');
            suiteCase.query.put(value.substring(0, separator), value.substring(separator + 1));
          }
          default -> suiteCase.fields.put(field, value);
        }
      }
      int stringToSignStart = lines.indexOf("--- string-to-sign");
      assertThat(i).as("canonical request section of %s", name).isLessThan(lines.size());
      assertThat(stringToSignStart).as("string to sign section of %s", name).isGreaterThan(i);
      suiteCase.canonicalRequest = String.join("\n", lines.subList(i + 1, stringToSignStart));
      suiteCase.stringToSign =
          String.join("\n", lines.subList(stringToSignStart + 1, lines.size()));
      suiteCase.payloadHash = suiteCase.fields.get("payloadHash");
      suiteCase.signature = suiteCase.fields.get("signature");
      return suiteCase;
    }

    SigningRequest request() {
      String token = fields.get("sessionToken");
      AwsCredentialsIdentity credentials =
          token == null
              ? AwsBasicCredentials.create(fields.get("accessKeyId"), fields.get("secretAccessKey"))
              : AwsSessionCredentials.create(
                  fields.get("accessKeyId"), fields.get("secretAccessKey"), token);
      return new SigningRequest(
          fields.get("method"),
          fields.get("bucket"),
          fields.get("key"),
          headers,
          query,
          Instant.parse(fields.get("timestamp")).getEpochSecond(),
          Long.parseLong(fields.get("expires")),
          credentials);
    }

    private static List<String> readLines(String resource) {
      try (InputStream in = SigV4SignerTestSuiteTest.class.getResourceAsStream(resource)) {
        assertThat(in).as("test resource %s", resource).isNotNull();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
          }
        }
        return lines;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
