package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.presign.testing.StoreSuite;
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
 * The S3 client presign builds for multipart uploads and verification, with the AWS SDK, Apache
 * HttpClient and Netty logging at TRACE: no line may carry the secret key, the session token or a
 * signature. The adversarial review found the SDK's signer and Apache's header log printing the
 * session token at DEBUG.
 */
class SdkClientLoggingScenarioTest extends StoreSuite {
  private static final String TOKEN = "SESSIONTOKEN-sdk-logging-FwoGZXIvYXdzEXAMPLE";
  private static final byte[] KEY =
      "sdk-logging-session-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String[] LOGGERS = {
    "software.amazon.awssdk",
    "org.apache.hc",
    "org.apache.http",
    "io.netty",
    "dev.presign",
    "jdk.internal.httpclient"
  };

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();

  @BeforeEach
  void captureAtTrace() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    logs.start();
    for (String name : LOGGERS) {
      Logger logger = context.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(Level.TRACE);
      logger.setAdditive(false);
      logger.addAppender(logs);
    }
  }

  @AfterEach
  void release() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).detachAppender(logs);
      loggers.get(i).setLevel(levels.get(i));
      loggers.get(i).setAdditive(true);
    }
  }

  @Test
  void multipartAndVerification_withSessionCredentials_logNoSecretAtTrace() {
    AwsSessionCredentials session =
        AwsSessionCredentials.builder()
            .accessKeyId(accessKeyId())
            .secretAccessKey(secretAccessKey())
            .sessionToken(TOKEN)
            .expirationTime(Instant.now().plus(Duration.ofMinutes(10)))
            .build();
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .credentialsProvider(StaticCredentialsProvider.create(session))
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("video/mp4", "image/png")
                    .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
                    .build())
            .build();

    try (MultipartUploads multipart =
        MultipartUploads.builder().issuer(issuer).sessionKey(KEY).build()) {
      // S3Proxy answers NotImplemented to a header-signed request with a session token: the request
      // is still signed and sent, which is what the loggers would see.
      attempt(() -> multipart.start(UploadRequest.of("f.mp4", "video/mp4", 6L * 1024 * 1024)));
    }
    try (UploadVerifier verifier = UploadVerifier.builder().issuer(issuer).ticketKey(KEY).build()) {
      PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.png", "image/png", 4));
      attempt(() -> verifier.verify(verifier.ticket(upload)));
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : logs.list) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
    }
    assertThat(lines)
        .as("the SDK logged at TRACE")
        .anySatisfy(line -> assertThat(line).startsWith("software.amazon.awssdk"));
    assertThat(lines)
        .allSatisfy(
            line -> assertThat(line).doesNotContain(TOKEN, secretAccessKey(), "Signature="));
  }

  private static void attempt(Runnable call) {
    try {
      call.run();
    } catch (PresignException e) {
      // Refused by S3Proxy; the logs are what is checked.
    }
  }
}
