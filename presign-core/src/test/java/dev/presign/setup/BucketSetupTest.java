package dev.presign.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * BucketSetup's rules and its lifecycle merge, on a fake client: the merge is presign's logic, not
 * S3's.
 */
class BucketSetupTest {

  @Test
  void corsRule_allowsWhatBrowserUploadsNeedAndExposesEtag() {
    CORSRule rule =
        BucketSetup.corsRule(
            List.of(
                "https://App.Example.com", "http://localhost:8080", "https://cdn.example.com:443"));

    assertThat(rule.allowedOrigins())
        .containsExactly(
            "https://app.example.com", "http://localhost:8080", "https://cdn.example.com");
    assertThat(rule.allowedMethods()).contains("PUT", "POST", "GET");
    assertThat(rule.allowedHeaders())
        .contains(
            "content-type",
            "x-amz-checksum-*",
            "x-amz-meta-*",
            "x-amz-tagging",
            "x-amz-storage-class",
            "x-amz-server-side-encryption*");
    assertThat(rule.exposeHeaders()).contains("ETag");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "app.example.com",
        "https://app.example.com/path",
        "ftp://x",
        "https://u:p@x",
        "https://x?q=1",
        "javascript:alert(1)"
      })
  void corsRule_badOrigin_isRefused(String origin) {
    assertThatThrownBy(() -> BucketSetup.corsRule(List.of(origin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("origin must be scheme://host[:port] with no path, or *");
  }

  @Test
  void missing_ruleWithoutEtagOrMethod_namesTheGaps() {
    CORSRule wanted = BucketSetup.corsRule(List.of("https://app.example.com"));
    CORSRule partial =
        CORSRule.builder()
            .allowedOrigins("https://app.example.com")
            .allowedMethods("GET", "PUT")
            .allowedHeaders("*")
            .build();

    assertThat(BucketSetup.missing(List.of(partial), wanted))
        .contains(
            "method POST is not allowed",
            "method HEAD is not allowed",
            "header ETag is not exposed, so browsers cannot complete multipart uploads");
    assertThat(BucketSetup.missing(List.of(partial, wanted), wanted)).isEmpty();
    assertThat(BucketSetup.missing(List.of(), wanted))
        .containsExactly("the bucket has no CORS rules");
  }

  @Test
  void applyAbortIncompleteMultipartUploads_keepsOtherRulesAndReplacesItsOwn() {
    LifecycleRule theirs =
        LifecycleRule.builder()
            .id("expire-logs")
            .status("Enabled")
            .filter(f -> f.prefix("logs/"))
            .expiration(e -> e.days(30))
            .build();
    LifecycleFake s3 =
        new LifecycleFake(List.of(theirs, BucketSetup.abortIncompleteMultipartUploadsRule(30)));

    BucketSetup.applyAbortIncompleteMultipartUploads(s3, "b-1", 7);

    assertThat(s3.written).hasSize(2);
    assertThat(s3.written.get(0)).isEqualTo(theirs);
    assertThat(s3.written.get(1).id()).isEqualTo(BucketSetup.ABORT_RULE_ID);
    assertThat(s3.written.get(1).abortIncompleteMultipartUpload().daysAfterInitiation())
        .isEqualTo(7);
    assertThat(s3.writtenMinimumSize).isEqualTo("varies_by_storage_class");
  }

  @Test
  void applyAbortIncompleteMultipartUploads_withoutAnyConfiguration_writesItsRuleAlone() {
    LifecycleFake s3 = new LifecycleFake(null);

    BucketSetup.applyAbortIncompleteMultipartUploads(s3, "b-1", 3);

    assertThat(s3.written).extracting(LifecycleRule::id).containsExactly(BucketSetup.ABORT_RULE_ID);
    assertThat(s3.writtenMinimumSize).isNull();
  }

  /** Holds a lifecycle configuration in memory: the merge is presign's logic, not S3's. */
  private static final class LifecycleFake implements S3Client {
    private final List<LifecycleRule> existing;
    private List<LifecycleRule> written = new ArrayList<>();
    private String writtenMinimumSize;

    LifecycleFake(List<LifecycleRule> existing) {
      this.existing = existing;
    }

    @Override
    public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(
        GetBucketLifecycleConfigurationRequest request) {
      if (existing == null) {
        throw (S3Exception)
            S3Exception.builder()
                .statusCode(404)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("NoSuchLifecycleConfiguration").build())
                .build();
      }
      return GetBucketLifecycleConfigurationResponse.builder()
          .rules(existing)
          .transitionDefaultMinimumObjectSize("varies_by_storage_class")
          .build();
    }

    @Override
    public PutBucketLifecycleConfigurationResponse putBucketLifecycleConfiguration(
        PutBucketLifecycleConfigurationRequest request) {
      written = request.lifecycleConfiguration().rules();
      writtenMinimumSize = request.transitionDefaultMinimumObjectSizeAsString();
      return PutBucketLifecycleConfigurationResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }

  @Test
  void expireTaggedRule_expiresObjectsStillCarryingTheTag() {
    software.amazon.awssdk.services.s3.model.LifecycleRule rule =
        BucketSetup.expireTaggedRule("presign-status", "pending", 7);

    assertThat(rule.id()).isEqualTo("presign-expire-presign-status-pending");
    assertThat(rule.statusAsString()).isEqualTo("Enabled");
    assertThat(rule.filter().tag().key()).isEqualTo("presign-status");
    assertThat(rule.filter().tag().value()).isEqualTo("pending");
    assertThat(rule.expiration().days()).isEqualTo(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BucketSetup.expireTaggedRule("aws:x", "pending", 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag key must not start with aws:");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BucketSetup.expireTaggedRule("presign-status", "pending", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be between 1 and 3650: 0");
  }
}
