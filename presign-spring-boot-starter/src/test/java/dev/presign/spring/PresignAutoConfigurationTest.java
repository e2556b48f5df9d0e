package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.IssuedUpload;
import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.MultipartUploads;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.StoreProfile;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadVerifier;
import dev.presign.test.S3TestStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class PresignAutoConfigurationTest {
  static final String KEY_32 =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String KEY_16 = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

  @RegisterExtension
  static S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PresignAutoConfiguration.class,
                  PresignMultipartAutoConfiguration.class,
                  PresignVerifierAutoConfiguration.class))
          .withUserConfiguration(AppCredentials.class);

  private ApplicationContextRunner minimal() {
    return runner.withPropertyValues(
        "presign.bucket=uploads",
        "presign.region=eu-west-1",
        "presign.policy.allowed-content-types=image/png,image/jpeg");
  }

  private ApplicationContextRunner onStore() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PresignAutoConfiguration.class,
                PresignMultipartAutoConfiguration.class,
                PresignVerifierAutoConfiguration.class))
        .withBean(AwsCredentialsProvider.class, store::credentialsProvider)
        .withPropertyValues(
            "presign.bucket=" + store.bucket(),
            "presign.region=" + store.region().id(),
            "presign.endpoint=" + store.endpoint(),
            "presign.path-style=true",
            "presign.policy.allowed-content-types=image/png,video/mp4");
  }

  @Test
  void noBucket_createsNoBeans() {
    runner
        .withPropertyValues(
            "presign.multipart.session-key=" + KEY_32, "presign.verifier.ticket-key=" + KEY_32)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(UploadUrlIssuer.class)
                    .doesNotHaveBean(MultipartUploads.class)
                    .doesNotHaveBean(UploadVerifier.class));
  }

  @Test
  void bucket_createsTheIssuerOnly() {
    minimal()
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(UploadUrlIssuer.class)
                  .doesNotHaveBean(MultipartUploads.class)
                  .doesNotHaveBean(UploadVerifier.class);
              UploadUrlIssuer issuer = context.getBean(UploadUrlIssuer.class);
              assertThat(issuer.bucket()).isEqualTo("uploads");
              assertThat(issuer.region()).isEqualTo(Region.EU_WEST_1);
              assertThat(issuer.policy().allowedContentTypes())
                  .containsExactly("image/png", "image/jpeg");
            });
  }

  @Test
  void bucket_withoutContentTypes_failsAtStartUpNamingTheProperty() {
    runner
        .withPropertyValues("presign.bucket=uploads", "presign.region=eu-west-1")
        .run(
            context ->
                startUpFailure(context)
                    .hasMessageContaining(
                        "presign.policy.allowed-content-types must name at least one type"));
  }

  @Test
  void policyProperties_allReachThePolicy() {
    minimal()
        .withPropertyValues(
            "presign.policy.min-size=10B",
            "presign.policy.max-size=2MB",
            "presign.policy.require-declared-size=false",
            "presign.policy.upload-ttl=2m",
            "presign.policy.download-ttl=30s",
            "presign.policy.allowed-extensions=png,jpg",
            "presign.policy.extension-must-match-content-type=true")
        .run(
            context -> {
              PresignPolicy policy = context.getBean(UploadUrlIssuer.class).policy();
              assertThat(policy.allowedContentTypes()).containsExactly("image/png", "image/jpeg");
              assertThat(policy.minSize()).isEqualTo(10);
              assertThat(policy.maxSize()).isEqualTo(2L * 1024 * 1024);
              assertThat(policy.requireDeclaredSize()).isFalse();
              assertThat(policy.uploadTtl()).isEqualTo(Duration.ofMinutes(2));
              assertThat(policy.downloadTtl()).isEqualTo(Duration.ofSeconds(30));
              assertThat(policy.allowedExtensions()).containsExactlyInAnyOrder("png", "jpg");
              assertThat(policy.extensionMustMatchContentType()).isTrue();
            });
  }

  @Test
  void policyDefaults_areCoresDefaults() {
    minimal()
        .run(
            context -> {
              PresignPolicy policy = context.getBean(UploadUrlIssuer.class).policy();
              PresignPolicy core = PresignPolicy.builder().allowContentTypes("image/png").build();
              assertThat(policy.minSize()).isEqualTo(core.minSize());
              assertThat(policy.maxSize()).isEqualTo(core.maxSize());
              assertThat(policy.requireDeclaredSize()).isEqualTo(core.requireDeclaredSize());
              assertThat(policy.uploadTtl()).isEqualTo(core.uploadTtl());
              assertThat(policy.downloadTtl()).isEqualTo(core.downloadTtl());
              assertThat(policy.allowedExtensions()).isEmpty();
              assertThat(policy.extensionMustMatchContentType()).isFalse();
            });
  }

  @Test
  void invalidPolicyValue_failsAtStartUpWithCoresMessage() {
    minimal()
        .withPropertyValues("presign.policy.upload-ttl=8d")
        .run(
            context ->
                startUpFailure(context)
                    .hasMessageContaining("uploadTtl must be between 1s and 7d"));
  }

  @ParameterizedTest
  @CsvSource({
    "UUID, uploads/, 'uploads/[0-9a-f-]{36}\\.png'",
    "uuid, '', '[0-9a-f-]{36}\\.png'",
    "dated-uuid, media/, 'media/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.png'",
    "per-principal, tenants/, 'tenants/acme/[0-9a-f-]{36}\\.png'",
    "original-name, files/, 'files/[0-9a-f-]{36}/cat\\.png'"
  })
  void keyStrategy_kindAndPrefix_nameTheKey(String kind, String prefix, String pattern) {
    minimal()
        .withPropertyValues(
            "presign.key-strategy.kind=" + kind, "presign.key-strategy.prefix=" + prefix)
        .run(
            context -> {
              PresignedUpload upload =
                  context
                      .getBean(UploadUrlIssuer.class)
                      .issueUpload(
                          UploadRequest.of("cat.png", "image/png", 10).withPrincipal("acme"));
              assertThat(upload.key()).matches(pattern);
            });
  }

  @Test
  void keyStrategy_default_isUuidWithoutPrefix() {
    minimal()
        .run(
            context ->
                assertThat(
                        context
                            .getBean(UploadUrlIssuer.class)
                            .issueUpload(UploadRequest.of("cat.png", "image/png", 10))
                            .key())
                    .matches("[0-9a-f-]{36}\\.png"));
  }

  @Test
  void endpointAndPathStyle_addressTheStore() {
    minimal()
        .withPropertyValues("presign.endpoint=http://127.0.0.1:9000", "presign.path-style=true")
        .run(
            context -> {
              PresignedDownload download =
                  context.getBean(UploadUrlIssuer.class).issueDownload("a.png");
              assertThat(download.url()).startsWith("http://127.0.0.1:9000/uploads/a.png?");
            });
  }

  @Test
  void pathStyleUnset_isVirtualHosted() {
    minimal()
        .run(
            context ->
                assertThat(context.getBean(UploadUrlIssuer.class).issueDownload("a.png").url())
                    .startsWith("https://uploads.s3.eu-west-1.amazonaws.com/a.png?"));
  }

  @Test
  void profile_setsAddressingAndRegion() {
    runner
        .withPropertyValues(
            "presign.bucket=uploads",
            "presign.profile=minio",
            "presign.endpoint=http://127.0.0.1:9000",
            "presign.policy.allowed-content-types=image/png")
        .run(
            context -> {
              UploadUrlIssuer issuer = context.getBean(UploadUrlIssuer.class);
              assertThat(issuer.profile()).contains(StoreProfile.MINIO);
              assertThat(issuer.region()).isEqualTo(Region.US_EAST_1);
              assertThat(issuer.issueDownload("a.png").url())
                  .startsWith("http://127.0.0.1:9000/uploads/a.png?");
            });
  }

  @Test
  void profile_regionPropertyWins() {
    runner
        .withPropertyValues(
            "presign.bucket=uploads",
            "presign.profile=ceph-rgw",
            "presign.region=eu-central-1",
            "presign.endpoint=http://127.0.0.1:7480",
            "presign.policy.allowed-content-types=image/png")
        .run(
            context ->
                assertThat(context.getBean(UploadUrlIssuer.class).region())
                    .isEqualTo(Region.EU_CENTRAL_1));
  }

  @Test
  void profile_awsWithEndpoint_failsAtStartUp() {
    minimal()
        .withPropertyValues("presign.profile=aws-s3", "presign.endpoint=http://127.0.0.1:9000")
        .run(context -> startUpFailure(context).hasMessageContaining("AWS_S3 takes no endpoint"));
  }

  @Test
  void region_fromTheAppsRegionBean_whenNoProperty() {
    runner
        .withPropertyValues(
            "presign.bucket=uploads", "presign.policy.allowed-content-types=image/png")
        .withBean(Region.class, () -> Region.AP_SOUTHEAST_2)
        .run(
            context ->
                assertThat(context.getBean(UploadUrlIssuer.class).region())
                    .isEqualTo(Region.AP_SOUTHEAST_2));
  }

  @Test
  void region_propertyBeatsTheAppsRegionBean() {
    minimal()
        .withBean(Region.class, () -> Region.AP_SOUTHEAST_2)
        .run(
            context ->
                assertThat(context.getBean(UploadUrlIssuer.class).region())
                    .isEqualTo(Region.EU_WEST_1));
  }

  @Test
  void region_fromTheSdksChain_whenNothingElse() {
    String saved = System.getProperty("aws.region");
    System.setProperty("aws.region", "sa-east-1");
    try {
      runner
          .withPropertyValues(
              "presign.bucket=uploads", "presign.policy.allowed-content-types=image/png")
          .run(
              context ->
                  assertThat(context.getBean(UploadUrlIssuer.class).region())
                      .isEqualTo(Region.SA_EAST_1));
    } finally {
      restore("aws.region", saved);
    }
  }

  @Test
  void credentials_fromTheAppsBean() {
    minimal()
        .run(
            context ->
                assertThat(context.getBean(UploadUrlIssuer.class).issueDownload("a.png").url())
                    .contains("X-Amz-Credential=AKIAAPPBEAN000000001%2F"));
  }

  @Test
  void credentials_fromTheSdksDefaultChain_whenTheAppHasNone() {
    String savedId = System.getProperty("aws.accessKeyId");
    String savedSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIADEFAULTCHAIN0001");
    System.setProperty("aws.secretAccessKey", "default/chain/secret/0123456789abcdefghij");
    try {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PresignAutoConfiguration.class))
          .withPropertyValues(
              "presign.bucket=uploads",
              "presign.region=eu-west-1",
              "presign.policy.allowed-content-types=image/png")
          .run(
              context ->
                  assertThat(context.getBean(UploadUrlIssuer.class).issueDownload("a.png").url())
                      .contains("X-Amz-Credential=AKIADEFAULTCHAIN0001%2F"));
    } finally {
      restore("aws.accessKeyId", savedId);
      restore("aws.secretAccessKey", savedSecret);
    }
  }

  @Test
  void appsOwnIssuer_replacesPresignsAndFeedsTheOthers() {
    runner
        .withUserConfiguration(OwnIssuer.class)
        .withPropertyValues(
            "presign.bucket=ignored",
            "presign.multipart.session-key=" + KEY_32,
            "presign.verifier.ticket-key=" + KEY_32)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(UploadUrlIssuer.class)
                  .hasSingleBean(MultipartUploads.class)
                  .hasSingleBean(UploadVerifier.class);
              assertThat(context.getBean(UploadUrlIssuer.class).bucket()).isEqualTo("own-bucket");
              assertThat(context.getBean(MultipartUploads.class).toString())
                  .contains("bucket=own-bucket");
            });
  }

  @Test
  void appsOwnIssuer_withoutPresignBucket_stillGetsMultipart() {
    runner
        .withUserConfiguration(OwnIssuer.class)
        .withPropertyValues("presign.multipart.session-key=" + KEY_32)
        .run(context -> assertThat(context).hasSingleBean(MultipartUploads.class));
  }

  @Test
  void sessionKey_createsMultipartUploads() {
    minimal()
        .withPropertyValues("presign.multipart.session-key=" + KEY_32)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(MultipartUploads.class)
                    .doesNotHaveBean(UploadVerifier.class));
  }

  @Test
  void sessionKey_urlSafeBase64_isAccepted() {
    String urlSafe =
        Base64.getUrlEncoder()
            .encodeToString(
                new byte[] {
                  -5, -1, -2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                  20, 21, 22, 23, 24, 25, 26, 27, -4
                });
    assertThat(urlSafe).containsAnyOf("-", "_");
    minimal()
        .withPropertyValues("presign.multipart.session-key=" + urlSafe)
        .run(context -> assertThat(context).hasSingleBean(MultipartUploads.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"presign.multipart.session-key", "presign.verifier.ticket-key"})
  void key_tooShort_failsAtStartUpWithoutShowingTheKey(String property) {
    minimal()
        .withPropertyValues(property + "=" + KEY_16)
        .run(
            context ->
                startUpFailure(context)
                    .hasMessage(
                        property
                            + " must be base64 of at least 32 secret random bytes (e.g. from "
                            + "`openssl rand -base64 32`): it decodes to 16 bytes")
                    .message()
                    .doesNotContain(KEY_16));
  }

  @ParameterizedTest
  @ValueSource(strings = {"presign.multipart.session-key", "presign.verifier.ticket-key"})
  void key_notBase64_failsAtStartUpWithoutShowingTheKey(String property) {
    String secret = "this is my secret password, not base64!!";
    minimal()
        .withPropertyValues(property + "=" + secret)
        .run(
            context ->
                startUpFailure(context)
                    .hasMessageContaining(
                        property + " must be base64 of at least 32 secret random bytes")
                    .hasMessageEndingWith(
                        "it is not valid base64 (" + secret.length() + " characters)")
                    .message()
                    .doesNotContain("secret password"));
  }

  @Test
  void multipartProperties_reachTheService() {
    onStore()
        .withPropertyValues(
            "presign.multipart.session-key=" + KEY_32,
            "presign.multipart.part-size=6MB",
            "presign.multipart.session-ttl=2h",
            "presign.multipart.threshold=10MB")
        .run(
            context -> {
              MultipartUploads multipart = context.getBean(MultipartUploads.class);
              assertThat(multipart.toString())
                  .contains("partSize=" + 6L * 1024 * 1024, "sessionTtl=PT2H");
              IssuedUpload small =
                  multipart.issue(UploadRequest.of("a.mp4", "video/mp4", 10L * 1024 * 1024));
              IssuedUpload large =
                  multipart.issue(UploadRequest.of("b.mp4", "video/mp4", 10L * 1024 * 1024 + 1));
              assertThat(small).isInstanceOf(PresignedUpload.class);
              assertThat(large).isInstanceOf(MultipartSession.class);
              assertThat(((MultipartSession) large).partSize()).isEqualTo(6L * 1024 * 1024);
              assertThat(store.multipartUploads()).hasSize(1);
            });
  }

  @Test
  void multipartDefaults_areCoresDefaults() {
    minimal()
        .withPropertyValues("presign.multipart.session-key=" + KEY_32)
        .run(
            context ->
                assertThat(context.getBean(MultipartUploads.class).toString())
                    .contains("partSize=" + 16L * 1024 * 1024, "sessionTtl=PT24H"));
  }

  @Test
  void ticketKey_createsTheVerifierWithCoresDefaults() {
    minimal()
        .withPropertyValues("presign.verifier.ticket-key=" + KEY_32)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(UploadVerifier.class)
                  .doesNotHaveBean(MultipartUploads.class);
              assertThat(context.getBean(UploadVerifier.class).toString())
                  .contains("onFailure=QUARANTINED under quarantine/", "checkContent=true");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "quarantine, held/, 'onFailure=QUARANTINED under held/'",
    "delete, '', 'onFailure=DELETED,'",
    "keep, '', 'onFailure=KEPT,'"
  })
  void verifierAction_reachesTheVerifier(String action, String prefix, String expected) {
    minimal()
        .withPropertyValues(
            "presign.verifier.ticket-key=" + KEY_32,
            "presign.verifier.action=" + action,
            "presign.verifier.quarantine-prefix=" + prefix,
            "presign.verifier.check-content=false")
        .run(
            context ->
                assertThat(context.getBean(UploadVerifier.class).toString())
                    .contains(expected, "checkContent=false"));
  }

  @Test
  void verifierTicketTtl_isChecked() {
    minimal()
        .withPropertyValues(
            "presign.verifier.ticket-key=" + KEY_32, "presign.verifier.ticket-ttl=10s")
        .run(
            context ->
                startUpFailure(context)
                    .hasMessageContaining("ticketTtl must be between 1m and 7d"));
  }

  @Test
  void verifierTicketTtl_valid_isAccepted() {
    minimal()
        .withPropertyValues(
            "presign.verifier.ticket-key=" + KEY_32, "presign.verifier.ticket-ttl=2h")
        .run(context -> assertThat(context).hasSingleBean(UploadVerifier.class));
  }

  @Test
  void verifier_onTheStore_verifiesWhatLanded() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    onStore()
        .withPropertyValues("presign.verifier.ticket-key=" + KEY_32)
        .run(
            context -> {
              UploadUrlIssuer issuer = context.getBean(UploadUrlIssuer.class);
              UploadVerifier verifier = context.getBean(UploadVerifier.class);
              PresignedUpload upload =
                  issuer.issueUpload(UploadRequest.of("cat.png", "image/png", png.length));
              assertThat(store.client().put(upload, png).status()).isEqualTo(200);

              assertThat(verifier.verify(verifier.ticket(upload)).passed()).isTrue();
            });
  }

  @Test
  void appsOwnMultipartAndVerifier_replacePresigns() {
    minimal()
        .withUserConfiguration(OwnServices.class)
        .withPropertyValues(
            "presign.multipart.session-key=" + KEY_32, "presign.verifier.ticket-key=" + KEY_32)
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(MultipartUploads.class)
                  .hasSingleBean(UploadVerifier.class);
              assertThat(context.getBean(UploadVerifier.class).toString())
                  .contains("onFailure=KEPT");
              assertThat(context.getBean(MultipartUploads.class).toString())
                  .contains("partSize=" + 7L * 1024 * 1024);
            });
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class AppCredentials {
    @Bean
    AwsCredentialsProvider appCredentials() {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAAPPBEAN000000001", "app/bean/secret/key"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnIssuer {
    @Bean
    UploadUrlIssuer ownIssuer(AwsCredentialsProvider credentials) {
      return UploadUrlIssuer.builder()
          .bucket("own-bucket")
          .region(Region.US_WEST_2)
          .credentialsProvider(credentials)
          .policy(PresignPolicy.builder().allowContentTypes(List.of("*/*")).build())
          .keyStrategy(KeyStrategy.uuid("own/"))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnServices {
    @Bean
    MultipartUploads ownMultipart(UploadUrlIssuer issuer) {
      return MultipartUploads.builder()
          .issuer(issuer)
          .sessionKey(new byte[40])
          .partSize(7L * 1024 * 1024)
          .build();
    }

    @Bean
    UploadVerifier ownVerifier(UploadUrlIssuer issuer) {
      return UploadVerifier.builder().issuer(issuer).ticketKey(new byte[40]).keepFailed().build();
    }
  }

  // Why the app did not start: the exception at the bottom of Spring's chain, presign's own.
  private static AbstractThrowableAssert<?, ? extends Throwable> startUpFailure(
      AssertableApplicationContext context) {
    return assertThat(context).hasFailed().getFailure().rootCause();
  }
}
