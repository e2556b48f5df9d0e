package dev.presign.examples.consumer;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.test.S3TestStore;
import dev.presign.test.SignatureVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer's contract against presign-test's store (S3Proxy in this JVM): runs everywhere, and
 * because it checks signatures, it can also show that the store refuses what the URL does not
 * allow.
 */
class AvatarEndpointWithS3ProxyTest extends AvatarEndpointContract {
  @RegisterExtension
  static final S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).build();

  @Override
  S3TestStore store() {
    return store;
  }

  @Test
  void issuedUrl_withAnotherType_isRefusedByTheStore() {
    AvatarEndpoint.Answer answer = endpoint().requestUpload("user-42", "me.png", "image/png", 4);

    assertThat(
            store
                .client()
                .put(answer.upload(), "<b>!".getBytes(), Map.of("Content-Type", "text/html")))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void issuedUrl_afterItExpired_isRefusedByTheStore() {
    Clock twentyMinutesAgo =
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    AvatarEndpoint late = new AvatarEndpoint(store.issuerBuilder().clock(twentyMinutesAgo));
    AvatarEndpoint.Answer answer = late.requestUpload("user-42", "me.png", "image/png", 4);

    assertThat(store.client().put(answer.upload(), new byte[4])).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void issuedUrl_offlineCheck_saysWhyAClientWouldFail() {
    AvatarEndpoint.Answer answer = endpoint().requestUpload("user-42", "me.png", "image/png", 4);

    SignatureVerdict verdict =
        store
            .offlineCheck()
            .check(
                "PUT",
                answer.upload().url().toString(),
                Map.of("Content-Length", "4"),
                Instant.now());

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.SIGNED_HEADER_MISSING);
    assertThat(verdict.detail()).contains("content-type");
  }
}
