package dev.presign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.PresignException;
import dev.presign.PresignException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3CallsTest {

  @ParameterizedTest
  @CsvSource({
    "403, AccessDenied, STORE_REFUSED",
    "400, InvalidArgument, STORE_REFUSED",
    "500, InternalError, STORE_REFUSED",
    "503, SlowDown, STORE_REFUSED",
    "404, NoSuchUpload, NOT_FOUND",
    "404, NoSuchKey, NOT_FOUND"
  })
  void call_storeRefuses_namesTheCodeAndTheKind(int status, String code, Kind kind) {
    S3Exception refusal =
        (S3Exception)
            S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .build();

    assertThatThrownBy(
            () ->
                S3Calls.call(
                    "ListParts",
                    () -> {
                      throw refusal;
                    }))
        .isInstanceOf(PresignException.class)
        .hasMessage("S3 refused ListParts: " + code + " (HTTP " + status + ")")
        .hasCause(refusal)
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(kind);
  }

  @Test
  void call_storeUnreachable_isStoreUnreachable() {
    SdkClientException failure =
        SdkClientException.create("Unable to execute HTTP request: Connection refused");

    assertThatThrownBy(
            () ->
                S3Calls.call(
                    "HeadObject",
                    () -> {
                      throw failure;
                    }))
        .isInstanceOf(PresignException.class)
        .hasMessage("could not reach S3 for HeadObject: SdkClientException")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(Kind.STORE_UNREACHABLE);
  }

  @Test
  void call_succeeds_returnsTheResult() {
    assertThat(S3Calls.call("HeadObject", () -> "etag")).isEqualTo("etag");
  }
}
