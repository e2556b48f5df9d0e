package dev.presign.internal.uppy;

import dev.presign.internal.Redact;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One route of Companion's S3 protocol, read from the path below the mount point, with the methods
 * it answers.
 *
 * @param kind which route
 * @param token the upload id (presign's session token), decoded, or empty for the routes without
 *     one
 * @param partNumber the part of {@link Kind#SIGN_PART}, else 0
 */
public record UppyRoute(Kind kind, String token, int partNumber) {
  private static final Pattern PART_NUMBER = Pattern.compile("[1-9][0-9]{0,4}");

  /** The routes. */
  public enum Kind {
    /** {@code /s3/params}: a simple upload's POST form. */
    PARAMS(List.of("GET"), false),
    /** {@code /s3/multipart}: create a multipart upload. */
    CREATE(List.of("POST"), false),
    /** {@code /s3/multipart/{id}}: list the parts, or abort. */
    SESSION(List.of("GET", "DELETE"), true),
    /** {@code /s3/multipart/{id}/{n}}: sign one part. */
    SIGN_PART(List.of("GET"), true),
    /** {@code /s3/multipart/{id}/batch}: sign several parts. */
    BATCH(List.of("GET"), true),
    /** {@code /s3/multipart/{id}/complete}: complete. */
    COMPLETE(List.of("POST"), true);

    @SuppressWarnings(
        "ImmutableEnumChecker") // List.of: unmodifiable; Error Prone only knows Guava's types
    private final List<String> methods;

    private final boolean session;

    Kind(List<String> methods, boolean session) {
      this.methods = methods;
      this.session = session;
    }

    /** {@return whether the route carries an upload id and key} */
    public boolean hasSession() {
      return session;
    }

    /** {@return whether the route reads a JSON body} */
    public boolean takesBody() {
      return this == CREATE || this == COMPLETE;
    }
  }

  /**
   * Reads a route.
   *
   * @param path the path below the mount point, still percent-encoded
   * @return the route
   * @throws UppyError 404 for a path outside the protocol, 400 for a malformed upload id or part
   *     number
   */
  public static UppyRoute parse(String path) {
    if (!path.startsWith("/s3/")) {
      throw notFound(path);
    }
    String[] segments = path.substring(4).split("/", -1);
    if (segments.length == 1 && segments[0].equals("params")) {
      return new UppyRoute(Kind.PARAMS, "", 0);
    }
    if (!segments[0].equals("multipart") || segments.length > 3) {
      throw notFound(path);
    }
    if (segments.length == 1) {
      return new UppyRoute(Kind.CREATE, "", 0);
    }
    String token = decode(segments[1]);
    if (token.isEmpty()) {
      throw UppyError.badRequest("the upload id must not be empty");
    }
    if (segments.length == 2) {
      return new UppyRoute(Kind.SESSION, token, 0);
    }
    return switch (segments[2]) {
      case "complete" -> new UppyRoute(Kind.COMPLETE, token, 0);
      case "batch" -> new UppyRoute(Kind.BATCH, token, 0);
      default -> new UppyRoute(Kind.SIGN_PART, token, partNumber(decode(segments[2])));
    };
  }

  /**
   * Checks the method.
   *
   * @param method the request's method, upper case
   * @throws UppyError 405 with the methods the route answers
   */
  public void requireMethod(String method) {
    if (!kind.methods.contains(method)) {
      String allow = String.join(", ", kind.methods);
      throw UppyError.methodNotAllowed(
          allow,
          "this route answers "
              + String.join(" or ", kind.methods)
              + ", not "
              + Redact.quote(method));
    }
  }

  /**
   * Reads a part number, 1 to 10,000.
   *
   * @param raw the decoded text
   * @return the number
   * @throws UppyError 400 when it is not one
   */
  public static int partNumber(String raw) {
    if (!PART_NUMBER.matcher(raw).matches() || Integer.parseInt(raw) > 10_000) {
      throw UppyError.badRequest("a part number must be between 1 and 10000: " + Redact.quote(raw));
    }
    return Integer.parseInt(raw);
  }

  private static String decode(String segment) {
    try {
      return FormDecoding.segment(segment);
    } catch (IllegalArgumentException e) {
      throw UppyError.badRequest(String.valueOf(e.getMessage()));
    }
  }

  private static UppyError notFound(String path) {
    return UppyError.of(
        404, "NOT_FOUND", "not a route of Uppy's S3 protocol: " + Redact.quote(path));
  }
}
