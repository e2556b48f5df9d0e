package dev.presign.test;

import dev.presign.MultipartSession;
import dev.presign.PresignedDownload;
import dev.presign.PresignedPart;
import dev.presign.PresignedPost;
import dev.presign.PresignedUpload;
import dev.presign.UploadedPart;
import dev.presign.test.internal.PresignedUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends what a browser or a mobile app sends with presign's results, over {@code java.net.http}:
 * only headers a browser's {@code fetch} may set (never a hand-set Content-Length or Host: the
 * client sets them from the body and the URL), POST forms as {@code multipart/form-data} with the
 * file last, and multipart parts with their ETags collected. Every answer is a {@link
 * StoreResponse} with S3's status, error code and message.
 *
 * <pre>{@code
 * StoreResponse put = store.client().put(upload, bytes);
 * StoreResponse wrongType = store.client().put(upload, bytes, Map.of("Content-Type", "text/html"));
 * StoreResponse form = store.client().post(post, bytes);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class UploadClient {
  /** Headers the Fetch standard forbids scripts to set (and java.net.http refuses), lower case. */
  private static final Set<String> FORBIDDEN =
      Set.of(
          "accept-charset",
          "accept-encoding",
          "access-control-request-headers",
          "access-control-request-method",
          "connection",
          "content-length",
          "cookie",
          "cookie2",
          "date",
          "dnt",
          "expect",
          "host",
          "keep-alive",
          "origin",
          "referer",
          "set-cookie",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "via");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http;

  UploadClient(HttpClient http) {
    this.http = http;
  }

  /**
   * A client over any {@code HttpClient}, for stores the kit did not start.
   *
   * @param http the client to send with
   * @return the upload client
   */
  public static UploadClient over(HttpClient http) {
    return new UploadClient(Objects.requireNonNull(http, "http"));
  }

  /**
   * PUTs a file the way a browser does: the upload's method and URL, every header in {@code
   * upload.headers()} that a browser may set, and the body (its length set by the client).
   *
   * @param upload the issued upload
   * @param body the file's bytes
   * @return the store's answer
   */
  public StoreResponse put(PresignedUpload upload, byte[] body) {
    Objects.requireNonNull(upload, "upload");
    return send(upload.method(), upload.url(), upload.headers(), body);
  }

  /**
   * PUTs with exactly these headers instead of the issued ones, for a client that gets them wrong.
   *
   * @param upload the issued upload
   * @param body the bytes
   * @param headers the headers to send (those a browser may not set are left out)
   * @return the store's answer
   */
  public StoreResponse put(PresignedUpload upload, byte[] body, Map<String, String> headers) {
    Objects.requireNonNull(upload, "upload");
    return send(upload.method(), upload.url(), headers, body);
  }

  /**
   * Submits a POST form the way a browser does: every field of {@code post.fields()} in order, then
   * the file.
   *
   * @param post the issued form
   * @param file the file's bytes
   * @return the store's answer
   */
  public StoreResponse post(PresignedPost post, byte[] file) {
    Objects.requireNonNull(post, "post");
    return post(post, post.fields(), file);
  }

  /**
   * Submits a POST form with these fields instead of the issued ones (edited, added or left out),
   * then the file. The file part's own Content-Type is the form's {@code Content-Type} field, as a
   * browser sends the type of the picked file.
   *
   * @param post the issued form
   * @param fields the fields, in order
   * @param file the file's bytes
   * @return the store's answer
   */
  public StoreResponse post(PresignedPost post, Map<String, String> fields, byte[] file) {
    return post(post, fields, "upload", file);
  }

  /**
   * Submits a POST form with these fields and a file of this name, as a browser sends a picked
   * file.
   *
   * @param post the issued form
   * @param fields the fields, in order
   * @param fileName the picked file's name (what a {@code ${filename}} key condition would see)
   * @param file the file's bytes
   * @return the store's answer
   */
  public StoreResponse post(
      PresignedPost post, Map<String, String> fields, String fileName, byte[] file) {
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(file, "file");
    String boundary = "----presignTestBoundary" + HexFormat.of().formatHex(randomBytes());
    ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 2048);
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + formName(name)
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    String fileType =
        fields.entrySet().stream()
            .filter(field -> field.getKey().equalsIgnoreCase("Content-Type"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("application/octet-stream");
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + formName(fileName)
                + "\"\r\n"
                + "Content-Type: "
                + fileType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        "POST",
        post.url(),
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary),
        body.toByteArray());
  }

  /**
   * PUTs one part, as Uppy or a mobile app does: the raw bytes, no Content-Type.
   *
   * @param part the part URL
   * @param bytes the part's bytes
   * @return the store's answer; its ETag header is what completion needs
   */
  public StoreResponse putPart(PresignedPart part, byte[] bytes) {
    Objects.requireNonNull(part, "part");
    return send("PUT", part.url(), Map.of(), bytes);
  }

  /**
   * PUTs each part's slice of a whole file and collects the ETags for completion.
   *
   * @param session the multipart session (its part size places each slice)
   * @param parts the part URLs to send, in any order
   * @param file the whole file
   * @return the uploaded parts, in the order given
   * @throws AssertionError when the store refuses a part, with its status and error code
   */
  public List<UploadedPart> putParts(
      MultipartSession session, List<PresignedPart> parts, byte[] file) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(parts, "parts");
    Objects.requireNonNull(file, "file");
    if (file.length != session.totalSize()) {
      throw new IllegalArgumentException(
          "file must have the session's size, " + session.totalSize() + " bytes: " + file.length);
    }
    List<UploadedPart> uploaded = new ArrayList<>(parts.size());
    for (PresignedPart part : parts) {
      long from = (part.partNumber() - 1) * session.partSize();
      byte[] slice =
          Arrays.copyOfRange(file, Math.toIntExact(from), Math.toIntExact(from + part.size()));
      StoreResponse response = putPart(part, slice);
      if (!response.isSuccessful() || response.header("ETag").isEmpty()) {
        throw new AssertionError("part " + part.partNumber() + " was refused: " + response);
      }
      uploaded.add(UploadedPart.of(part.partNumber(), response.header("ETag").orElseThrow()));
    }
    return List.copyOf(uploaded);
  }

  /**
   * GETs (or HEADs) a download URL.
   *
   * @param download the issued download
   * @return the store's answer, with the object's bytes on success
   */
  public StoreResponse get(PresignedDownload download) {
    Objects.requireNonNull(download, "download");
    return send(download.method(), download.url(), Map.of(), new byte[0]);
  }

  /**
   * Sends any request, leaving out headers a browser may not set.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param headers the headers
   * @param body the body, empty for none
   * @return the store's answer
   */
  public StoreResponse send(String method, String url, Map<String, String> headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    String upper = method.toUpperCase(Locale.ROOT);
    HttpRequest.BodyPublisher publisher =
        body.length == 0 && (upper.equals("GET") || upper.equals("HEAD"))
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the whole URL, signature included.
      throw new IllegalArgumentException(
          "url must be a valid URL: " + PresignedUrl.beforeQuery(url));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(upper, publisher);
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!FORBIDDEN.contains(lower)
              && !lower.startsWith("proxy-")
              && !lower.startsWith("sec-")) {
            request.header(name, value);
          }
        });
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new StoreResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(upper + " to the store failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + upper, e);
    }
  }

  /** A name in a form-data header, escaped as browsers do (HTML's multipart/form-data encoding). */
  private static String formName(String name) {
    return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
