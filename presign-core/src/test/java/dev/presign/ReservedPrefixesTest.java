package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.setup.SelfTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The prefixes presign writes its own objects under (quarantine, promotion, self-test) can never
 * hold a key the issuer's strategy produces. The adversarial review put tenant acme's failed upload
 * under {@code quarantine/acme/…}, inside the folder of a tenant named {@code quarantine}.
 */
class ReservedPrefixesTest {
  private static final byte[] KEY =
      "reserved-prefix-ticket-key-0123456789abcd".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // strategy                 | reserved prefix      | can collide
        "perPrincipal('')           | quarantine/          | true",
        "perPrincipal('')           | presign-self-test/   | true",
        "perPrincipal('')           | a/b/                 | true",
        "perPrincipal('')           | tenant folder/       | false",
        "perPrincipal('tenants/')   | quarantine/          | false",
        "perPrincipal('tenants/')   | tenants/quarantine/  | true",
        "perPrincipal('tenants/')   | tenants/             | true",
        "perPrincipal('tenants/')   | tenants/ä/           | false",
        "uuid('')                   | quarantine/          | false",
        "uuid('')                   | 0123abcd/            | false",
        "uuid('uploads/')           | uploads/             | true",
        "uuid('uploads/q/')         | uploads/             | true",
        "uuid('uploads/')           | uploads/quarantine/  | false",
        "datedUuid('')              | quarantine/          | false",
        "datedUuid('')              | 2026/                | true",
        "datedUuid('')              | 2026/11/             | true",
        "originalName('')           | quarantine/          | false",
        "originalName('')           | 0f3a-/               | true",
        "originalName('')           | presign-self-test/   | false"
      })
  void builtIn_saysExactlyWhichPrefixesItsKeysCanReach(
      String strategy, String reserved, boolean collides) {
    assertThat(strategy(strategy).mayProduceKeyStartingWith(reserved)).isEqualTo(collides);
  }

  @Test
  void builtIn_everyFolderOfAKeyItMade_isOneItSaysItCanReach() {
    UploadRequest request = UploadRequest.of("cat.png", "image/png", 1).withPrincipal("acme");
    for (String name :
        new String[] {"perPrincipal('')", "datedUuid('')", "originalName('')", "uuid('u/')"}) {
      KeyStrategy strategy = strategy(name);
      for (int i = 0; i < 200; i++) {
        String key = strategy.key(request, NOW);
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
          String folder = key.substring(0, slash + 1);
          assertThat(strategy.mayProduceKeyStartingWith(folder))
              .as("%s made %s", name, key)
              .isTrue();
        }
      }
    }
  }

  @Test
  void customStrategy_cannotBeSeenInto_soItMayProduceAnything() {
    KeyStrategy custom = (request, now) -> "fixed/key.png";

    assertThat(custom.mayProduceKeyStartingWith("quarantine/")).isTrue();
  }

  @Test
  void verifier_quarantineInsideATenantsReach_isRefusedAtBuildTime() {
    UploadUrlIssuer issuer = issuer(KeyStrategy.perPrincipal(""));

    assertThatThrownBy(
            () -> UploadVerifier.builder().issuer(issuer).ticketKey(KEY).s3Client(s3()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "quarantine prefix must not hold keys the issuer's KeyStrategy.perPrincipal(\"\", "
                + "KeyStrategy.uuid(\"\")) can produce")
        .hasMessageContaining("\"quarantine/\"");
    assertThatThrownBy(
            () ->
                UploadVerifier.builder()
                    .issuer(issuer(KeyStrategy.perPrincipal("t/")))
                    .ticketKey(KEY)
                    .s3Client(s3())
                    .quarantineFailed("t/held/")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"t/held/\"");
  }

  @Test
  void verifier_quarantineOutsideEveryKey_builds() {
    try (UploadVerifier verifier =
        UploadVerifier.builder()
            .issuer(issuer(KeyStrategy.perPrincipal("tenants/")))
            .ticketKey(KEY)
            .s3Client(s3())
            .build()) {
      assertThat(verifier.toString()).contains("quarantine/");
    }
    try (UploadVerifier deleting =
        UploadVerifier.builder()
            .issuer(issuer(KeyStrategy.perPrincipal("")))
            .ticketKey(KEY)
            .s3Client(s3())
            .deleteFailed()
            .build()) {
      assertThat(deleting.toString()).contains("DELETED");
    }
  }

  @Test
  void selfTest_prefixInsideATenantsReach_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> SelfTest.run(issuer(KeyStrategy.perPrincipal(""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the self-test's prefix must not hold keys")
        .hasMessageContaining("\"presign-self-test/\"");
  }

  private static UploadUrlIssuer issuer(KeyStrategy strategy) {
    return UploadUrlIssuer.builder()
        .bucket("b-1")
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .keyStrategy(strategy)
        .build();
  }

  private static S3Client s3() {
    return S3Client.builder()
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .build();
  }

  private static KeyStrategy strategy(String spec) {
    String prefix = spec.substring(spec.indexOf('\'') + 1, spec.lastIndexOf('\''));
    return switch (spec.substring(0, spec.indexOf('('))) {
      case "perPrincipal" -> KeyStrategy.perPrincipal(prefix);
      case "uuid" -> KeyStrategy.uuid(prefix);
      case "datedUuid" -> KeyStrategy.datedUuid(prefix);
      case "originalName" -> KeyStrategy.originalName(prefix);
      default -> throw new IllegalArgumentException(spec);
    };
  }
}
