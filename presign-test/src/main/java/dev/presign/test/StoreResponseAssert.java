package dev.presign.test;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link StoreResponse}; start with {@link
 * PresignAssertions#assertThat(StoreResponse)}.
 */
public final class StoreResponseAssert extends AbstractAssert<StoreResponseAssert, StoreResponse> {

  StoreResponseAssert(StoreResponse actual) {
    super(actual, StoreResponseAssert.class);
  }

  /**
   * Verifies the store accepted the request (2xx).
   *
   * @return this
   */
  public StoreResponseAssert isAccepted() {
    isNotNull();
    if (!actual.isSuccessful()) {
      failWithMessage("Expected the store to accept, but it answered %s", actual);
    }
    return this;
  }

  /**
   * Verifies the store refused with this status and S3 error code.
   *
   * @param status the HTTP status, such as 403
   * @param errorCode S3's code, such as {@code SignatureDoesNotMatch}
   * @return this
   */
  public StoreResponseAssert isRefusedWith(int status, String errorCode) {
    isNotNull();
    if (actual.status() != status || !actual.errorCode().map(errorCode::equals).orElse(false)) {
      failWithMessage(
          "Expected the store to refuse with %s %s, but it answered %s", status, errorCode, actual);
    }
    return this;
  }
}
