package dev.presign.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * An in-memory stand-in for the S3 calls presign makes: the verifier's (HEAD, GET with If-Match and
 * a range, CopyObject with copy-source-if-match, DeleteObject, object tagging) and the multipart
 * calls (create, ListParts, complete, abort), recording each call and each request. For unit tests
 * of what presign decides from S3's answers; never evidence of what S3 itself decides (the store
 * suites are). Not thread-safe.
 *
 * <p>Multipart answers are as configured: by default an upload id {@code u-1}, no parts, and a
 * completion ETag {@code "assembled-2"}; a completion stores the object under its key with that
 * ETag and version.
 */
public final class FakeS3Client implements S3Client {
  /** One stored object: its bytes and what HEAD reports besides them. */
  public static final class StoredObject {
    final byte[] bytes;
    final String contentType;
    final String etag;
    String versionId;
    String checksumSha256;
    String contentDisposition;
    String contentEncoding;
    final Map<String, String> tags = new LinkedHashMap<>();

    StoredObject(byte[] bytes, String contentType) {
      this(bytes, contentType, '"' + HexFormat.of().formatHex(digest("MD5", bytes)) + '"');
    }

    private StoredObject(byte[] bytes, String contentType, String etag) {
      this.bytes = bytes.clone();
      this.contentType = contentType;
      this.etag = etag;
    }

    /**
     * Makes HEAD report the object's SHA-256, as S3 does for an upload that sent one.
     *
     * @return this object
     */
    public StoredObject reportingSha256() {
      this.checksumSha256 = Base64.getEncoder().encodeToString(digest("SHA-256", bytes));
      return this;
    }

    /**
     * Sets a stored Content-Disposition.
     *
     * @param value the header's value
     * @return this object
     */
    public StoredObject contentDisposition(String value) {
      this.contentDisposition = value;
      return this;
    }

    /**
     * Sets a stored Content-Encoding.
     *
     * @param value the header's value
     * @return this object
     */
    public StoredObject contentEncoding(String value) {
      this.contentEncoding = value;
      return this;
    }

    /**
     * Sets the version id HEAD reports.
     *
     * @param value the version id
     * @return this object
     */
    public StoredObject versionId(String value) {
      this.versionId = value;
      return this;
    }

    /** {@return the ETag, quoted, the hex MD5 of the bytes} */
    public String etag() {
      return etag;
    }
  }

  private final Map<String, StoredObject> objects = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final Set<String> refusedCopyTargets = new HashSet<>();
  private final List<CreateMultipartUploadRequest> created = new ArrayList<>();
  private final List<ListPartsRequest> listed = new ArrayList<>();
  private final List<CompleteMultipartUploadRequest> completed = new ArrayList<>();
  private final List<AbortMultipartUploadRequest> aborted = new ArrayList<>();
  private final List<HeadObjectRequest> heads = new ArrayList<>();
  private final List<PutObjectTaggingRequest> taggings = new ArrayList<>();
  private Function<ListPartsRequest, ListPartsResponse> listing =
      r -> ListPartsResponse.builder().isTruncated(false).build();
  private S3Exception listFailure;
  private String completeETag = "\"assembled-2\"";
  private String completeVersionId;
  // Set, HEAD answers this instead of what is stored: a store whose HEAD disagrees with its writes.
  private HeadObjectResponse headAnswer;
  private S3Exception headFailure;

  /**
   * Stores an object.
   *
   * @param key the key
   * @param bytes its bytes
   * @param contentType its Content-Type, or null
   * @return the stored object, to adjust what HEAD reports
   */
  public StoredObject put(String key, byte[] bytes, String contentType) {
    StoredObject object = new StoredObject(bytes, contentType);
    objects.put(key, object);
    return object;
  }

  /**
   * Stores a text object.
   *
   * @param key the key
   * @param text its bytes as UTF-8
   * @param contentType its Content-Type
   * @return the stored object
   */
  public StoredObject put(String key, String text, String contentType) {
    return put(key, text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /**
   * Makes every copy to a key answer 403 AccessDenied.
   *
   * @param target the destination key
   */
  public void refuseCopiesTo(String target) {
    refusedCopyTargets.add(target);
  }

  /** {@return the keys now stored, in order of storing} */
  public Set<String> keys() {
    return objects.keySet();
  }

  /**
   * The tags of a stored object.
   *
   * @param key the key
   * @return its tags
   */
  public Map<String, String> tags(String key) {
    return objects.get(key).tags;
  }

  /** {@return every call so far, as "Operation key"} */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** Forgets the calls so far, e.g. those that set a test up. */
  public void clearCalls() {
    calls.clear();
  }

  /** {@return the CreateMultipartUpload requests so far} */
  public List<CreateMultipartUploadRequest> created() {
    return List.copyOf(created);
  }

  /** {@return the ListParts requests so far} */
  public List<ListPartsRequest> listed() {
    return List.copyOf(listed);
  }

  /** {@return the CompleteMultipartUpload requests so far} */
  public List<CompleteMultipartUploadRequest> completed() {
    return List.copyOf(completed);
  }

  /** {@return the AbortMultipartUpload requests so far} */
  public List<AbortMultipartUploadRequest> aborted() {
    return List.copyOf(aborted);
  }

  /** {@return the HeadObject requests so far} */
  public List<HeadObjectRequest> heads() {
    return List.copyOf(heads);
  }

  /** {@return the PutObjectTagging requests so far} */
  public List<PutObjectTaggingRequest> taggings() {
    return List.copyOf(taggings);
  }

  /**
   * Holds these parts of every multipart upload, answered in one ListParts page.
   *
   * @param parts the parts
   * @return this fake
   */
  public FakeS3Client holding(Part... parts) {
    List<Part> held = List.of(parts);
    return listing(r -> ListPartsResponse.builder().parts(held).isTruncated(false).build());
  }

  /**
   * Answers ListParts with this function, for paging.
   *
   * @param listing the answer to each request
   * @return this fake
   */
  public FakeS3Client listing(Function<ListPartsRequest, ListPartsResponse> listing) {
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
  public FakeS3Client refusingList(int status, String code) {
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
  public FakeS3Client completingWith(String etag, String versionId) {
    this.completeETag = etag;
    this.completeVersionId = versionId;
    return this;
  }

  /**
   * Answers every HeadObject with this ETag (status 200), whatever is stored.
   *
   * @param etag the ETag, possibly blank
   * @return this fake
   */
  public FakeS3Client headAnswering(String etag) {
    this.headAnswer = HeadObjectResponse.builder().eTag(etag).build();
    this.headFailure = null;
    return this;
  }

  /**
   * Refuses every HeadObject with this status and error code, whatever is stored.
   *
   * @param status the HTTP status
   * @param code S3's error code
   * @return this fake
   */
  public FakeS3Client refusingHead(int status, String code) {
    this.headFailure = error(status, code);
    this.headAnswer = null;
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
  public HeadObjectResponse headObject(HeadObjectRequest request) {
    calls.add("HeadObject " + request.key());
    heads.add(request);
    if (headFailure != null) {
      throw headFailure;
    }
    if (headAnswer != null) {
      return headAnswer;
    }
    StoredObject o = find(request.key());
    return HeadObjectResponse.builder()
        .contentLength((long) o.bytes.length)
        .contentType(o.contentType)
        .eTag(o.etag)
        .versionId(o.versionId)
        .checksumSHA256(o.checksumSha256)
        .contentDisposition(o.contentDisposition)
        .contentEncoding(o.contentEncoding)
        .build();
  }

  @Override
  public <T> T getObject(
      GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
    calls.add(
        "GetObject " + request.key() + (request.range() == null ? "" : " " + request.range()));
    StoredObject o = find(request.key());
    if (request.ifMatch() != null && !request.ifMatch().equals(o.etag)) {
      throw error(412, "PreconditionFailed");
    }
    byte[] body = o.bytes;
    if (request.range() != null) {
      String[] bounds = request.range().substring("bytes=".length()).split("-");
      int from = Integer.parseInt(bounds[0]);
      int to = Math.min(Integer.parseInt(bounds[1]), body.length - 1);
      body = java.util.Arrays.copyOfRange(body, from, to + 1);
    }
    GetObjectResponse response =
        GetObjectResponse.builder().contentLength((long) body.length).eTag(o.etag).build();
    try {
      return transformer.transform(
          response, AbortableInputStream.create(new ByteArrayInputStream(body)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CopyObjectResponse copyObject(CopyObjectRequest request) {
    calls.add("CopyObject " + request.sourceKey() + " -> " + request.destinationKey());
    StoredObject o = find(request.sourceKey());
    if (refusedCopyTargets.contains(request.destinationKey())) {
      throw error(403, "AccessDenied");
    }
    if (request.copySourceIfMatch() != null && !request.copySourceIfMatch().equals(o.etag)) {
      throw error(412, "PreconditionFailed");
    }
    StoredObject copy = put(request.destinationKey(), o.bytes, o.contentType);
    copy.versionId = o.versionId == null ? null : o.versionId + "-copy";
    return CopyObjectResponse.builder()
        .versionId(copy.versionId)
        .copyObjectResult(r -> r.eTag(copy.etag))
        .build();
  }

  @Override
  public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
    calls.add("DeleteObject " + request.key());
    objects.remove(request.key());
    return DeleteObjectResponse.builder().build();
  }

  @Override
  public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest request) {
    calls.add("GetObjectTagging " + request.key());
    List<Tag> set = new ArrayList<>();
    find(request.key()).tags.forEach((k, v) -> set.add(Tag.builder().key(k).value(v).build()));
    return GetObjectTaggingResponse.builder().tagSet(set).build();
  }

  @Override
  public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest request) {
    calls.add("PutObjectTagging " + request.key());
    taggings.add(request);
    StoredObject o = find(request.key());
    o.tags.clear();
    request.tagging().tagSet().forEach(t -> o.tags.put(t.key(), t.value()));
    return PutObjectTaggingResponse.builder().build();
  }

  @Override
  public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
    calls.add("CreateMultipartUpload " + request.key());
    created.add(request);
    return CreateMultipartUploadResponse.builder().uploadId("u-1").build();
  }

  @Override
  public ListPartsResponse listParts(ListPartsRequest request) {
    calls.add("ListParts " + request.key());
    listed.add(request);
    if (listFailure != null) {
      throw listFailure;
    }
    return listing.apply(request);
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      CompleteMultipartUploadRequest request) {
    calls.add("CompleteMultipartUpload " + request.key());
    completed.add(request);
    // The parts' bytes never reach the fake: the object stands with the ETag the completion
    // answers.
    StoredObject assembled = new StoredObject(new byte[0], null, completeETag);
    assembled.versionId = completeVersionId;
    objects.put(request.key(), assembled);
    return CompleteMultipartUploadResponse.builder()
        .eTag(completeETag)
        .versionId(completeVersionId)
        .build();
  }

  @Override
  public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
    calls.add("AbortMultipartUpload " + request.key());
    aborted.add(request);
    return AbortMultipartUploadResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return "s3";
  }

  @Override
  public void close() {}

  private StoredObject find(String key) {
    StoredObject o = objects.get(key);
    if (o == null) {
      throw error(404, "NoSuchKey");
    }
    return o;
  }

  private static S3Exception error(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
