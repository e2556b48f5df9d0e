package dev.presign.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.StoreProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a connection says about where it points: the object address at the edges of the unreserved
 * characters, its settings, its S3 client's endpoint and its toString, which shows no credentials.
 */
class StoreConnectionAddressTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAEXAMPLE", "secret-key-never-shown"));
  private static final URI LOCAL = URI.create("http://127.0.0.1:9000");

  @Test
  void objectUrl_keepsTheEdgesOfEachUnreservedRange_escapesTheCharactersNextToThem() {
    assertThat(connection(null, false, null).objectUrl("AZaz09/@[`{:"))
        .isEqualTo("https://b-1.s3.us-east-1.amazonaws.com/AZaz09/%40%5B%60%7B%3A");
  }

  @Test
  void settings_areTheOnesItWasMadeWith() {
    StoreConnection connection = connection(LOCAL, true, StoreProfile.MINIO);

    assertThat(connection.endpointOverride()).isEqualTo(LOCAL);
    assertThat(connection.pathStyleAccess()).isTrue();
    assertThat(connection.clock()).isSameAs(CLOCK);
    assertThat(connection.rejectShortLivedCredentials()).isTrue();
    assertThat(connection.profile()).isEqualTo(StoreProfile.MINIO);
  }

  @Test
  void newS3Client_withoutAnEndpoint_talksToAwsInTheConnectionsRegion() {
    try (S3Client s3 = connection(null, false, null).newS3Client(null)) {
      assertThat(s3.serviceClientConfiguration().endpointOverride()).isEmpty();
      assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
    }
  }

  @Test
  void toString_namesBucketRegionAndWhatIsSet_neverTheCredentials() {
    assertThat(connection(LOCAL, true, StoreProfile.MINIO))
        .hasToString(
            "StoreConnection[bucket=b-1, region=us-east-1, profile="
                + StoreProfile.MINIO
                + ", endpoint=http://127.0.0.1:9000, pathStyle]");
    assertThat(connection(null, false, null))
        .hasToString("StoreConnection[bucket=b-1, region=us-east-1]");
    assertThat(connection(LOCAL, true, StoreProfile.MINIO).toString())
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain("secret-key-never-shown");
  }

  private static StoreConnection connection(
      @Nullable URI endpoint, boolean pathStyle, @Nullable StoreProfile profile) {
    return new StoreConnection(
        "b-1", Region.US_EAST_1, endpoint, pathStyle, CREDENTIALS, CLOCK, profile != null, profile);
  }
}
