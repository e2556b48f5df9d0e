package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Jackson writes for every result record, as the README documents it: the field names, in
 * order, and no secret where it does not belong. A signed URL (and a POST's form fields) carry the
 * signature and, with temporary credentials, the session token by design: they are handed to the
 * client to send.
 */
class JsonShapeTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN";
  private static final byte[] TICKET_KEY =
      "upload-ticket-key-for-tests-0123456789ab".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-29T10:20:30Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UploadUrlIssuer issuer =
      UploadUrlIssuer.builder()
          .bucket("my-bucket")
          .region(Region.EU_WEST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsSessionCredentials.builder()
                      .accessKeyId("ASIAEXAMPLE")
                      .secretAccessKey(SECRET)
                      .sessionToken(TOKEN)
                      .expirationTime(NOW.plusSeconds(6 * 3600))
                      .build()))
          .policy(PresignPolicy.builder().allowContentTypes("image/png").maxSize(1000).build())
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  @Test
  void presignedUpload_writesUrlHeadersLengthKeyAndExpiry() {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12));

    JsonNode json = write(upload);

    assertThat(names(json))
        .containsExactly("method", "url", "headers", "contentLength", "key", "expiresAt");
    assertThat(json.get("headers").toString()).isEqualTo("{\"Content-Type\":\"image/png\"}");
    assertThat(json.get("contentLength").asLong()).isEqualTo(12);
    assertThat(json.get("expiresAt").asString()).isEqualTo(upload.expiresAt().toString());
    assertSecretsOnlyIn(json, "url");
  }

  @Test
  void presignedUpload_withoutDeclaredSize_writesNullLength() {
    PresignedUpload upload =
        new PresignedUpload(
            "PUT",
            "https://h/k",
            Map.of("Content-Type", "image/png"),
            OptionalLong.empty(),
            "k",
            NOW);

    assertThat(write(upload).get("contentLength").isNull()).isTrue();
  }

  @Test
  void verifiableUpload_nestsTheUploadNextToTheTicket() {
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(TICKET_KEY).build()) {
      VerifiableUpload issued = verifier.issue(UploadRequest.of("cat.png", "image/png", 12));

      JsonNode json = write(issued);

      assertThat(names(json)).containsExactly("upload", "ticket");
      assertThat(names(json.get("upload")))
          .containsExactly("method", "url", "headers", "contentLength", "key", "expiresAt");
      assertThat(json.get("ticket").asString()).isEqualTo(issued.ticket());
      assertThat(json.toString()).doesNotContain(new String(TICKET_KEY, StandardCharsets.US_ASCII));
      assertSecretsOnlyIn(json.get("upload"), "url");
    }
  }

  @Test
  void presignedPost_writesFormFieldsToSendAsIs() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("cat.png", "image/png"));

    JsonNode json = write(post);

    assertThat(names(json)).containsExactly("url", "fields", "key", "expiresAt");
    assertThat(names(json.get("fields")))
        .contains("key", "Content-Type", "policy", "x-amz-signature", "x-amz-security-token");
    // The policy and signature are form fields the browser must send; the secret key is never
    // written.
    assertSecretsOnlyIn(json, "fields");
  }

  @Test
  void presignedDownload_writesMethodUrlKeyAndExpiry() {
    JsonNode json = write(issuer.issueDownload("uploads/cat.png"));

    assertThat(names(json)).containsExactly("method", "url", "key", "expiresAt");
    assertSecretsOnlyIn(json, "url");
  }

  @Test
  void presignedPart_writesNumberUrlSizeAndExpiry() {
    JsonNode json =
        write(new PresignedPart(2, "https://h/k?partNumber=2&X-Amz-Signature=abc", 5_242_880, NOW));

    assertThat(names(json)).containsExactly("partNumber", "url", "size", "expiresAt");
    assertThat(json.get("size").asLong()).isEqualTo(5_242_880);
  }

  @Test
  void multipartSession_writesItsPlanAndToken() {
    JsonNode json =
        write(
            new MultipartSession(
                "uploads/v.mp4", "upload-1", 12_000_000, 5_242_880, 3, NOW, "tok.en"));

    assertThat(names(json))
        .containsExactly(
            "key", "uploadId", "totalSize", "partSize", "partCount", "expiresAt", "token");
    assertThat(json.toString()).doesNotContain("X-Amz-Signature");
  }

  @Test
  void uploadedPart_writesNumberEtagAndSize() {
    assertThat(names(write(UploadedPart.of(1, "\"etag\""))))
        .containsExactly("partNumber", "etag", "size");
  }

  @Test
  void verification_writesOutcomeProblemsAndOptionalsAsValueOrNull() {
    Verification failed =
        new Verification(
            "uploads/a.png",
            Verification.Outcome.FAILED,
            List.of(
                new Verification.Problem(
                    Verification.Check.SIZE, "size must be the declared 12 bytes: 13")),
            OptionalLong.of(13),
            Optional.of("image/png"),
            Verification.Action.QUARANTINED,
            Optional.of("quarantine/uploads/a.png"),
            Optional.of("\"e\""),
            Optional.empty(),
            Optional.empty());

    JsonNode json = write(failed);

    assertThat(names(json))
        .containsExactly(
            "key",
            "outcome",
            "problems",
            "size",
            "contentType",
            "action",
            "quarantineKey",
            "etag",
            "versionId",
            "promotedKey");
    assertThat(json.get("outcome").asString()).isEqualTo("FAILED");
    assertThat(names(json.get("problems").get(0))).containsExactly("check", "detail");
    assertThat(json.get("size").asLong()).isEqualTo(13);
    assertThat(json.get("contentType").asString()).isEqualTo("image/png");
    assertThat(json.get("versionId").isNull()).isTrue();
  }

  private static JsonNode write(Object value) {
    return JSON.readTree(JSON.writeValueAsString(value));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  // The secret key never; the signature and session token only in the one property meant to carry
  // them.
  private static void assertSecretsOnlyIn(JsonNode json, String carrier) {
    assertThat(json.toString()).doesNotContain(SECRET);
    assertThat(json.get(carrier).toString()).containsIgnoringCase("signature").contains(TOKEN);
    JsonNode rest = json.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) rest).remove(carrier);
    assertThat(rest.toString()).doesNotContainIgnoringCase("signature").doesNotContain(TOKEN);
  }
}
