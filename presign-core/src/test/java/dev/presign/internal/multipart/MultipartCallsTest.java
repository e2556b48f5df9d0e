package dev.presign.internal.multipart;

import static dev.presign.testing.FakeS3Client.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.PresignException;
import dev.presign.UploadedPart;
import dev.presign.testing.FakeS3Client;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What presign does around the multipart calls: paging, which calls follow which answer, the ETag
 * it returns when a store leaves it out (Ceph RGW 16.2 answers CompleteMultipartUpload with an
 * empty {@code <ETag>}, seen against a real RGW 16.2.15, where a HEAD then shows {@code "md5-N"};
 * S3Proxy always sends one), a retried completion, and tags set after completion. A fake plays the
 * store: what S3 itself decides is tested against S3Proxy in the store suites.
 */
class MultipartCallsTest {
  private static final String ASSEMBLED = "\"71046e2ca1918d077bd783b79860a531-2\"";
  private static final long MIB5 = 5L << 20;
  private static final SessionToken SESSION = session("");
  private static final List<UploadedPart> NAMED =
      List.of(UploadedPart.of(1, "\"e1\""), UploadedPart.of(2, "\"e2\""));

  @Test
  void create_sendsBucketKeyAndTypeAndAnswersTheUploadId() {
    FakeS3Client s3 = new FakeS3Client();

    String uploadId = new MultipartCalls(s3, "b-1").create("films/a.mp4", "video/mp4", null);

    assertThat(uploadId).isEqualTo("u-1");
    assertThat(s3.created())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.bucket()).isEqualTo("b-1");
              assertThat(r.key()).isEqualTo("films/a.mp4");
              assertThat(r.contentType()).isEqualTo("video/mp4");
            });
  }

  @Test
  void list_followsPagesInOrder() {
    FakeS3Client s3 =
        new FakeS3Client()
            .listing(
                r -> page(r.partNumberMarker() == null ? 1 : 3, r.partNumberMarker() == null, 2));

    List<UploadedPart> parts = new MultipartCalls(s3, "b-1").list(SESSION);

    assertThat(parts).extracting(UploadedPart::partNumber).containsExactly(1, 2, 3, 4);
    assertThat(s3.listed()).extracting(r -> r.partNumberMarker()).containsExactly(null, 2);
    assertThat(s3.listed()).allSatisfy(r -> assertThat(r.uploadId()).isEqualTo("u-1"));
  }

  @Test
  void list_storeWhoseMarkerNeverAdvances_stopsInsteadOfLooping() {
    FakeS3Client s3 = new FakeS3Client().listing(r -> page(1, true, 2));

    List<UploadedPart> parts = new MultipartCalls(s3, "b-1").list(SESSION);

    assertThat(s3.listed()).hasSize(2);
    assertThat(parts).extracting(UploadedPart::partNumber).startsWith(1, 2);
  }

  @Test
  void list_truncatedWithoutAMarker_stops() {
    FakeS3Client s3 = new FakeS3Client().listing(r -> page(1, true, null));

    assertThat(new MultipartCalls(s3, "b-1").list(SESSION)).hasSize(2);
    assertThat(s3.listed()).hasSize(1);
  }

  @Test
  void list_partWithoutETagOrSize_listedAsEmptyAndMinusOne() {
    FakeS3Client s3 =
        new FakeS3Client()
            .holding(software.amazon.awssdk.services.s3.model.Part.builder().partNumber(1).build());

    assertThat(new MultipartCalls(s3, "b-1").list(SESSION))
        .containsExactly(new UploadedPart(1, "", -1));
  }

  @Test
  void complete_partsNamedWrongly_refusedBeforeAnyCallToS3() {
    FakeS3Client s3 = new FakeS3Client().holding(part(1, "\"e1\"", MIB5), part(2, "\"e2\"", MIB5));

    assertThatThrownBy(
            () ->
                new MultipartCalls(s3, "b-1")
                    .complete(SESSION, List.of(NAMED.get(1), NAMED.get(0)), false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("parts must be numbered 1..2 in order: found 2 at position 1");
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void complete_storeHoldsAShortPart_refusedWithoutCompleting() {
    FakeS3Client s3 =
        new FakeS3Client().holding(part(1, "\"e1\"", MIB5 - 1), part(2, "\"e2\"", MIB5));

    assertThatThrownBy(() -> complete(s3, false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("part 1 must be 5242880 bytes: 5242879");
    assertThat(s3.calls()).containsExactly("ListParts films/a.mp4");
  }

  @Test
  void complete_storeSendsTheETag_returnsItWithoutAHead() {
    FakeS3Client s3 = holdingTwo().completingWith(ASSEMBLED, null);

    assertThat(complete(s3, false)).isEqualTo(ASSEMBLED);
    assertThat(s3.calls())
        .containsExactly("ListParts films/a.mp4", "CompleteMultipartUpload films/a.mp4");
    assertThat(s3.completed().get(0).multipartUpload().parts())
        .extracting(CompletedPart::partNumber, CompletedPart::eTag)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "\"e1\""),
            org.assertj.core.groups.Tuple.tuple(2, "\"e2\""));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  ", "\"\""})
  void complete_storeSendsNoETag_returnsTheETagOfAHeadOfTheObject(String missing) {
    FakeS3Client s3 = holdingTwo().completingWith(missing, null).headAnswering(ASSEMBLED);

    assertThat(complete(s3, false)).isEqualTo(ASSEMBLED);
    assertThat(s3.heads())
        .singleElement()
        .satisfies(
            head -> {
              assertThat(head.bucket()).isEqualTo("b-1");
              assertThat(head.key()).isEqualTo("films/a.mp4");
              assertThat(head.versionId()).isNull();
            });
  }

  @Test
  void complete_versionedBucketWithoutETag_headsTheVersionTheCompletionCreated() {
    FakeS3Client s3 = holdingTwo().completingWith("", "v-42").headAnswering(ASSEMBLED);

    assertThat(complete(s3, false)).isEqualTo(ASSEMBLED);
    assertThat(s3.heads()).extracting(HeadObjectRequest::versionId).containsExactly("v-42");
  }

  @Test
  void complete_noETagOnCompletionNorOnHead_saysSoInsteadOfReturningNothing() {
    FakeS3Client s3 = holdingTwo().completingWith("", null).headAnswering("");

    assertCompletionFails(s3, false, PresignException.Kind.STORE_INCONSISTENT)
        .hasMessageStartingWith("the multipart upload completed, but S3 gave no ETag for it")
        .hasMessageContaining("films/a.mp4");
  }

  @Test
  void complete_headRefused_surfacesS3sErrorCode() {
    FakeS3Client s3 = holdingTwo().completingWith("", null).refusingHead(403, "AccessDenied");

    assertCompletionFails(s3, false, PresignException.Kind.STORE_REFUSED)
        .hasMessage("S3 refused HeadObject: AccessDenied (HTTP 403)");
  }

  @Test
  void complete_retriedAfterS3ForgotTheUpload_answersTheStoredObjectsETag() {
    FakeS3Client s3 = new FakeS3Client().refusingList(404, "NoSuchUpload").headAnswering(ASSEMBLED);

    assertThat(complete(s3, true)).isEqualTo(ASSEMBLED);
    assertThat(s3.calls()).containsExactly("ListParts films/a.mp4", "HeadObject films/a.mp4");
  }

  @Test
  void complete_retriedWithNoPartsListed_answersTheStoredObjectsETag() {
    FakeS3Client s3 = new FakeS3Client().headAnswering(ASSEMBLED);

    assertThat(complete(s3, true)).isEqualTo(ASSEMBLED);
    assertThat(s3.completed()).isEmpty();
  }

  @Test
  void complete_retriedButNothingStored_surfacesNoSuchUpload() {
    FakeS3Client s3 = new FakeS3Client().refusingList(404, "NoSuchUpload");

    assertCompletionFails(s3, true, PresignException.Kind.NOT_FOUND)
        .hasMessage("S3 refused ListParts: NoSuchUpload (HTTP 404)");
  }

  @Test
  void complete_notARetry_neverAnswersAStoredObject() {
    FakeS3Client s3 = new FakeS3Client().refusingList(404, "NoSuchUpload").headAnswering(ASSEMBLED);

    assertCompletionFails(s3, false, PresignException.Kind.NOT_FOUND)
        .hasMessage("S3 refused ListParts: NoSuchUpload (HTTP 404)");
    assertThat(s3.heads()).isEmpty();
  }

  @Test
  void complete_sessionCarriesTags_setsThemOnTheVersionCompleted() {
    SessionToken tagged = session("team=a%20b");
    FakeS3Client s3 = holdingTwo().completingWith(ASSEMBLED, "v-7");

    new MultipartCalls(s3, "b-1").complete(tagged, NAMED, false);

    assertThat(s3.calls())
        .containsExactly(
            "ListParts films/a.mp4",
            "CompleteMultipartUpload films/a.mp4",
            "PutObjectTagging films/a.mp4");
    assertThat(s3.taggings())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.versionId()).isEqualTo("v-7");
              assertThat(r.tagging().tagSet())
                  .extracting(Tag::key, Tag::value)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "a b"));
            });
  }

  @Test
  void abort_sendsKeyAndUploadId() {
    FakeS3Client s3 = new FakeS3Client();

    new MultipartCalls(s3, "b-1").abort("films/a.mp4", "u-9");

    assertThat(s3.aborted())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.bucket()).isEqualTo("b-1");
              assertThat(r.key()).isEqualTo("films/a.mp4");
              assertThat(r.uploadId()).isEqualTo("u-9");
            });
  }

  private static SessionToken session(String tagging) {
    return new SessionToken(
        "b-1",
        "u-1",
        "films/a.mp4",
        "video/mp4",
        PartPlan.of(2 * MIB5, MIB5),
        Instant.parse("2026-12-03T00:00:00Z"),
        tagging);
  }

  private static String complete(FakeS3Client s3, boolean retry) {
    return new MultipartCalls(s3, "b-1").complete(SESSION, NAMED, retry);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertCompletionFails(
      FakeS3Client s3, boolean retry, PresignException.Kind kind) {
    AbstractThrowableAssert<?, ? extends Throwable> failure =
        assertThatThrownBy(() -> complete(s3, retry)).isInstanceOf(PresignException.class);
    failure.extracting(e -> ((PresignException) e).kind()).isEqualTo(kind);
    return failure;
  }

  private static FakeS3Client holdingTwo() {
    return new FakeS3Client().holding(part(1, "\"e1\"", MIB5), part(2, "\"e2\"", MIB5));
  }

  private static ListPartsResponse page(int from, boolean truncated, Integer nextMarker) {
    return ListPartsResponse.builder()
        .parts(
            part(from, "\"e" + from + "\"", MIB5), part(from + 1, "\"e" + (from + 1) + "\"", MIB5))
        .isTruncated(truncated)
        .nextPartNumberMarker(nextMarker)
        .build();
  }
}
