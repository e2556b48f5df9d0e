package dev.presign.test;

import dev.presign.PresignedDownload;
import dev.presign.PresignedPost;
import dev.presign.PresignedUpload;

/**
 * AssertJ entry points for presign's results and a store's answers. Import statically next to
 * AssertJ's {@code Assertions.assertThat}; the more specific overload wins.
 *
 * <pre>{@code
 * assertThat(upload)
 *     .hasMethod("PUT")
 *     .hasKeyStartingWith("avatars/user-42/")
 *     .signsHeader("Content-Type", "image/png")
 *     .expiresWithin(Duration.ofMinutes(15))
 *     .hasNoSecretInToString(store.credentialsProvider());
 * assertThat(store.client().put(upload, bytes)).isAccepted();
 * }</pre>
 */
public final class PresignAssertions {
  private PresignAssertions() {}

  /**
   * Assertions on an issued upload.
   *
   * @param actual the upload
   * @return its assertions
   */
  public static PresignedUploadAssert assertThat(PresignedUpload actual) {
    return new PresignedUploadAssert(actual);
  }

  /**
   * Assertions on an issued download.
   *
   * @param actual the download
   * @return its assertions
   */
  public static PresignedDownloadAssert assertThat(PresignedDownload actual) {
    return new PresignedDownloadAssert(actual);
  }

  /**
   * Assertions on an issued POST form.
   *
   * @param actual the form
   * @return its assertions
   */
  public static PresignedPostAssert assertThat(PresignedPost actual) {
    return new PresignedPostAssert(actual);
  }

  /**
   * Assertions on a store's answer.
   *
   * @param actual the answer
   * @return its assertions
   */
  public static StoreResponseAssert assertThat(StoreResponse actual) {
    return new StoreResponseAssert(actual);
  }
}
