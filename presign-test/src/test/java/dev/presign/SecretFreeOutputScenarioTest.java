package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.presign.setup.SelfTest;
import dev.presign.testing.StoreSuite;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs every public operation, failures included, with presign's logging at TRACE captured, and
 * checks that no secret access key, session token, signature or signed URL appears in any log line,
 * exception message or toString().
 */
class SecretFreeOutputScenarioTest extends StoreSuite {
  private static final String TOKEN = "SESSIONTOKEN-very-secret-FwoGZXIvYXdz";
  private static final byte[] SESSION_KEY =
      "secret-session-key-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> texts = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private Logger presignLogger;
  private Level previous;

  @BeforeEach
  void captureLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    presignLogger = context.getLogger("dev.presign");
    previous = presignLogger.getLevel();
    presignLogger.setLevel(Level.TRACE);
    logs.start();
    presignLogger.addAppender(logs);
    secrets.add(secretAccessKey());
    secrets.add(TOKEN);
    secrets.add(new String(SESSION_KEY, StandardCharsets.US_ASCII));
  }

  @AfterEach
  void release() {
    presignLogger.detachAppender(logs);
    presignLogger.setLevel(previous);
  }

  @Test
  void everyOperation_keepsSecretsOutOfLogsMessagesAndToString() throws Exception {
    AwsSessionCredentials session =
        AwsSessionCredentials.builder()
            .accessKeyId(accessKeyId())
            .secretAccessKey(secretAccessKey())
            .sessionToken(TOKEN)
            .expirationTime(Instant.now().plus(Duration.ofMinutes(10)))
            .build();
    PresignPolicy policy =
        PresignPolicy.builder()
            .allowContentTypes("image/*", "video/*")
            .minSize(0)
            .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
            .build();
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .credentialsProvider(StaticCredentialsProvider.create(session))
            .policy(policy)
            .build();
    text(issuer);
    text(policy);

    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.png", "image/png", 4));
    signed(upload.url());
    text(upload);
    PresignedDownload download =
        issuer.issueDownload(DownloadRequest.of(upload.key()).attachment("ä.png"));
    signed(download.url());
    text(download);
    text(issuer.issueHead(upload.key()));
    signed(issuer.issueHead(upload.key()).url());
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.png", "image/png"));
    secrets.add(post.fields().get("x-amz-signature"));
    secrets.add(post.fields().get("policy"));
    text(post);
    // Applications log maps: the form fields print no policy, signature or token, however they are
    // printed.
    assertThat(post.fields()).containsEntry("x-amz-security-token", TOKEN);
    text(post.fields());
    text(post.fields().entrySet());
    text(post.fields().values());
    post.fields().entrySet().forEach(this::text);
    text(String.format("%s", post.fields()));

    failure(() -> issuer.issueUpload(UploadRequest.of("a.html", "text/html", 4)));
    failure(() -> issuer.issueUpload(UploadRequest.of("a.png", "image/png\r\nX-Evil: 1", 4)));
    failure(() -> issuer.issueDownload("../" + upload.key()));
    failure(
        () ->
            issuer.toBuilder()
                .rejectShortLivedCredentials(true)
                .build()
                .issueUpload(UploadRequest.of("a.png", "image/png", 4)));
    failure(
        () ->
            issuer.toBuilder()
                .credentialsProvider(
                    () -> {
                      throw new IllegalStateException("provider failed");
                    })
                .build()
                .issueUpload(UploadRequest.of("a.png", "image/png", 4)));
    failure(
        () ->
            UploadUrlIssuer.builder()
                .endpointOverride(URI.create("http://user:" + TOKEN + "@host:1/x")));

    // S3Proxy answers NotImplemented to a header-signed request with a session token, so the SDK
    // calls of multipart uploads and verification use the static key; part URLs are still signed
    // with the session.
    UploadUrlIssuer staticKey =
        issuer.toBuilder().credentialsProvider(store.credentialsProvider()).build();
    try (MultipartUploads multipart =
        MultipartUploads.builder().issuer(staticKey).sessionKey(SESSION_KEY).build()) {
      MultipartSession started =
          multipart.start(UploadRequest.of("f.mp4", "video/mp4", 6L * 1024 * 1024));
      text(started);
      for (PresignedPart part : multipart.presignAllParts(started.token())) {
        signed(part.url());
        text(part);
      }
      text(multipart.listParts(started.token()));
      failure(
          () ->
              multipart.complete(
                  started.token(),
                  List.of(UploadedPart.of(1, "\"x\""), UploadedPart.of(2, "\"y\""))));
      failure(() -> multipart.listParts(started.token() + "x"));
      UppyS3Handler uppy = UppyS3Handler.builder().issuer(issuer).multipart(multipart).build();
      text(uppy);
      String tokenPath = "/s3/multipart/" + started.token();
      String keyQuery = "key=" + URLEncoder.encode(started.key(), StandardCharsets.UTF_8);
      UppyS3Handler.Response part = uppy.handle("GET", tokenPath + "/1", keyQuery, null, null);
      assertThat(part.status()).isEqualTo(200);
      signed(
          part.json()
              .substring(part.json().indexOf("http"), part.json().indexOf("\",\"expires\""))
              .replace("\\u0026", "&"));
      text(part);
      UppyS3Handler.Response form =
          uppy.handle("GET", "/s3/params", "filename=a.png&type=image%2Fpng", null, null);
      assertThat(form.status()).isEqualTo(200);
      text(form);
      for (UppyS3Handler.Response refused :
          List.of(
              uppy.handle("GET", "/s3/params", "filename=a.html&type=text%2Fhtml", null, null),
              uppy.handle("GET", tokenPath + "x/1", keyQuery, null, null),
              uppy.handle("GET", tokenPath + "/1", "key=other", null, null),
              uppy.handle(
                  "POST",
                  tokenPath + "/complete",
                  keyQuery,
                  "application/json",
                  "{\"parts\":[{\"PartNumber\":1,\"ETag\":\"x\"}]}"
                      .getBytes(StandardCharsets.UTF_8)))) {
        assertThat(refused.status()).isEqualTo(400);
        text(refused);
        text(refused.json());
        text(refused.statusText());
      }
      multipart.abort(started.token());
      UppyS3Handler.Response gone = uppy.handle("GET", tokenPath, keyQuery, null, null);
      assertThat(gone.status()).isIn(200, 404); // S3 and RGW: 404; S3Proxy lists no parts
      text(gone.json());
      text(multipart);
    }
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(staticKey).ticketKey(SESSION_KEY).build()) {
      text(verifier.verify(verifier.ticket(upload)));
      failure(() -> verifier.verify("forged.ticket"));
      text(verifier);
    }
    text(SelfTest.run(staticKey));
    text(
        SelfTest.run(
            issuer.toBuilder()
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(
                            accessKeyId(), "wrong-" + secretAccessKey(), TOKEN)))
                .build()));

    for (ILoggingEvent event : logs.list) {
      texts.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getMessage());
      }
    }
    assertThat(logs.list).as("presign logged at DEBUG while issuing").isNotEmpty();
    assertThat(secrets).hasSizeGreaterThan(10);
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("output must not contain a secret").doesNotContain(secret);
      }
      assertThat(text).doesNotContain("X-Amz-Signature=", "X-Amz-Security-Token=");
    }
  }

  private void text(Object value) {
    texts.add(String.valueOf(value));
  }

  private void signed(String url) {
    secrets.add(url);
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith("X-Amz-Signature=")) {
        secrets.add(
            URLDecoder.decode(pair.substring("X-Amz-Signature=".length()), StandardCharsets.UTF_8));
      }
    }
  }

  private void failure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.getMessage());
        texts.add(t.toString());
      }
      return;
    }
    throw new AssertionError("expected a failure");
  }
}
