package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.PresignException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

class PresignExceptionTest {

  @Test
  void constructor_nullKind_namesTheParameter() {
    assertThatThrownBy(() -> new PresignException(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
    assertThatThrownBy(() -> new PresignException(null, "x", new IllegalStateException()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }

  @Test
  void constructor_keepsKindMessageAndCause() {
    IllegalStateException cause = new IllegalStateException("inner");

    PresignException e = new PresignException(Kind.STORE_UNREACHABLE, "could not reach S3", cause);

    assertThat(e.kind()).isEqualTo(Kind.STORE_UNREACHABLE);
    assertThat(e).hasMessage("could not reach S3").hasCause(cause);
  }

  @Test
  void invalidRequest_isKindInvalidRequest() {
    InvalidRequestException e =
        new InvalidRequestException(InvalidRequestException.Reason.TOO_LARGE, "too big");

    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(e.reason()).isEqualTo(InvalidRequestException.Reason.TOO_LARGE);
  }

  @Test
  void issue_refusedRequest_isKindInvalidRequest() {
    assertThatThrownBy(
            () ->
                issuer(() -> AwsBasicCredentials.create("AKIAEXAMPLE", "secret"))
                    .issueUpload(UploadRequest.of("x.html", "text/html", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(Kind.INVALID_REQUEST);
  }

  @Test
  void issue_providerReturnsNothing_isCredentialsUnavailable() {
    assertThatThrownBy(
            () -> issuer(() -> null).issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(PresignException.class)
        .hasMessage("the credentials provider returned no credentials")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(Kind.CREDENTIALS_UNAVAILABLE);
  }

  @Test
  void serialization_keepsTheKind() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(
          new PresignException(
              Kind.STORE_REFUSED, "S3 refused PutObject: AccessDenied (HTTP 403)"));
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      PresignException read = (PresignException) in.readObject();

      assertThat(read.kind()).isEqualTo(Kind.STORE_REFUSED);
      assertThat(read).hasMessage("S3 refused PutObject: AccessDenied (HTTP 403)");
    }
  }

  private static UploadUrlIssuer issuer(
      software.amazon.awssdk.auth.credentials.AwsCredentialsProvider provider) {
    return UploadUrlIssuer.builder()
        .bucket("b-1")
        .region(Region.EU_WEST_1)
        .credentialsProvider(provider)
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .build();
  }
}
