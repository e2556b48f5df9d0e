package dev.presign.examples.demo;

import dev.presign.InvalidRequestException;
import dev.presign.MultipartUploads;
import dev.presign.UploadUrlIssuer;
import dev.presign.UppyS3Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.jspecify.annotations.Nullable;

/**
 * The demo's second page: Uppy's Dashboard with its unchanged S3 plugin ({@code @uppy/aws-s3}, from
 * the {@code uppy} npm bundle the build unpacks into the classes) against presign's {@link
 * UppyS3Handler}. {@code GET /uppy} is the page, {@code /uppy/uppy.min.js} and {@code .css} the
 * bundle, {@code /uppy/s3/...} Uppy Companion's S3 routes; every other path goes to the handler
 * this one wraps.
 */
final class UppyRoutes extends Handler.Wrapper {
  /** Where the routes live; the page gives Uppy this as its {@code companionEndpoint}. */
  static final String MOUNT = "/uppy";

  private static final int MAX_BODY = UppyS3Handler.MAX_BODY;

  private final UppyS3Handler handler;
  private final long multipartThreshold;

  UppyRoutes(
      UploadUrlIssuer issuer,
      MultipartUploads multipart,
      long multipartThreshold,
      Function<InvalidRequestException, String> endUserMessage,
      Handler others) {
    super(others);
    this.handler =
        UppyS3Handler.builder()
            .issuer(issuer)
            .multipart(multipart)
            .errorMessage(endUserMessage)
            .build();
    this.multipartThreshold = multipartThreshold;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String decoded = request.getHttpURI().getDecodedPath();
    if (decoded == null || !(decoded.equals(MOUNT) || decoded.startsWith(MOUNT + "/"))) {
      return super.handle(request, response, callback);
    }
    String method = request.getMethod();
    if (decoded.equals(MOUNT) && method.equals("GET")) {
      send(response, callback, 200, "text/html; charset=utf-8", page());
    } else if (decoded.equals(MOUNT + "/uppy.min.js") && method.equals("GET")) {
      bundle(response, callback, "uppy/uppy.min.js", "text/javascript; charset=utf-8");
    } else if (decoded.equals(MOUNT + "/uppy.min.css") && method.equals("GET")) {
      bundle(response, callback, "uppy/uppy.min.css", "text/css; charset=utf-8");
    } else if (request.getLength() > 0
        || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
      // As the demo's other routes: the body arrives without holding a thread, then the store may
      // be waited on.
      Content.Source.asByteArrayAsync(
          request,
          MAX_BODY,
          Promise.Invocable.from(
              InvocationType.BLOCKING,
              (body, failed) -> {
                // Whatever happens here, the callback completes: Jetty would otherwise hold the
                // exchange open.
                try {
                  if (failed != null) {
                    Response.writeError(
                        request, response, callback, 400, "the request body could not be read");
                  } else {
                    protocol(request, response, callback, body);
                  }
                } catch (RuntimeException e) {
                  callback.failed(e);
                }
              }));
    } else {
      protocol(request, response, callback, null);
    }
    return true;
  }

  private void protocol(
      Request request, Response response, Callback callback, byte @Nullable [] body) {
    String raw = request.getHttpURI().getPath();
    UppyS3Handler.Response r =
        handler.handle(
            request.getMethod(),
            raw.substring(Math.min(raw.length(), MOUNT.length())),
            request.getHttpURI().getQuery(),
            request.getHeaders().get(HttpHeader.CONTENT_TYPE),
            body);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (!r.allow().isEmpty()) {
      response.getHeaders().put(HttpHeader.ALLOW, r.allow());
    }
    send(response, callback, r.status(), Routes.JSON, r.json().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] page() throws IOException {
    String html;
    try (InputStream in = UppyRoutes.class.getResourceAsStream("uppy.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return html.replace(
            "MULTIPART_MIB", String.format(Locale.ROOT, "%.0f MiB", multipartThreshold / 1048576.0))
        .replace("MULTIPART_THRESHOLD", Long.toString(multipartThreshold))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void bundle(Response response, Callback callback, String resource, String type)
      throws IOException {
    try (InputStream in = UppyRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        send(
            response,
            callback,
            404,
            "text/plain; charset=utf-8",
            "Uppy's bundle is missing: build with mvn package".getBytes(StandardCharsets.UTF_8));
        return;
      }
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=86400");
      send(response, callback, 200, type, in.readAllBytes());
    }
  }

  private static void send(
      Response response, Callback callback, int status, String type, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    if (type.startsWith("text/html")) {
      response
          .getHeaders()
          .put(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                  + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                  + "connect-src 'self' http://127.0.0.1:* http://localhost:* https:");
    }
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
