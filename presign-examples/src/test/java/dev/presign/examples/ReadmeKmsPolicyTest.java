package dev.presign.examples;

import static dev.presign.examples.ReadmeSnippets.javaBlockAfter;
import static dev.presign.examples.ReadmeSnippets.markedCode;
import static dev.presign.examples.ReadmeSnippets.withExampleCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignedUpload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadmeKmsPolicyTest {
  private static final Path SOURCE =
      Path.of("src/main/java/dev/presign/examples/ReadmeKmsPolicy.java");

  @Test
  void readmeAttributesSection_isTheCompiledCode() throws IOException {
    String block =
        javaBlockAfter(
            "## Server-decided object attributes", "README has the object attributes section");

    assertThat(block).isEqualTo(markedCode(SOURCE));
  }

  @Test
  void readmeAttributesSection_signsTheKmsHeadersTheBucketPolicyRequires() {
    PresignedUpload up = withExampleCredentials(ReadmeKmsPolicy::run);

    assertThat(up.headers())
        .contains(
            Map.entry("x-amz-server-side-encryption", "aws:kms"),
            Map.entry(
                "x-amz-server-side-encryption-aws-kms-key-id",
                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            Map.entry("x-amz-server-side-encryption-bucket-key-enabled", "true"),
            Map.entry("x-amz-storage-class", "INTELLIGENT_TIERING"),
            Map.entry("x-amz-meta-original-name", "=?UTF-8?B?UsOpc3Vtw6kucGRm?="),
            Map.entry("x-amz-tagging", "presign-status=pending"));
    assertThat(up.url())
        .contains(
            "x-amz-server-side-encryption%3Bx-amz-server-side-encryption-aws-kms-key-id%3B"
                + "x-amz-server-side-encryption-bucket-key-enabled%3B");
  }
}
