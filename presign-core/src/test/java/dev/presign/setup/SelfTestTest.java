package dev.presign.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.KeyStrategy;
import dev.presign.ObjectAttributes;
import dev.presign.PresignPolicy;
import dev.presign.UploadUrlIssuer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The self-test's PUT carries the policy's object attributes, as a bucket that requires them
 * demands.
 */
class SelfTestTest {
  @Test
  void run_withPolicyAttributes_sendsThemOnThePut() throws IOException {
    Map<String, String> putHeaders = new ConcurrentHashMap<>();
    // A bare HTTP/1.1 server on a socket (presign-core's tests run as a module without
    // jdk.httpserver):
    // it records the PUT's headers and answers every request 200 with an empty body.
    ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread serving =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              socket.getInputStream(), StandardCharsets.ISO_8859_1));
                  String requestLine = in.readLine();
                  int length = 0;
                  for (String line = in.readLine();
                      line != null && !line.isEmpty();
                      line = in.readLine()) {
                    String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                    String value = line.substring(line.indexOf(':') + 1).trim();
                    if (requestLine.startsWith("PUT ")) {
                      putHeaders.put(name, value);
                    }
                    if (name.equals("content-length")) {
                      length = Integer.parseInt(value);
                    }
                  }
                  in.skip(length);
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException | RuntimeException e) {
                  // closed at the end of the test, or a request the test does not care about
                }
              }
            });
    serving.setDaemon(true);
    serving.start();
    try {
      UploadUrlIssuer issuer =
          UploadUrlIssuer.builder()
              .bucket("self-test-bucket")
              .region(Region.US_EAST_1)
              .pathStyleAccess(true)
              .endpointOverride(URI.create("http://127.0.0.1:" + server.getLocalPort()))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("AKIDSELFTEST", "secret")))
              .policy(
                  PresignPolicy.builder()
                      .allowContentTypes("image/png")
                      .attributes(
                          ObjectAttributes.builder()
                              .encryption(ObjectAttributes.Encryption.sseKms("alias/uploads"))
                              .storageClass("STANDARD_IA")
                              .metadata("source", "self-test")
                              .build())
                      .build())
              .keyStrategy(KeyStrategy.uuid("uploads/"))
              .build();

      SelfTest.run(issuer);

      assertThat(putHeaders)
          .containsEntry("x-amz-server-side-encryption", "aws:kms")
          .containsEntry("x-amz-server-side-encryption-aws-kms-key-id", "alias/uploads")
          .containsEntry("x-amz-storage-class", "STANDARD_IA")
          .containsEntry("x-amz-meta-source", "self-test");
    } finally {
      server.close();
    }
  }
}
