package dev.presign.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.PresignException;
import dev.presign.PresignPolicy;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.IssuerAccess;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The shared connection: credentials, raw signing, object addresses, key checks and the issuer's
 * accessor.
 */
class StoreConnectionTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAEXAMPLE", "secret-key-never-shown"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/abs        | must not start with '/'",
        "a//b        | empty path segments",
        "../a        | '.' or '..'",
        "a${b        | '${'"
      })
  void requireSafeKey_unsafeKey_refusedWithTheRule(String key, String rule) {
    assertThatThrownBy(() -> StoreConnection.requireSafeKey(key))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(rule)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.KEY_INVALID);
  }

  @Test
  void resolveCredentials_providerFails_typedErrorNamingTheProviderWithTheCause() {
    IllegalStateException failure = new IllegalStateException("profile 'x' not found");
    StoreConnection connection =
        connection(
            () -> {
              throw failure;
            },
            null,
            false);

    assertThatThrownBy(connection::resolveCredentials)
        .isInstanceOf(PresignException.class)
        .hasMessageStartingWith("could not resolve AWS credentials from ")
        .hasCause(failure)
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.CREDENTIALS_UNAVAILABLE);
  }

  @Test
  void resolveCredentials_providerReturnsNothing_typedError() {
    assertThatThrownBy(connection(() -> null, null, false)::resolveCredentials)
        .isInstanceOf(PresignException.class)
        .hasMessage("the credentials provider returned no credentials");
  }

  @Test
  void signRaw_signsTheMethodForFiveMinutesOutsideAnyPolicy() {
    String url =
        connection(CREDENTIALS, null, false).signRaw("DELETE", "selftest/x", HeaderMap.of());

    assertThat(url)
        .startsWith("https://b-1.s3.us-east-1.amazonaws.com/selftest/x?")
        .contains("X-Amz-Date=20261202T100000Z")
        .contains("X-Amz-Expires=300&")
        .doesNotContain("secret-key-never-shown");
  }

  @Test
  void signRaw_unsafeKey_refusedBeforeSigning() {
    assertThatThrownBy(
            () -> connection(CREDENTIALS, null, false).signRaw("PUT", "../x", HeaderMap.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'.' or '..'");
  }

  @ParameterizedTest
  @CsvSource({
    "false, a/b c.png,   https://b-1.s3.us-east-1.amazonaws.com/a/b%20c.png",
    "true,  a/b c.png,   http://127.0.0.1:9000/b-1/a/b%20c.png",
    "true,  猫.png,      http://127.0.0.1:9000/b-1/%E7%8C%AB.png",
    "true,  a~b_c-d.e,   http://127.0.0.1:9000/b-1/a~b_c-d.e"
  })
  void objectUrl_isTheAddressWithoutAQuery(boolean local, String key, String expected) {
    StoreConnection connection =
        local
            ? connection(CREDENTIALS, URI.create("http://127.0.0.1:9000"), true)
            : connection(CREDENTIALS, null, false);

    assertThat(connection.objectUrl(key)).isEqualTo(expected);
  }

  @Test
  void newS3Client_carriesTheConnectionsRegionAndEndpoint() {
    try (S3Client s3 =
        connection(CREDENTIALS, URI.create("http://127.0.0.1:9000"), true).newS3Client(null)) {
      assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
      assertThat(s3.serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://127.0.0.1:9000"));
    }
  }

  @Test
  void issuerAccessConnection_answersTheIssuersConnection() {
    UploadUrlIssuer issuer =
        UploadUrlIssuer.builder()
            .bucket("b-9")
            .region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS)
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();

    StoreConnection connection = IssuerAccess.get().connection(issuer);

    assertThat(connection.bucket()).isEqualTo("b-9");
    assertThat(connection.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(connection.credentialsProvider()).isSameAs(CREDENTIALS);
    assertThat(IssuerAccess.get().connection(issuer)).isSameAs(connection);
  }

  @Test
  void issuerAccessRegister_secondImplementation_refused() {
    // The first get() initializes presign's implementation, which registers itself.
    IssuerAccess registered = IssuerAccess.get();
    assertThatThrownBy(() -> IssuerAccess.register(registered))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IssuerAccess is registered once, by UploadUrlIssuer");
  }

  @Test
  void issuerAccessRegister_foreignImplementation_refused() {
    IssuerAccess foreign =
        new IssuerAccess() {
          @Override
          public StoreConnection connection(UploadUrlIssuer issuer) {
            throw new AssertionError("never registered");
          }

          @Override
          public String[] attributeEntries(UploadUrlIssuer issuer, UploadRequest request) {
            throw new AssertionError("never registered");
          }
        };

    assertThatThrownBy(() -> IssuerAccess.register(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IssuerAccess is implemented by dev.presign.IssuerAccessImpl only: ");
    assertThat(IssuerAccess.get().getClass().getName()).isEqualTo("dev.presign.IssuerAccessImpl");
  }

  private static StoreConnection connection(
      AwsCredentialsProvider credentials, URI endpoint, boolean pathStyle) {
    return new StoreConnection(
        "b-1",
        Region.US_EAST_1,
        endpoint,
        pathStyle,
        credentials,
        Clock.fixed(NOW, ZoneOffset.UTC),
        false,
        null);
  }
}
