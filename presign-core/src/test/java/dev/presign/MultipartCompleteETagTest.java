package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The ETag {@code complete()} returns when the store leaves it out of its CompleteMultipartUpload answer,
 * as Ceph RGW 16.2 does (its empty {@code <ETag>} was seen against a real RGW 16.2.15, where a HEAD then
 * shows {@code "md5-N"}). S3Proxy always sends one, so the empty answer is played by a fake.
 */
class MultipartCompleteETagTest {
  private static final String ASSEMBLED = "\"71046e2ca1918d077bd783b79860a531-2\"";

  @Test
  void complete_storeSendsTheETag_returnsItWithoutAHead() {
    CompletingFake s3 = new CompletingFake(ASSEMBLED, null, "\"not-asked\"");

    String etag = complete(s3);

    assertThat(etag).isEqualTo(ASSEMBLED);
    assertThat(s3.heads).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "\"\""})
  void complete_storeSendsNoETag_returnsTheETagOfAHeadOfTheObject(String missing) {
    CompletingFake s3 = new CompletingFake(missing, null, ASSEMBLED);

    String etag = complete(s3);

    assertThat(etag).isEqualTo(ASSEMBLED);
    assertThat(s3.heads).hasSize(1);
    HeadObjectRequest head = s3.heads.get(0);
    assertThat(head.bucket()).isEqualTo("b-1");
    assertThat(head.key()).isEqualTo(s3.completed.get(0).key()).startsWith("films/");
    assertThat(head.versionId()).isNull();
  }

  @Test
  void complete_versionedBucketWithoutETag_headsTheVersionTheCompletionCreated() {
    CompletingFake s3 = new CompletingFake("", "v-42", ASSEMBLED);

    String etag = complete(s3);

    assertThat(etag).isEqualTo(ASSEMBLED);
    assertThat(s3.heads).extracting(HeadObjectRequest::versionId).containsExactly("v-42");
  }

  @Test
  void complete_noETagOnCompletionNorOnHead_saysSoInsteadOfReturningNothing() {
    CompletingFake s3 = new CompletingFake("", null, "");

    assertThatThrownBy(() -> complete(s3))
        .isInstanceOf(PresignException.class)
        .hasMessageStartingWith("the multipart upload completed, but S3 gave no ETag for it")
        .hasMessageContaining("films/")
        .extracting(e -> ((PresignException) e).kind()).isEqualTo(PresignException.Kind.STORE_INCONSISTENT);
  }

  @Test
  void complete_headRefused_surfacesS3sErrorCode() {
    CompletingFake s3 = new CompletingFake("", null, null);

    assertThatThrownBy(() -> complete(s3))
        .isInstanceOf(PresignException.class)
        .hasMessage("S3 refused HeadObject: AccessDenied (HTTP 403)")
        .extracting(e -> ((PresignException) e).kind()).isEqualTo(PresignException.Kind.STORE_REFUSED);
  }

  private static String complete(CompletingFake s3) {
    UploadUrlIssuer issuer = UploadUrlIssuer.builder().bucket("b-1").region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("video/*").build())
        .keyStrategy(KeyStrategy.uuid("films/"))
        .build();
    MultipartUploads uploads = MultipartUploads.builder().issuer(issuer).s3Client(s3).partSize(5L * 1024 * 1024)
        .sessionKey("complete-etag-test-session-key-0123456789".getBytes(StandardCharsets.US_ASCII)).build();
    MultipartSession session = uploads.start(UploadRequest.of("film.mp4", "video/mp4", 2L * 5 * 1024 * 1024));
    return uploads.complete(session.token(), List.of(UploadedPart.of(1, "\"e1\""), UploadedPart.of(2, "\"e2\"")));
  }

  /**
   * Holds two 5 MiB parts and answers the completion with the given ETag and version; a HEAD answers
   * with {@code headETag}, or 403 AccessDenied when that is null.
   */
  private static final class CompletingFake implements S3Client {
    private final String completeETag;
    private final String versionId;
    private final String headETag;
    private final List<CompleteMultipartUploadRequest> completed = new ArrayList<>();
    private final List<HeadObjectRequest> heads = new ArrayList<>();

    CompletingFake(String completeETag, String versionId, String headETag) {
      this.completeETag = completeETag;
      this.versionId = versionId;
      this.headETag = headETag;
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
      return CreateMultipartUploadResponse.builder().uploadId("u-1").build();
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
      return ListPartsResponse.builder()
          .parts(Part.builder().partNumber(1).eTag("\"e1\"").size(5L << 20).build(),
              Part.builder().partNumber(2).eTag("\"e2\"").size(5L << 20).build())
          .isTruncated(false)
          .build();
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
      completed.add(request);
      return CompleteMultipartUploadResponse.builder().eTag(completeETag).versionId(versionId).build();
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
      heads.add(request);
      if (headETag == null) {
        throw (S3Exception) S3Exception.builder().statusCode(403)
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("AccessDenied").build())
            .build();
      }
      return HeadObjectResponse.builder().eTag(headETag).build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }
}
