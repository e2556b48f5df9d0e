package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store on an instance field lives for one test; emptyBucketPerTest empties a class store between
 * tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3TestStoreLifecycleTest {
  private static String firstSecret;

  @RegisterExtension
  static final S3TestStore perClass = S3TestStore.builder().emptyBucketPerTest(true).build();

  @RegisterExtension final S3TestStore perTest = S3TestStore.create();

  @Test
  @Order(1)
  void first_storesAnObject() {
    PresignedUpload upload =
        perClass
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("text/plain").build())
            .build()
            .issueUpload(UploadRequest.of("a.txt", "text/plain", 1));
    assertThat(perClass.client().put(upload, new byte[] {'a'})).isAccepted();
    firstSecret = perTest.credentialsProvider().resolveCredentials().secretAccessKey();

    assertThat(perClass.keys()).hasSize(1);
  }

  @Test
  @Order(2)
  void second_findsTheClassBucketEmptyAndAFreshInstanceStore() {
    assertThat(perClass.keys()).isEmpty();
    assertThat(perTest.credentialsProvider().resolveCredentials().secretAccessKey())
        .isNotEqualTo(firstSecret);
  }

  @Nested
  class Inner {
    @Test
    void nestedClass_sharesTheOuterStore() {
      assertThat(perClass.keys()).isEmpty();
      innerSecret = perClass.credentialsProvider().resolveCredentials().secretAccessKey();
    }
  }

  private static String innerSecret;

  @AfterAll
  static void outerStoreSurvivedTheNestedClass() {
    // The nested class ended before this method; had it stopped the outer store, it would have
    // restarted.
    assertThat(innerSecret)
        .isEqualTo(perClass.credentialsProvider().resolveCredentials().secretAccessKey());
  }
}
