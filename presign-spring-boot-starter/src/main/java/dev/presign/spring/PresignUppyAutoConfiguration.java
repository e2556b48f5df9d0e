package dev.presign.spring;

import dev.presign.MultipartUploads;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.UppyS3Handler;
import dev.presign.spring.internal.PresignConfigurationException;
import java.io.InputStream;
import java.security.Principal;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves Uppy Companion's S3 routes through {@link UppyS3Handler} under {@code presign.uppy.path}
 * (default {@code /uppy}) when {@code presign.uppy.enabled=true} in a servlet web application with
 * an {@link UploadUrlIssuer}; the multipart routes answer when there is a {@link MultipartUploads}
 * bean too, and each completed multipart upload is verified when there is an {@link UploadVerifier}
 * bean (then simple uploads are refused unless {@code
 * presign.uppy.allow-unverified-simple-uploads=true}). POST bodies must declare their length and
 * come as {@code application/json}.
 */
@AutoConfiguration(
    after = {
      PresignAutoConfiguration.class,
      PresignMultipartAutoConfiguration.class,
      PresignVerifierAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "presign.uppy", name = "enabled", havingValue = "true")
public class PresignUppyAutoConfiguration {
  private static final Pattern MOUNT_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final int MAX_BODY = UppyS3Handler.MAX_BODY;

  /** Creates the configuration; Spring calls it. */
  public PresignUppyAutoConfiguration() {}

  /**
   * The protocol handler.
   *
   * @param issuer the issuer of simple uploads
   * @param multipart the multipart uploads, when configured
   * @param verifier the verifier, when configured
   * @param properties the {@code presign.*} properties
   * @return the thread-safe handler
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(UploadUrlIssuer.class)
  public UppyS3Handler presignUppyHandler(
      UploadUrlIssuer issuer,
      ObjectProvider<MultipartUploads> multipart,
      ObjectProvider<UploadVerifier> verifier,
      PresignProperties properties) {
    UppyS3Handler.Builder b = UppyS3Handler.builder().issuer(issuer);
    multipart.ifAvailable(b::multipart);
    verifier.ifAvailable(b::verifier);
    b.allowUnverifiedSimpleUploads(properties.getUppy().isAllowUnverifiedSimpleUploads());
    return b.build();
  }

  /**
   * The routes, {@code <path>/s3/**}.
   *
   * @param handler the protocol handler
   * @param properties the {@code presign.*} properties
   * @return the router function
   */
  @Bean
  @ConditionalOnBean(UppyS3Handler.class)
  public RouterFunction<ServerResponse> presignUppyRoutes(
      UppyS3Handler handler, PresignProperties properties) {
    String path = mountPath(properties.getUppy().getPath());
    return RouterFunctions.route(
        RequestPredicates.path(path + "/s3/**"), request -> answer(handler, path, request));
  }

  static String mountPath(String path) {
    if (path == null || !MOUNT_PATH.matcher(path).matches()) {
      throw new PresignConfigurationException(
          "presign.uppy.path must be a path such as /uppy: segments of letters, "
              + "digits, '.', '_', '~' or '-', no trailing slash: "
              + path,
          "Set presign.uppy.path to the companionEndpoint your page gives Uppy, e.g. /uppy.",
          null);
    }
    return path;
  }

  private static ServerResponse answer(UppyS3Handler handler, String mount, ServerRequest request)
      throws Exception {
    byte[] body = null;
    String method = request.method().name();
    if (method.equals("POST")) {
      if (request.headers().contentLength().isEmpty()) {
        return ServerResponse.status(411)
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                "{\"error\":\"The request body must declare its length (Content-Length).\",\"reason\":\"LENGTH_REQUIRED\"}");
      }
      // One byte over the limit is enough for the handler to refuse the body as too large.
      try (InputStream in = request.servletRequest().getInputStream()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
    }
    String raw = request.uri().getRawPath();
    String contextPath = request.requestPath().contextPath().value();
    String below = raw.substring(contextPath.length() + mount.length());
    String principal = request.principal().map(Principal::getName).orElse(null);
    String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
    UppyS3Handler.Response r =
        handler.handle(method, below, request.uri().getRawQuery(), contentType, body, principal);
    ServerResponse.BodyBuilder answer =
        ServerResponse.status(r.status()).contentType(MediaType.APPLICATION_JSON);
    if (!r.allow().isEmpty()) {
      answer.header(HttpHeaders.ALLOW, r.allow());
    }
    return answer.body(r.json());
  }
}
