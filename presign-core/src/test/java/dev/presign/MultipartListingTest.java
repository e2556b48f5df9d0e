package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;

/** ListParts paging, which S3Proxy never exercises: it answers in one page. */
class MultipartListingTest {

  @Test
  void listParts_followsPagesInOrder() {
    PagedFake s3 = new PagedFake(false);

    List<UploadedPart> parts = multipart(s3).listParts(session(s3));

    assertThat(parts).extracting(UploadedPart::partNumber).containsExactly(1, 2, 3, 4);
    assertThat(s3.markers).containsExactly(null, 2);
  }

  @Test
  void listParts_storeWhoseMarkerNeverAdvances_stopsInsteadOfLooping() {
    PagedFake s3 = new PagedFake(true);

    List<UploadedPart> parts = multipart(s3).listParts(session(s3));

    assertThat(s3.markers).hasSizeLessThanOrEqualTo(2);
    assertThat(parts).extracting(UploadedPart::partNumber).startsWith(1, 2);
  }

  @Test
  void presignAllParts_tenThousandParts_signedInParallelComeBackInOrder() {
    PagedFake s3 = new PagedFake(false);
    MultipartUploads uploads = multipart(s3);
    MultipartSession session = uploads.start(UploadRequest.of("film.mp4", "video/mp4", 10_000L * 5 * 1024 * 1024 - 7));

    List<PresignedPart> parts = uploads.presignAllParts(session.token());

    assertThat(session.partCount()).isEqualTo(10_000);
    assertThat(parts).hasSize(10_000);
    for (int i = 0; i < parts.size(); i++) {
      PresignedPart part = parts.get(i);
      assertThat(part.partNumber()).isEqualTo(i + 1);
      assertThat(part.uri().getRawQuery()).contains("partNumber=" + (i + 1) + "&uploadId=u-1");
      assertThat(part.size()).isEqualTo(session.sizeOf(i + 1));
    }
    assertThat(parts.stream().map(p -> p.uri().getRawQuery()).distinct().count()).isEqualTo(10_000);
  }

  private static MultipartUploads multipart(S3Client s3) {
    UploadUrlIssuer issuer = UploadUrlIssuer.builder().bucket("b-1").region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("video/*").maxSize(PresignPolicy.MAX_OBJECT_SIZE).build())
        .build();
    return MultipartUploads.builder().issuer(issuer).s3Client(s3).partSize(5L * 1024 * 1024)
        .sessionKey("listing-test-session-key-0123456789abc".getBytes(StandardCharsets.US_ASCII)).build();
  }

  private static String session(S3Client s3) {
    return multipart(s3).start(UploadRequest.of("film.mp4", "video/mp4", 20L * 1024 * 1024)).token();
  }

  /** Two pages of two parts; a broken store repeats its marker. */
  private static final class PagedFake implements S3Client {
    private final boolean stuck;
    private final List<Integer> markers = new ArrayList<>();

    PagedFake(boolean stuck) {
      this.stuck = stuck;
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
      return CreateMultipartUploadResponse.builder().uploadId("u-1").build();
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
      markers.add(request.partNumberMarker());
      boolean first = request.partNumberMarker() == null || stuck;
      int from = first ? 1 : 3;
      return ListPartsResponse.builder()
          .parts(Part.builder().partNumber(from).eTag("\"e" + from + "\"").size(5L << 20).build(),
              Part.builder().partNumber(from + 1).eTag("\"e" + (from + 1) + "\"").size(5L << 20).build())
          .isTruncated(first)
          .nextPartNumberMarker(stuck ? request.partNumberMarker() == null ? 2 : request.partNumberMarker() : 2)
          .build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }
}
