package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.testing.StoreSuite;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uppy's S3 protocol through {@link UppyS3Handler} against a signature-checking store, each request
 * sent as {@code @uppy/aws-s3} sends it: the simple upload as a POST form, multipart parts as raw
 * PUTs whose ETag header is read, then list, complete and abort. Refusals assert what the store
 * holds afterwards.
 */
class UppyStoreTest extends StoreSuite {
  private static final int MIB = 1024 * 1024;
  private static final byte[] SESSION_KEY =
      "uppy-store-test-session-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TICKET_KEY =
      "uppy-store-test-ticket-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern STRING =
      Pattern.compile("\"([A-Za-z-]+)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private UploadUrlIssuer issuer;
  private MultipartUploads multipart;
  private UppyS3Handler uppy;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "video/mp4")
                    .maxSize(1L << 30)
                    .build())
            .keyStrategy(KeyStrategy.uuid("uppy/"))
            .build();
    multipart =
        MultipartUploads.builder().issuer(issuer).sessionKey(SESSION_KEY).partSize(5 * MIB).build();
    uppy = UppyS3Handler.builder().issuer(issuer).multipart(multipart).build();
  }

  @AfterEach
  void tearDown() {
    multipart.close();
  }

  @Test
  void params_thenThePostForm_storesTheFileUnderTheAnsweredKey() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    UppyS3Handler.Response params =
        send(
            uppy,
            "GET",
            "/s3/params",
            "filename=cat.png&type=image%2Fpng&metadata%5Bname%5D=cat.png&metadata%5BrelativePath%5D=null",
            "");
    assertThat(params.status()).as(params.json()).isEqualTo(200);
    Map<String, String> fields = fields(params.json());

    HttpResponse<String> post = postForm(string(params.json(), "url"), fields, png, "image/png");

    assertThat(post.statusCode()).as(post.body()).isBetween(200, 299);
    assertThat(fields.get("key")).startsWith("uppy/").endsWith(".png");
    assertThat(store.keys()).containsExactly(fields.get("key"));
    assertThat(store.bytes(fields.get("key"))).isEqualTo(png);
  }

  @Test
  void params_refusedType_answersTheMessageAndNothingIsSigned() {
    UppyS3Handler.Response r =
        send(uppy, "GET", "/s3/params", "filename=x.html&type=text%2Fhtml", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("\"reason\":\"CONTENT_TYPE_NOT_ALLOWED\"", "text/html");
    assertThat(r.statusText()).contains("text/html");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_threePartsListedAfterAPauseThenCompleted_storesTheSameBytes() throws Exception {
    byte[] film = new byte[2 * 5 * MIB + 4321];
    new Random(16).nextBytes(film);
    UppyS3Handler.Response created =
        send(
            uppy,
            "POST",
            "/s3/multipart",
            null,
            "{\"filename\":\"film.mp4\",\"metadata\":{\"name\":\"film.mp4\",\"size\":"
                + film.length
                + ",\"relativePath\":null},\"type\":\"video/mp4\"}");
    assertThat(created.status()).as(created.json()).isEqualTo(200);
    String uploadId = string(created.json(), "uploadId");
    String key = string(created.json(), "key");
    String base = "/s3/multipart/" + URLEncoder.encode(uploadId, StandardCharsets.UTF_8);
    String keyQuery = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);

    String etag1 = putPart(base, keyQuery, 1, film);
    // paused here: Uppy resumes by listing what S3 holds
    UppyS3Handler.Response listed = send(uppy, "GET", base, keyQuery, "");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json())
        .isEqualTo(
            "[{\"PartNumber\":1,\"ETag\":\"\\\"" + etag1 + "\\\"\",\"Size\":" + 5 * MIB + "}]");
    String etag2 = putPart(base, keyQuery, 2, film);
    String etag3 = putPart(base, keyQuery, 3, film);
    UppyS3Handler.Response done =
        send(
            uppy,
            "POST",
            base + "/complete",
            keyQuery,
            "{\"parts\":["
                + "{\"PartNumber\":1,\"ETag\":\"\\\""
                + etag1
                + "\\\"\"},{\"PartNumber\":2,\"ETag\":\""
                + etag2
                + "\"},"
                + "{\"PartNumber\":3,\"ETag\":\""
                + etag3
                + "\"}]}");

    assertThat(done.status()).as(done.json()).isEqualTo(200);
    assertThat(string(done.json(), "key")).isEqualTo(key);
    assertThat(string(done.json(), "location")).endsWith(key).doesNotContain("?");
    assertThat(store.keys()).containsExactly(key);
    assertThat(store.bytes(key)).isEqualTo(film);
    assertThat(store.object(key).contentType()).hasValue("video/mp4");
  }

  @Test
  void multipart_keyOfAnotherUpload_isRefusedAndNothingIsStored() throws Exception {
    byte[] film = new byte[5 * MIB + 10];
    UppyS3Handler.Response mine =
        send(
            uppy,
            "POST",
            "/s3/multipart",
            null,
            "{\"filename\":\"a.mp4\",\"metadata\":{\"size\":"
                + film.length
                + "},\"type\":\"video/mp4\"}");
    UppyS3Handler.Response theirs =
        send(
            uppy,
            "POST",
            "/s3/multipart",
            null,
            "{\"filename\":\"b.mp4\",\"metadata\":{\"size\":"
                + film.length
                + "},\"type\":\"video/mp4\"}");
    String myBase =
        "/s3/multipart/"
            + URLEncoder.encode(string(mine.json(), "uploadId"), StandardCharsets.UTF_8);
    String theirKey =
        "key=" + URLEncoder.encode(string(theirs.json(), "key"), StandardCharsets.UTF_8);

    UppyS3Handler.Response sign = send(uppy, "GET", myBase + "/1", theirKey, "");
    UppyS3Handler.Response abort = send(uppy, "DELETE", myBase, theirKey, "");
    UppyS3Handler.Response forged =
        send(
            uppy,
            "GET",
            "/s3/multipart/" + "x" + string(mine.json(), "uploadId") + "/1",
            "key=" + URLEncoder.encode(string(mine.json(), "key"), StandardCharsets.UTF_8),
            "");

    assertThat(sign.status()).isEqualTo(400);
    assertThat(sign.json()).contains("SESSION_INVALID", "not the key of this upload");
    assertThat(abort.status()).isEqualTo(400);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json()).contains("SESSION_INVALID");
    assertThat(store.multipartUploads()).hasSize(2);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_abort_leavesNothingAndListingAfterwardsIsNotFound() throws Exception {
    byte[] film = new byte[5 * MIB + 10];
    UppyS3Handler.Response created =
        send(
            uppy,
            "POST",
            "/s3/multipart",
            null,
            "{\"filename\":\"a.mp4\",\"metadata\":{\"size\":\""
                + film.length
                + "\"},\"type\":\"video/mp4\"}");
    String base =
        "/s3/multipart/"
            + URLEncoder.encode(string(created.json(), "uploadId"), StandardCharsets.UTF_8);
    String keyQuery =
        "key=" + URLEncoder.encode(string(created.json(), "key"), StandardCharsets.UTF_8);
    putPart(base, keyQuery, 2, film);

    UppyS3Handler.Response abort = send(uppy, "DELETE", base, keyQuery, "");

    assertThat(abort.status()).isEqualTo(200);
    assertThat(abort.json()).isEqualTo("{}");
    assertThat(store.multipartUploads()).isEmpty();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_withAVerifier_notAVideo_is422AndQuarantined() throws Exception {
    try (UploadVerifier verifier =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(
                "uppy-store-test-ticket-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
            .build()) {
      UppyS3Handler verifying =
          UppyS3Handler.builder().multipart(multipart).verifier(verifier).build();
      byte[] html = new byte[5 * MIB + 10];
      byte[] script = "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(script, 0, html, 0, script.length);
      Arrays.fill(html, script.length, html.length, (byte) ' ');
      UppyS3Handler.Response created =
          send(
              verifying,
              "POST",
              "/s3/multipart",
              null,
              "{\"filename\":\"a.mp4\",\"metadata\":{\"size\":"
                  + html.length
                  + "},\"type\":\"video/mp4\"}");
      String base =
          "/s3/multipart/"
              + URLEncoder.encode(string(created.json(), "uploadId"), StandardCharsets.UTF_8);
      String key = string(created.json(), "key");
      String keyQuery = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
      String etag1 = putPart(base, keyQuery, 1, html);
      String etag2 = putPart(base, keyQuery, 2, html);

      UppyS3Handler.Response done =
          send(
              verifying,
              "POST",
              base + "/complete",
              keyQuery,
              "{\"parts\":["
                  + "{\"PartNumber\":1,\"ETag\":\""
                  + etag1
                  + "\"},{\"PartNumber\":2,\"ETag\":\""
                  + etag2
                  + "\"}]}");

      assertThat(done.status()).isEqualTo(422);
      assertThat(done.json()).contains("\"reason\":\"VERIFICATION_FAILED\"", "CONTENT");
      assertThat(done.statusText()).startsWith("The file did not pass the checks: ");
      assertThat(store.exists(key)).isFalse();
      assertThat(store.keys()).singleElement().asString().startsWith("quarantine/");
    }
  }

  @Test
  void multipart_completionRetriedAfterS3Completed_isVerifiedAndAnsweredAgain() throws Exception {
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(TICKET_KEY).checkContent(false).build()) {
      UppyS3Handler verifying = uppy.toBuilder().verifier(verifier).build();
      byte[] film = new byte[5 * MIB + 10];
      new Random(7).nextBytes(film);
      String[] upload = createAndPut(verifying, film);
      String parts = partsJson(upload, 2);
      // The first answer is lost (say a proxy timed out) after S3 assembled the object; Uppy
      // retries.
      UppyS3Handler.Response first = send(uppy, "POST", upload[0] + "/complete", upload[1], parts);
      assertThat(first.status()).as(first.json()).isEqualTo(200);

      UppyS3Handler.Response retried =
          send(verifying, "POST", upload[0] + "/complete", upload[1], parts);

      assertThat(retried.status()).as(retried.json()).isEqualTo(200);
      assertThat(string(retried.json(), "key")).isEqualTo(upload[2]);
      assertThat(string(retried.json(), "etag")).isEqualTo(string(first.json(), "etag"));
      assertThat(store.keys()).containsExactly(upload[2]);
    }
  }

  @Test
  void multipart_completionOfAnAbortedUpload_isNotFoundAndNothingIsStored() throws Exception {
    byte[] film = new byte[5 * MIB + 10];
    String[] upload = createAndPut(uppy, film);
    assertThat(send(uppy, "DELETE", upload[0], upload[1], null).status()).isEqualTo(200);

    UppyS3Handler.Response done =
        send(uppy, "POST", upload[0] + "/complete", upload[1], partsJson(upload, 2));

    // AWS and RGW: NoSuchUpload, 404; S3Proxy lists no parts of a forgotten upload, 400
    // PARTS_INVALID.
    assertThat(done.status()).as(done.json()).isIn(400, 404);
    assertThat(done.json())
        .containsAnyOf("\"reason\":\"NOT_FOUND\"}", "\"reason\":\"PARTS_INVALID\"}");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void multipart_withPromotion_answersThePromotedKeyAndAnUnsignedLocation() throws Exception {
    UploadUrlIssuer staging = issuer.toBuilder().keyStrategy(KeyStrategy.uuid("staging/")).build();
    try (MultipartUploads mp =
            MultipartUploads.builder()
                .issuer(staging)
                .sessionKey(SESSION_KEY)
                .partSize(5 * MIB)
                .build();
        UploadVerifier verifier =
            UploadVerifier.builder()
                .issuer(staging)
                .ticketKey(TICKET_KEY)
                .checkContent(false)
                .promoteOnPass("staging/", "files/")
                .build()) {
      UppyS3Handler promoting = UppyS3Handler.builder().multipart(mp).verifier(verifier).build();
      byte[] film = new byte[5 * MIB + 10];
      new Random(8).nextBytes(film);
      String[] upload = createAndPut(promoting, film);

      UppyS3Handler.Response done =
          send(promoting, "POST", upload[0] + "/complete", upload[1], partsJson(upload, 2));

      assertThat(done.status()).as(done.json()).isEqualTo(200);
      String key = string(done.json(), "key");
      assertThat(key).startsWith("files/");
      assertThat(string(done.json(), "location")).endsWith("/" + key).doesNotContain("?", "X-Amz");
      assertThat(store.keys()).containsExactly(key);
      assertThat(store.bytes(key)).isEqualTo(film);
    }
  }

  @Test
  void params_withAVerifier_isRefusedAndNothingIsSigned() {
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(TICKET_KEY).build()) {
      UppyS3Handler verifying = uppy.toBuilder().verifier(verifier).build();

      UppyS3Handler.Response r =
          send(verifying, "GET", "/s3/params", "filename=a.mp4&type=video%2Fmp4", null);

      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json()).endsWith("\"reason\":\"MULTIPART_REQUIRED\"}");
      assertThat(store.keys()).isEmpty();
    }
  }

  @Test
  void multipart_onePartOfHtmlSentAsVideo_isVerifiedAnd422() throws Exception {
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(TICKET_KEY).build()) {
      UppyS3Handler verifying = uppy.toBuilder().verifier(verifier).build();
      byte[] html =
          "<html><script>alert(1)</script></html>".repeat(3).getBytes(StandardCharsets.US_ASCII);
      String[] upload = createAndPut(verifying, html);

      UppyS3Handler.Response done =
          send(verifying, "POST", upload[0] + "/complete", upload[1], partsJson(upload, 1));

      assertThat(done.status()).as(done.json()).isEqualTo(422);
      assertThat(done.json())
          .contains("did not pass the checks: CONTENT")
          .endsWith("\"reason\":\"VERIFICATION_FAILED\"}");
      assertThat(store.exists(upload[2])).isFalse();
      assertThat(store.keys()).singleElement().asString().startsWith("quarantine/");
    }
  }

  // {base path, key query, key, etag1, etag2, ...}
  private String[] createAndPut(UppyS3Handler handler, byte[] file) throws Exception {
    UppyS3Handler.Response created =
        send(
            handler,
            "POST",
            "/s3/multipart",
            null,
            "{\"filename\":\"a.mp4\",\"metadata\":{\"size\":"
                + file.length
                + "},\"type\":\"video/mp4\"}");
    assertThat(created.status()).as(created.json()).isEqualTo(200);
    String base =
        "/s3/multipart/"
            + URLEncoder.encode(string(created.json(), "uploadId"), StandardCharsets.UTF_8);
    String key = string(created.json(), "key");
    String keyQuery = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    int parts = (file.length + 5 * MIB - 1) / (5 * MIB);
    String[] out = new String[3 + parts];
    out[0] = base;
    out[1] = keyQuery;
    out[2] = key;
    for (int n = 1; n <= parts; n++) {
      out[2 + n] = putPart(handler, base, keyQuery, n, file);
    }
    return out;
  }

  private static String partsJson(String[] upload, int parts) {
    StringBuilder json = new StringBuilder("{\"parts\":[");
    for (int n = 1; n <= parts; n++) {
      json.append(n == 1 ? "" : ",")
          .append("{\"PartNumber\":")
          .append(n)
          .append(",\"ETag\":\"")
          .append(upload[2 + n])
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  private static UppyS3Handler.Response send(
      UppyS3Handler h, String method, String path, String query, String body) {
    return h.handle(
        method,
        path,
        query,
        "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private String putPart(String base, String keyQuery, int partNumber, byte[] file)
      throws Exception {
    return putPart(uppy, base, keyQuery, partNumber, file);
  }

  private String putPart(
      UppyS3Handler handler, String base, String keyQuery, int partNumber, byte[] file)
      throws Exception {
    UppyS3Handler.Response signed = send(handler, "GET", base + "/" + partNumber, keyQuery, "");
    assertThat(signed.status()).as(signed.json()).isEqualTo(200);
    int from = (partNumber - 1) * 5 * MIB;
    int to = Math.min(file.length, from + 5 * MIB);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(string(signed.json(), "url")))
                .PUT(BodyPublishers.ofByteArray(file, from, to - from))
                .build(),
            BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return put.headers().firstValue("ETag").orElseThrow().replaceAll("^\"+|\"+$", "");
  }

  private HttpResponse<String> postForm(
      String url, Map<String, String> fields, byte[] file, String type) throws Exception {
    String boundary = "uppyStoreTestBoundary7";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\n"
                + "Content-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        BodyHandlers.ofString());
  }

  private static String string(String json, String name) {
    Matcher m = STRING.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2)
            .replace("\\\"", "\"")
            .replace("\\u003c", "<")
            .replace("\\u003e", ">")
            .replace("\\u0026", "&");
      }
    }
    throw new AssertionError("no string " + name + " in " + json);
  }

  private static Map<String, String> fields(String json) {
    String inner = json.substring(json.indexOf("\"fields\":{") + 10, json.indexOf("},\"expires\""));
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = STRING.matcher(inner);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
      seen.add(m.group(1));
    }
    assertThat(seen).contains("key", "Content-Type", "policy", "x-amz-signature");
    return fields;
  }
}
