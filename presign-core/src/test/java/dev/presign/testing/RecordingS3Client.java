package dev.presign.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A hand-written fake of the multipart calls, for what presign decides around them (checks before a
 * call, which calls follow, what is done with an answer); never to prove what S3 decides, which the
 * store suites test against S3Proxy. It records every request and answers as configured: by default
 * an upload id {@code u-1}, no parts, a completion ETag {@code "assembled-2"} and a HEAD that finds
 * nothing (404).
 */
public final class RecordingS3Client implements S3Client {
  /** Every operation called, in order, e.g. {@code ListParts}. */
  public final List<String> calls = new ArrayList<>();

  /** The CreateMultipartUpload requests. */
  public final List<CreateMultipartUploadRequest> created = new ArrayList<>();

  /** The ListParts requests. */
  public final List<ListPartsRequest> listed = new ArrayList<>();

  /** The CompleteMultipartUpload requests. */
  public final List<CompleteMultipartUploadRequest> completed = new ArrayList<>();

  /** The HeadObject requests. */
  public final List<HeadObjectRequest> heads = new ArrayList<>();

  /** The PutObjectTagging requests. */
  public final List<PutObjectTaggingRequest> taggings = new ArrayList<>();

  /** The AbortMultipartUpload requests. */
  public final List<AbortMultipartUploadRequest> aborted = new ArrayList<>();

  private Function<ListPartsRequest, ListPartsResponse> listing =
      r -> ListPartsResponse.builder().isTruncated(false).build();
  private S3Exception listFailure;
  private String completeETag = "\"assembled-2\"";
  private String versionId;
  private String headETag;
  private int headStatus = 404;

  /**
   * Holds these parts, answered in one page.
   *
   * @param parts the parts
   * @return this fake
   */
  public RecordingS3Client holding(Part... parts) {
    List<Part> held = List.of(parts);
    this.listing = r -> ListPartsResponse.builder().parts(held).isTruncated(false).build();
    return this;
  }

  /**
   * Answers ListParts with this function, for paging.
   *
   * @param listing the answer to each request
   * @return this fake
   */
  public RecordingS3Client listing(Function<ListPartsRequest, ListPartsResponse> listing) {
    this.listing = listing;
    return this;
  }

  /**
   * Refuses ListParts with this status and error code.
   *
   * @param status the HTTP status
   * @param code S3's error code
   * @return this fake
   */
  public RecordingS3Client refusingList(int status, String code) {
    this.listFailure = error(status, code);
    return this;
  }

  /**
   * Answers CompleteMultipartUpload with this ETag and version.
   *
   * @param etag the ETag, or null for none
   * @param versionId the version, or null
   * @return this fake
   */
  public RecordingS3Client completingWith(String etag, String versionId) {
    this.completeETag = etag;
    this.versionId = versionId;
    return this;
  }

  /**
   * Answers HeadObject with this ETag (status 200), or refuses with 403 AccessDenied when it is
   * null.
   *
   * @param etag the ETag
   * @return this fake
   */
  public RecordingS3Client headAnswering(String etag) {
    this.headETag = etag;
    this.headStatus = etag == null ? 403 : 200;
    return this;
  }

  /**
   * A part as ListParts shows it.
   *
   * @param number the part number
   * @param etag its ETag
   * @param size its size
   * @return the part
   */
  public static Part part(int number, String etag, long size) {
    return Part.builder().partNumber(number).eTag(etag).size(size).build();
  }

  @Override
  public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
    calls.add("CreateMultipartUpload");
    created.add(request);
    return CreateMultipartUploadResponse.builder().uploadId("u-1").build();
  }

  @Override
  public ListPartsResponse listParts(ListPartsRequest request) {
    calls.add("ListParts");
    listed.add(request);
    if (listFailure != null) {
      throw listFailure;
    }
    return listing.apply(request);
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      CompleteMultipartUploadRequest request) {
    calls.add("CompleteMultipartUpload");
    completed.add(request);
    return CompleteMultipartUploadResponse.builder()
        .eTag(completeETag)
        .versionId(versionId)
        .build();
  }

  @Override
  public HeadObjectResponse headObject(HeadObjectRequest request) {
    calls.add("HeadObject");
    heads.add(request);
    if (headStatus != 200) {
      throw error(headStatus, headStatus == 404 ? "NotFound" : "AccessDenied");
    }
    return HeadObjectResponse.builder().eTag(headETag).build();
  }

  @Override
  public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
    calls.add("PutObjectTagging");
    taggings.add(request);
    return PutObjectTaggingResponse.builder().build();
  }

  @Override
  public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
    calls.add("AbortMultipartUpload");
    aborted.add(request);
    return AbortMultipartUploadResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return "s3";
  }

  @Override
  public void close() {}

  private static S3Exception error(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }
}
