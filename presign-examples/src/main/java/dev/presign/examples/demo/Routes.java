package dev.presign.examples.demo;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.jspecify.annotations.Nullable;

/**
 * The demo's HTTP layer on Jetty's core API (no servlets): a table of routes, each a method and an
 * exact path, and the JSON error {@code {"error","reason"}} for every request no route answers,
 * down to request lines and headers Jetty refuses before any route runs ({@link JsonErrors}).
 */
final class Routes extends Handler.Abstract {
  static final String JSON = "application/json; charset=utf-8";
  // An echoed path is cut here: enough to recognize a typo, not a way to make the server repeat a
  // payload.
  private static final int MAX_ECHOED_PATH = 100;

  /** Answers one request, or throws for the failure handler to answer. */
  @FunctionalInterface
  interface Route {
    void answer(Exchange exchange) throws Exception;
  }

  /** Answers a request whose route threw. */
  @FunctionalInterface
  interface Failure {
    void answer(Exchange exchange, Exception failure) throws IOException;
  }

  private final Map<String, Map<String, Route>> byPath = new LinkedHashMap<>();
  private final int maxBody;
  private final Failure failure;

  Routes(int maxBody, Failure failure) {
    this.maxBody = maxBody;
    this.failure = failure;
  }

  Routes get(String path, Route route) {
    return add("GET", path, route);
  }

  Routes post(String path, Route route) {
    return add("POST", path, route);
  }

  Routes add(String method, String path, Route route) {
    byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange exchange = new Exchange(request, response, callback);
    String path = request.getHttpURI().getDecodedPath();
    Map<String, Route> methods = byPath.get(path);
    try {
      if (methods == null) {
        exchange.json(
            404, error("NOT_FOUND", "no such endpoint: " + request.getMethod() + " " + echo(path)));
      } else if (!methods.containsKey(request.getMethod())) {
        String allowed = String.join(", ", methods.keySet());
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        exchange.json(
            405, error("METHOD_NOT_ALLOWED", echo(path) + " answers " + allowed + " only"));
      } else if (request.getLength() > 0
          || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
        // The body is read before the route runs, without holding a thread: a client that sends its
        // body slowly, or half of it, keeps only its own connection waiting (until the idle
        // timeout).
        Route route = methods.get(request.getMethod());
        // BLOCKING: the route may wait on the store, so Jetty runs it on a pool thread, never a
        // selector's.
        Content.Source.asByteArrayAsync(
            request,
            maxBody,
            Promise.Invocable.from(
                InvocationType.BLOCKING,
                (body, failed) -> {
                  exchange.body = body;
                  answer(route, exchange, failed);
                }));
      } else {
        answer(methods.get(request.getMethod()), exchange, null);
      }
    } catch (RuntimeException e) {
      callback.failed(e);
    }
    return true;
  }

  private void answer(Route route, Exchange exchange, @Nullable Throwable readFailure) {
    try {
      if (readFailure != null) {
        throw readFailure instanceof Exception e ? e : new IOException(readFailure);
      }
      exchange.query(); // a query that is not valid percent-encoding (?%) is refused on every route
      route.answer(exchange);
    } catch (Exception e) {
      // A fault in the request itself (a chunked body that is not chunked, a body over the limit):
      // Jetty's status, through JsonErrors like every other protocol error; a body that stopped
      // coming: 408.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof HttpException http) {
          Response.writeError(
              exchange.request,
              exchange.response,
              exchange.callback,
              http.getCode(),
              http.getReason());
          return;
        }
      }
      if (readFailure != null) {
        boolean timedOut =
            readFailure instanceof TimeoutException
                || readFailure.getCause() instanceof TimeoutException;
        Response.writeError(
            exchange.request,
            exchange.response,
            exchange.callback,
            timedOut ? 408 : 400,
            timedOut
                ? "the request body did not arrive in time"
                : "the request body could not be read");
        return;
      }
      try {
        failure.answer(exchange, e);
      } catch (IOException | RuntimeException f) {
        exchange.callback.failed(f);
      }
    }
  }

  /**
   * {@return the demo's error body: {@code error}, a code in capitals, then {@code reason}, for
   * developers}
   */
  static Map<String, Object> error(String error, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("reason", reason);
    return body;
  }

  private static String echo(String path) {
    return path.length() <= MAX_ECHOED_PATH ? path : path.substring(0, MAX_ECHOED_PATH) + "…";
  }

  /** One request and its answer, as a route sees them. */
  static final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private @Nullable Map<String, String> query;
    private byte[] body = new byte[0];

    private Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    /** {@return the decoded path, without the query} */
    String path() {
      return request.getHttpURI().getDecodedPath();
    }

    /** {@return the query's parameters, decoded; the first of repeated names wins} */
    Map<String, String> query() {
      if (query == null) {
        query = parse(request.getHttpURI().getQuery());
      }
      return query;
    }

    /** {@return the request body, read in full before the route runs} */
    byte[] body() {
      return body;
    }

    void json(int status, Map<String, ?> body) {
      send(
          status,
          JSON,
          Json.of(body).getBytes(StandardCharsets.UTF_8),
          "Cache-Control",
          "no-store");
    }

    /** Answers with these bytes, and header names and values in pairs. */
    void send(int status, String contentType, byte[] bytes, String... headers) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
      for (int i = 0; i + 1 < headers.length; i += 2) {
        response.getHeaders().put(headers[i], headers[i + 1]);
      }
      response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static Map<String, String> parse(@Nullable String raw) {
      Map<String, String> query = new LinkedHashMap<>();
      if (raw == null || raw.isEmpty()) {
        return query;
      }
      // An empty pair (a&&b, a trailing &) names nothing: skipped, as the routes look names up.
      for (String pair : raw.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          String name =
              URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value =
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          query.putIfAbsent(name, value);
        } catch (IllegalArgumentException e) {
          throw new BadRequest("the query string is not valid percent-encoding");
        }
      }
      return query;
    }
  }

  /** A request the demo cannot serve: answered 400 with the reason. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Jetty's own answers (a target that is not a URI, a bad Host, a header without a colon, a body
   * over the limit, headers too large...) in the demo's JSON instead of Jetty's HTML page. The
   * reason is Jetty's description of the fault or the status's name, never the request's bytes or
   * an exception's text.
   */
  static final class JsonErrors extends ErrorHandler {
    private static final int MAX_REASON = 200;
    // What Jetty refuses without a reason of its own: mostly request targets (URIs) it cannot take.
    private static final String BAD_REQUEST =
        "the request is not valid HTTP: a target with malformed "
            + "percent-encoding, a NUL, a path that leaves the root or an encoded separator, or a malformed header";

    @Override
    public boolean errorPageForMethod(String method) {
      return true; // a body for every method, not only GET, POST and HEAD
    }

    @Override
    protected void generateCacheControl(Response response) {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      String reason =
          cause instanceof HttpException http ? http.getReason() : cause == null ? message : null;
      if (reason == null
          || reason.isBlank()
          || reason.length() > MAX_REASON
          || reason.equals(HttpStatus.getMessage(code))) {
        reason = code == 400 ? BAD_REQUEST : HttpStatus.getMessage(code);
      }
      byte[] body = Json.of(error(code(code), reason)).getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
      response.write(true, ByteBuffer.wrap(body), callback);
    }

    // BAD_REQUEST, NOT_FOUND, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE...; 500 as the demo's
    // own.
    private static String code(int status) {
      if (status == 500) {
        return "INTERNAL_ERROR";
      }
      return HttpStatus.getMessage(status)
          .toUpperCase(Locale.ROOT)
          .replaceAll("[^A-Z0-9]+", "_")
          .replaceAll("^_|_$", "");
    }
  }
}
