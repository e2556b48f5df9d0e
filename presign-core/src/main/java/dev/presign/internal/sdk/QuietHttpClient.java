package dev.presign.internal.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of the S3 client presign builds: the JDK's {@code java.net.http}, which logs nothing
 * unless a system property asks it to. Apache HttpClient, the SDK's default, prints every request header
 * (the session token and the Authorization signature among them) when its header logger is at DEBUG.
 * Thread-safe.
 */
public final class QuietHttpClient implements SdkHttpClient {
  // java.net.http sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    HttpRequest prepared = toJdk(request.httpRequest(), request.contentStreamProvider());
    boolean head = "HEAD".equals(prepared.method());
    return new ExecutableHttpRequest() {
      private volatile CompletableFuture<HttpResponse<InputStream>> sent;

      @Override
      public HttpExecuteResponse call() throws IOException {
        sent = http.sendAsync(prepared, BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
          response = sent.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        SdkHttpResponse.Builder headers = SdkHttpResponse.builder().statusCode(response.statusCode());
        response.headers().map().forEach(headers::putHeader);
        if (head) {
          // No body, as Apache reports it: with a stored Content-Encoding the SDK would try to decode an
          // empty stream.
          response.body().close();
          return HttpExecuteResponse.builder().response(headers.build()).build();
        }
        return HttpExecuteResponse.builder().response(headers.build())
            .responseBody(AbortableInputStream.create(response.body())).build();
      }

      @Override
      public void abort() {
        CompletableFuture<HttpResponse<InputStream>> inFlight = sent;
        if (inFlight != null) {
          inFlight.cancel(true);
        }
      }
    };
  }

  private static HttpRequest toJdk(SdkHttpRequest request, Optional<ContentStreamProvider> content) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).timeout(Duration.ofMinutes(5));
    request.forEachHeader((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : values) {
          builder.header(name, value);
        }
      }
    });
    long length = request.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(-1L);
    BodyPublisher body = BodyPublishers.noBody();
    if (content.isPresent() && length != 0) {
      BodyPublisher stream = BodyPublishers.ofInputStream(() -> content.get().newStream());
      body = length > 0 ? BodyPublishers.fromPublisher(stream, length) : stream;
    }
    return builder.method(request.method().name(), body).build();
  }

  @Override
  public String clientName() {
    return "presign-java-net-http";
  }

  @Override
  public void close() {
    // java.net.http's client on Java 17 has nothing to close; its threads end with it.
  }
}
