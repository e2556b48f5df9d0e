package dev.presign.test.internal;

import dev.presign.test.OfflineSignatureCheck;
import dev.presign.test.SignatureVerdict;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP client, which also asks the offline signature check about every request made with
 * a presigned URL and fails the test when the store's answer disagrees: accepted by one and refused
 * with 403 by the other. A 403 counts as an authentication refusal: against a store with bucket
 * policies that refuse for other reasons, build the store with {@code crossCheckSignatures(false)}.
 * That way every request a suite sends proves the offline check against a real store.
 */
public final class CrossCheckingHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final OfflineSignatureCheck check;
  private final String storeName;

  /**
   * Wraps a client.
   *
   * @param delegate the client that sends
   * @param check the check to compare with
   * @param storeName the store's name, for messages
   */
  public CrossCheckingHttpClient(
      HttpClient delegate, OfflineSignatureCheck check, String storeName) {
    this.delegate = delegate;
    this.check = check;
    this.storeName = storeName;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    SignatureVerdict verdict = verdict(request);
    HttpResponse<T> response = delegate.send(request, handler);
    compare(request, verdict, response.statusCode());
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    SignatureVerdict verdict = verdict(request);
    return delegate
        .sendAsync(request, handler)
        .thenApply(
            response -> {
              compare(request, verdict, response.statusCode());
              return response;
            });
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    SignatureVerdict verdict = verdict(request);
    return delegate
        .sendAsync(request, handler, pushPromiseHandler)
        .thenApply(
            response -> {
              compare(request, verdict, response.statusCode());
              return response;
            });
  }

  private @Nullable SignatureVerdict verdict(HttpRequest request) {
    PresignedUrl url = PresignedUrl.parse(request.uri().toString());
    // A CORS preflight is answered without authentication.
    if (!url.isPresigned() || request.method().equals("OPTIONS")) {
      return null;
    }
    return check.check(
        request.method(), request.uri().toString(), sentHeaders(request), Instant.now());
  }

  /**
   * The headers java.net.http puts on the wire: the request's own, plus Content-Length from a body
   * of known length. JDKs differ on whether an empty GET or DELETE carries {@code Content-Length:
   * 0}; it only matters to a URL that signs content-length, which a download URL never does.
   */
  static Map<String, String> sentHeaders(HttpRequest request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    HttpHeaders own = request.headers();
    own.map().forEach((name, values) -> headers.put(name, String.join(",", values)));
    Optional<HttpRequest.BodyPublisher> body = request.bodyPublisher();
    if (body.isPresent() && body.get().contentLength() >= 0) {
      headers.put("Content-Length", Long.toString(body.get().contentLength()));
    }
    return headers;
  }

  private void compare(HttpRequest request, @Nullable SignatureVerdict verdict, int status) {
    // S3 refuses a URL dated more than 15 minutes ahead; S3Proxy 4.1.1 does not check that for
    // presigned URLs.
    if (verdict == null || verdict.reason() == SignatureVerdict.Reason.NOT_YET_VALID) {
      return;
    }
    boolean storeRefusedAuthentication =
        status == 403 || (status == 400 && verdict.reason().status() == 400);
    if (verdict.accepted() == storeRefusedAuthentication) {
      throw new AssertionError(
          "The offline signature check and "
              + storeName
              + " disagree on "
              + request.method()
              + ' '
              + PresignedUrl.parse(request.uri().toString()).withoutQuery()
              + ": the check says "
              + verdict.reason()
              + (verdict.detail().isEmpty() ? "" : " (" + verdict.detail() + ')')
              + ", the store answered HTTP "
              + status);
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
