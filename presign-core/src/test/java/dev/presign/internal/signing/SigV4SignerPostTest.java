package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * POST form signing: the signature is the HMAC of the base64 policy under the day's signing key.
 */
class SigV4SignerPostTest {
  private static final AwsBasicCredentials EXAMPLE =
      AwsBasicCredentials.create(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  /**
   * A published POST vector for the AWS example credentials on 2013-08-06 in us-east-1 (the README
   * of the npm package s3-post-policy): its base64 policy and the signature it states.
   */
  @Test
  void signPost_publishedVector_hasTheStatedSignature() {
    String policy =
        "eyJleHBpcmF0aW9uIjoiMjAxMy0wOC0wNlQxMjowMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6W3siYWNsIjoicHVibGljLXJlYWQifSxbInN0YXJ0cy13aXRoIiwiJENvbnRlbnQtVHlwZSIsImltYWdlLyJdLFsic3RhcnRzLXdpdGgiLCIka2V5IiwidXNlci91c2VyMS8iXSxbInN0YXJ0cy13aXRoIiwiJHgtYW16LW1ldGEtdGFnIiwiIl0seyJ4LWFtei1tZXRhLXV1aWQiOiIxNDM2NTEyMzY1MTI3NCJ9LHsiYnVja2V0IjoiZXhhbXBsZWJ1Y2tldCJ9LHsieC1hbXotYWxnb3JpdGhtIjoiQVdTNC1ITUFDLVNIQTI1NiJ9LHsieC1hbXotY3JlZGVudGlhbCI6IkFLSUFJT1NGT0ROTjdFWEFNUExFLzIwMTMwODA2L3VzLWVhc3QtMS9zMy9hd3M0X3JlcXVlc3QifSx7IngtYW16LWRhdGUiOiIyMDEzMDgwNlQxMjAwMDBaIn1dfQ==";
    SigV4Signer signer =
        new SigV4Signer(
            "us-east-1", S3Addressing.of(Region.US_EAST_1, null, false, "examplebucket"));
    long signedAt = Instant.parse("2013-08-06T12:00:00Z").getEpochSecond();

    SigV4Signer.PostScope scope = signer.postScope(EXAMPLE, signedAt);

    assertThat(scope.credential())
        .isEqualTo("AKIAIOSFODNN7EXAMPLE/20130806/us-east-1/s3/aws4_request");
    assertThat(scope.amzDate()).isEqualTo("20130806T120000Z");
    assertThat(signer.signPost(policy, EXAMPLE, signedAt))
        .isEqualTo("5bc8a7be4a6fc6445b94d0f4096f8cf3dfa00303529f8a68ea7dc0c23bb83cd9");
  }

  @Test
  void postUrl_isTheBucketRoot() {
    assertThat(
            new SigV4Signer("eu-west-1", S3Addressing.of(Region.EU_WEST_1, null, false, "b-1"))
                .postUrl("b-1"))
        .hasToString("https://b-1.s3.eu-west-1.amazonaws.com/");
    assertThat(
            new SigV4Signer(
                    "us-east-1",
                    S3Addressing.of(
                        Region.US_EAST_1,
                        java.net.URI.create("http://127.0.0.1:9000"),
                        true,
                        "b-1"))
                .postUrl("b-1"))
        .hasToString("http://127.0.0.1:9000/b-1");
  }
}
