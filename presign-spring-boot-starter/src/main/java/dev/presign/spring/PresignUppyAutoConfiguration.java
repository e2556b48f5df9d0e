package dev.presign.spring;

import dev.presign.MultipartUploads;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.UppyS3Handler;
import dev.presign.spring.internal.PresignConfigurationException;
import java.security.Principal;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves Uppy Companion's S3 routes through {@link UppyS3Handler} under {@code presign.uppy.path} (default
 * {@code /uppy}) when {@code presign.uppy.enabled=true} in a servlet web application with an
 * {@link UploadUrlIssuer}; the multipart routes answer when there is a {@link MultipartUploads} bean too, and
 * each completed multipart upload is verified when there is an {@link UploadVerifier} bean.
 */
@AutoConfiguration(after = {PresignAutoConfiguration.class, PresignMultipartAutoConfiguration.class,
    PresignVerifierAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(prefix = "presign.uppy", name = "enabled", havingValue = "true")
public class PresignUppyAutoConfiguration {
  private static final long MAX_BODY = 1024 * 1024;

  /** Creates the configuration; Spring calls it. */
  public PresignUppyAutoConfiguration() {}

  /**
   * The protocol handler.
   *
   * @param issuer the issuer of simple uploads
   * @param multipart the multipart uploads, when configured
   * @param verifier the verifier, when configured
   * @return the thread-safe handler
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(UploadUrlIssuer.class)
  public UppyS3Handler presignUppyHandler(UploadUrlIssuer issuer, ObjectProvider<MultipartUploads> multipart,
      ObjectProvider<UploadVerifier> verifier) {
    UppyS3Handler.Builder b = UppyS3Handler.builder().issuer(issuer);
    multipart.ifAvailable(b::multipart);
    verifier.ifAvailable(b::verifier);
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
  public RouterFunction<ServerResponse> presignUppyRoutes(UppyS3Handler handler, PresignProperties properties) {
    String path = mountPath(properties.getUppy().getPath());
    return RouterFunctions.route(RequestPredicates.path(path + "/s3/**"), request -> answer(handler, path, request));
  }

  static String mountPath(String path) {
    if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+")) {
      throw new PresignConfigurationException("presign.uppy.path must be a path such as /uppy: segments of letters, "
          + "digits, '.', '_', '~' or '-', no trailing slash: " + path,
          "Set presign.uppy.path to the companionEndpoint your page gives Uppy, e.g. /uppy.", null);
    }
    return path;
  }

  private static ServerResponse answer(UppyS3Handler handler, String mount, ServerRequest request) throws Exception {
    String body = "";
    String method = request.method().name();
    if (method.equals("POST")) {
      OptionalLong length = request.headers().contentLength();
      if (length.isEmpty() || length.getAsLong() > MAX_BODY) {
        return ServerResponse.status(413).contentType(MediaType.APPLICATION_JSON)
            .body("{\"error\":\"The request body must declare its length and be at most 1 MiB.\",\"reason\":\"BAD_REQUEST\"}");
      }
      body = new String(request.body(byte[].class), java.nio.charset.StandardCharsets.UTF_8);
    }
    String raw = request.uri().getRawPath();
    String contextPath = request.requestPath().contextPath().value();
    String below = raw.substring(contextPath.length() + mount.length());
    String principal = request.principal().map(Principal::getName).orElse(null);
    UppyS3Handler.Response r = handler.handle(method, below, request.uri().getRawQuery(), body, principal);
    return ServerResponse.status(r.status()).contentType(MediaType.APPLICATION_JSON).body(r.json());
  }
}
