package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.StoreProfile;
import dev.presign.UploadRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** The store's own behaviour: what it hands a test, its lifecycle, and the external flavour. */
class S3TestStoreTest {
  private static final byte[] PNG = "\u0089PNG store".getBytes(StandardCharsets.ISO_8859_1);

  @RegisterExtension static final S3TestStore store = S3TestStore.create();

  private static PresignedUpload upload(S3TestStore on) {
    return on.issuerBuilder()
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .build()
        .issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
  }

  @Test
  void store_runsOnLoopbackWithRandomCredentials() {
    try (S3TestStore other = S3TestStore.create().start()) {
      assertThat(store.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(store.endpoint().getPort()).isNotEqualTo(other.endpoint().getPort());
      assertThat(store.credentialsProvider().resolveCredentials().secretAccessKey())
          .isNotEqualTo(other.credentialsProvider().resolveCredentials().secretAccessKey());
      assertThat(store.credentialsProvider().resolveCredentials().accessKeyId())
          .matches("AKIA[A-Z2-7]{16}");
      assertThat(store.kind()).isEqualTo(S3TestStore.Kind.S3PROXY);
      assertThat(store.checksSignatures()).isTrue();
    }
  }

  @Test
  void object_reportsStoredHeadersAndMetadata() {
    String key = "objects/report.txt";
    store
        .s3Client()
        .putObject(
            r ->
                r.bucket(store.bucket())
                    .key(key)
                    .contentType("text/plain")
                    .contentDisposition("attachment; filename=\"r.txt\"")
                    .cacheControl("no-store")
                    .contentEncoding("identity")
                    .metadata(Map.of("owner", "alice")),
            RequestBody.fromString("hello"));

    StoredObject stored = store.object(key);

    assertThat(stored.size()).isEqualTo(5);
    assertThat(stored.eTag()).startsWith("\"");
    assertThat(stored.contentType()).hasValue("text/plain");
    assertThat(stored.header("content-disposition")).hasValue("attachment; filename=\"r.txt\"");
    assertThat(stored.header("Cache-Control")).hasValue("no-store");
    assertThat(stored.header("Content-Encoding")).hasValue("identity");
    assertThat(stored.metadata()).containsEntry("owner", "alice");
    assertThat(store.bytes(key)).asString().isEqualTo("hello");
    assertThat(store.exists(key)).isTrue();
    assertThat(store.exists("objects/missing")).isFalse();
    store.clear();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void createBucket_givesAnotherEmptyBucketOfTheStore() {
    String other = store.createBucket();

    store.s3Client().putObject(r -> r.bucket(other).key("k"), RequestBody.fromString("x"));

    assertThat(other).startsWith("presign-extra-").isNotEqualTo(store.bucket());
    assertThat(store.keys(other)).containsExactly("k");
    assertThat(store.keys()).doesNotContain("k");
  }

  @Test
  void external_pointsAtAStoreThatRunsElsewhere() {
    try (S3TestStore external =
        S3TestStore.builder()
            .external(
                store.endpoint(),
                store.credentialsProvider().resolveCredentials().accessKeyId(),
                store.credentialsProvider().resolveCredentials().secretAccessKey(),
                store.bucket(),
                StoreProfile.MINIO)
            .build()
            .start()) {
      PresignedUpload upload = upload(external);

      assertThat(external.client().put(upload, PNG)).isAccepted();
      assertThat(external.kind()).isEqualTo(S3TestStore.Kind.EXTERNAL);
      assertThat(external.profile()).hasValue(StoreProfile.MINIO);
      assertThat(store.bytes(upload.key())).isEqualTo(PNG);
    }
    assertThat(store.keys()).isNotEmpty();
    store.clear();
  }

  @Test
  void externalFromSystemProperties_withoutTheEndpoint_keepsS3Proxy() {
    assertThat(System.getProperty(S3TestStore.ENDPOINT_PROPERTY)).isNull();

    S3TestStore unchanged = S3TestStore.builder().externalFromSystemProperties().build();

    assertThat(unchanged.kind()).isEqualTo(S3TestStore.Kind.S3PROXY);
  }

  @Test
  void externalFromSystemProperties_withAnIncompleteSet_namesTheMissingProperty() {
    System.setProperty(S3TestStore.ENDPOINT_PROPERTY, "http://127.0.0.1:7480");
    try {
      assertThatThrownBy(() -> S3TestStore.builder().externalFromSystemProperties())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("presign.test.accessKey must be set when presign.test.endpoint is");
      System.setProperty("presign.test.profile", "CEPH");
      System.setProperty("presign.test.accessKey", "a");
      System.setProperty("presign.test.secretKey", "s");
      System.setProperty("presign.test.bucket", "b");
      assertThatThrownBy(() -> S3TestStore.builder().externalFromSystemProperties())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("presign.test.profile must name a StoreProfile: CEPH");
      System.setProperty("presign.test.profile", "CEPH_RGW");
      assertThat(S3TestStore.builder().externalFromSystemProperties().build().kind())
          .isEqualTo(S3TestStore.Kind.EXTERNAL);
    } finally {
      for (String name :
          new String[] {
            S3TestStore.ENDPOINT_PROPERTY,
            "presign.test.profile",
            "presign.test.accessKey",
            "presign.test.secretKey",
            "presign.test.bucket"
          }) {
        System.clearProperty(name);
      }
    }
  }

  @Test
  void store_beforeStart_saysHowToStartIt() {
    S3TestStore notStarted = S3TestStore.create();

    assertThatThrownBy(notStarted::endpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
    assertThat(notStarted.toString()).contains("not running");
    notStarted.close();
  }

  @Test
  void toString_namesTheStoreButNoSecret() {
    assertThat(store.toString())
        .contains("S3PROXY", store.bucket(), String.valueOf(store.endpoint().getPort()))
        .doesNotContain(store.credentialsProvider().resolveCredentials().secretAccessKey());
  }
}
