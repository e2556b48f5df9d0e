package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.ObjectAttributes;
import dev.presign.ObjectAttributes.Encryption;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * PUT URLs that carry object attributes (encryption, storage class, metadata in any script, tags)
 * against the AWS SDK's own signer: the URL presign issues must be exactly the one the SDK signs
 * for the headers {@link PresignedUpload#signedHeaders()} says the client sends. Fixed seed, so a
 * failure reproduces.
 */
class AttributeHeadersDifferentialTest {
  private static final int REQUESTS = 1_500;
  private static final String[] VALUES = {
    "web",
    "42",
    "Résumé 2026.pdf",
    "履歴書",
    "a  b",
    " padded ",
    "=?UTF-8?B?eA==?=",
    "emoji \uD83D\uDE00",
    "",
    "x".repeat(300),
    "semi;colon,comma",
    "tab-free \"quotes\""
  };
  private static final String[] TAG_VALUES = {
    "pending", "apollo 11", "Ärger/über:2+2=4@x", "", "猫", "a.b_c-d"
  };
  private static final String[] STORAGE_CLASSES = {
    "STANDARD",
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "GLACIER_IR",
    "ONEZONE_IA",
    "REDUCED_REDUNDANCY"
  };
  private static final AwsBasicCredentials CREDENTIALS =
      AwsBasicCredentials.create(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

  @Test
  void issueUpload_withGeneratedAttributes_matchesTheSdkSigner() {
    SplittableRandom random = new SplittableRandom(20261202L);
    List<Region> regions =
        List.of(Region.US_EAST_1, Region.EU_WEST_1, Region.AP_NORTHEAST_1, Region.SA_EAST_1);
    List<String> mismatches = new ArrayList<>();
    int compared = 0;

    for (int i = 0; i < REQUESTS; i++) {
      Region region = regions.get(random.nextInt(regions.size()));
      boolean pathStyle = random.nextBoolean();
      UploadUrlIssuer issuer =
          UploadUrlIssuer.builder()
              .bucket("attr-bucket-" + random.nextInt(3))
              .region(region)
              .pathStyleAccess(pathStyle)
              .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
              .policy(
                  PresignPolicy.builder()
                      .allowContentTypes("*/*")
                      .attributes(attributes(random))
                      .build())
              .clock(Clock.fixed(NOW.plusSeconds(random.nextInt(86_400)), ZoneOffset.UTC))
              .build();
      UploadRequest request =
          UploadRequest.of("file.bin", "application/octet-stream", random.nextInt(1_000_000));
      if (random.nextBoolean()) {
        request = request.withMetadata("account-id", VALUES[random.nextInt(VALUES.length)]);
      }
      if (random.nextBoolean()) {
        request = request.withTag("project", TAG_VALUES[random.nextInt(TAG_VALUES.length)]);
      }
      PresignedUpload upload = issuer.issueUpload(request);

      String amzDate = query(upload.url(), "X-Amz-Date");
      long epoch =
          DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
              .withZone(ZoneOffset.UTC)
              .parse(amzDate, Instant::from)
              .getEpochSecond();
      SigningRequest same =
          new SigningRequest(
              "PUT",
              issuer.bucket(),
              upload.key(),
              upload.signedHeaders(),
              java.util.Map.of(),
              epoch,
              Long.parseLong(query(upload.url(), "X-Amz-Expires")),
              CREDENTIALS);
      String sdk =
          new SdkOracleSigner(
                  region.id(), S3Addressing.of(region, null, pathStyle, issuer.bucket()))
              .presign(same);
      compared++;
      String difference = SigV4SignerDifferentialTest.difference(upload.url(), sdk);
      if (difference != null && mismatches.size() < 5) {
        mismatches.add("#" + i + " " + upload.signedHeaders() + ": " + difference);
      }
      assertThat(upload.headers().keySet())
          .as("headers the client sends")
          .allMatch(upload.signedHeaders()::containsKey);
    }

    assertThat(compared).isEqualTo(REQUESTS);
    assertThat(mismatches).isEmpty();
  }

  private static ObjectAttributes attributes(SplittableRandom random) {
    ObjectAttributes.Builder b =
        ObjectAttributes.builder().allowRequestMetadata("account-id").allowRequestTags("project");
    switch (random.nextInt(4)) {
      case 1 -> b.encryption(Encryption.sseS3());
      case 2 -> b.encryption(Encryption.sseKms());
      case 3 ->
          b.encryption(
              Encryption.sseKms("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab")
                  .withBucketKey());
      default -> {}
    }
    if (random.nextBoolean()) {
      b.storageClass(STORAGE_CLASSES[random.nextInt(STORAGE_CLASSES.length)]);
    }
    for (int m = random.nextInt(4); m > 0; m--) {
      b.metadata("m" + m, VALUES[random.nextInt(VALUES.length)]);
    }
    for (int t = random.nextInt(4); t > 0; t--) {
      b.tag("t " + t, TAG_VALUES[random.nextInt(TAG_VALUES.length)]);
    }
    return b.build();
  }

  private static String query(String url, String name) {
    int start = url.indexOf(name + "=") + name.length() + 1;
    int end = url.indexOf('&', start);
    return url.substring(start, end < 0 ? url.length() : end);
  }
}
