package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.DownloadRequest;
import dev.presign.MultipartSession;
import dev.presign.MultipartUploads;
import dev.presign.PresignPolicy;
import dev.presign.PresignedPost;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import dev.presign.UploadedPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser-like client against the store: PUT, POST form, parts and download, accepted and
 * refused.
 */
class UploadClientTest {
  @RegisterExtension
  static final S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  private UploadUrlIssuer issuer;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "video/mp4")
                    .minSize(1)
                    .maxSize(64L << 20)
                    .build())
            .build();
  }

  @Test
  void put_leavesOutHeadersABrowserMayNotSet() {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.png", "image/png", 3));
    Map<String, String> headers = new LinkedHashMap<>(upload.headers());
    headers.put("Content-Length", "999");
    headers.put("Host", "evil.example");

    StoreResponse put = store.client().put(upload, new byte[3], headers);

    assertThat(put).isAccepted();
    assertThat(store.object(upload.key()).size()).isEqualTo(3);
  }

  @Test
  void post_sendsTheFormFieldsThenTheFile() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.png", "image/png"));

    assertThat(store.client().post(post, new byte[10])).isAccepted();
    assertThat(store.object(post.key()).contentType()).hasValue("image/png");
  }

  @Test
  void post_withAnEditedField_isRefusedWithS3sCode() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.png", "image/png"));
    Map<String, String> fields = new LinkedHashMap<>(post.fields());
    fields.put("key", "elsewhere.png");

    StoreResponse response = store.client().post(post, fields, new byte[10]);

    assertThat(response).isRefusedWith(403, "AccessDenied");
    assertThat(response.errorMessage()).isPresent();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void putParts_uploadsEverySliceAndCollectsETags() {
    byte[] file = new byte[(5 << 20) + 1234];
    new Random(7).nextBytes(file);
    try (MultipartUploads multipart =
        MultipartUploads.builder()
            .issuer(issuer)
            .sessionKey(new byte[32])
            .partSize(5L << 20)
            .build()) {
      MultipartSession session =
          multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));

      List<UploadedPart> parts =
          store
              .client()
              .putParts(
                  session, multipart.presignParts(session.token(), 1, session.partCount()), file);
      multipart.complete(session.token(), parts);

      assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part.etag()).isNotBlank());
      assertThat(store.bytes(session.key())).isEqualTo(file);
    }
  }

  @Test
  void get_returnsTheBytesAndTheOverriddenHeaders() {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("a.png", "image/png", 4));
    assertThat(store.client().put(upload, new byte[] {1, 2, 3, 4})).isAccepted();

    StoreResponse get =
        store
            .client()
            .get(issuer.issueDownload(DownloadRequest.of(upload.key()).attachment("b.png")));

    assertThat(get).isAccepted();
    assertThat(get.body()).containsExactly(1, 2, 3, 4);
    assertThat(get.header("content-disposition"))
        .hasValueSatisfying(value -> assertThat(value).contains("b.png"));
    assertThat(get.errorCode()).isEmpty();
  }
}
