package dev.presign.check;

import dev.presign.KeyStrategy;
import dev.presign.MultipartUploads;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.setup.BucketSetup;
import dev.presign.setup.SelfTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Issues one URL through presign's exported API, from inside a named module. */
public final class ModularApp {
  private ModularApp() {}

  /**
   * Run by ModularAppTest in a JVM of its own, whose module graph holds only what this module
   * needs: {@code issue} issues a URL; {@code self-test} runs presign's self-test against a port
   * nobody listens on. Each prints one line and whether {@code java.net.http} is in the module
   * graph.
   *
   * @param args {@code issue} or {@code self-test}
   * @throws IOException when no free port can be found
   */
  public static void main(String[] args) throws IOException {
    String http =
        "java.net.http in the module graph: "
            + ModuleLayer.boot().findModule("java.net.http").isPresent();
    if (args.length == 1 && args[0].equals("issue")) {
      System.out.println("issued for " + issue().uri().getHost() + "; " + http);
    } else if (args.length == 1 && args[0].equals("self-test")) {
      try {
        SelfTest.Report report =
            SelfTest.run(issuer(URI.create("http://127.0.0.1:" + closedPort())));
        System.out.println("self-test ran: " + report.steps() + "; " + http);
      } catch (IllegalStateException e) {
        System.out.println("self-test refused: " + e.getMessage() + "; " + http);
      }
    } else {
      throw new IllegalArgumentException("expected issue or self-test: " + List.of(args));
    }
  }

  /**
   * The CORS rule presign's deploy-time package writes, from inside a named module.
   *
   * @return the rule's exposed headers
   */
  public static List<String> corsRuleExposedHeaders() {
    return BucketSetup.corsRule(List.of("https://app.example.com")).exposeHeaders();
  }

  /**
   * Issues a PUT URL.
   *
   * @return the issued upload
   */
  public static PresignedUpload issue() {
    return issuer().issueUpload(UploadRequest.of("a.png", "image/png", 1));
  }

  /**
   * Builds multipart uploads, which build an S3 client with presign's default HTTP client, and
   * closes them: the client's module must be readable from presign's.
   *
   * @return the class name of what was built
   */
  public static String buildMultipartUploads() {
    byte[] sessionKey = new byte[32];
    new java.security.SecureRandom().nextBytes(sessionKey);
    try (MultipartUploads multipart =
        MultipartUploads.builder().issuer(issuer()).sessionKey(sessionKey).build()) {
      return multipart.getClass().getName();
    }
  }

  private static UploadUrlIssuer issuer() {
    return builder().build();
  }

  private static UploadUrlIssuer issuer(URI endpoint) {
    return builder().endpointOverride(endpoint).pathStyleAccess(true).build();
  }

  private static UploadUrlIssuer.Builder builder() {
    return UploadUrlIssuer.builder()
        .bucket("modular-bucket")
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMODULAR", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .keyStrategy(KeyStrategy.uuid("m/"));
  }

  // A port that was free a moment ago: the self-test's PUT finds nobody listening there.
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
