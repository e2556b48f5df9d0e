package dev.presign.internal.verify;

import dev.presign.ObjectAttributes;
import dev.presign.internal.Redact;
import dev.presign.internal.attributes.Rfc2047;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What the verifier checks of a policy's {@link ObjectAttributes} on a stored object: encryption,
 * storage class, the fixed metadata (decoded from RFC 2047 as S3 returns non-ASCII) and the fixed
 * tags. A request's own metadata and tags are not in the ticket, so they are not checked here.
 */
public final class StoredAttributes {
  private StoredAttributes() {}

  /**
   * What the object lacks or has otherwise, one phrase per attribute.
   *
   * @param attributes the policy's attributes
   * @param head the object's HEAD
   * @param tags reads the object's tags; called only when the policy fixes tags
   * @return the differences, empty when the object carries every attribute
   */
  public static List<String> differences(
      ObjectAttributes attributes, HeadObjectResponse head, Supplier<Map<String, String>> tags) {
    List<String> found = new ArrayList<>();
    attributes
        .encryption()
        .ifPresent(
            e -> {
              compare(found, "encryption", e.algorithm(), head.serverSideEncryptionAsString());
              e.kmsKeyId().ifPresent(id -> compare(found, "KMS key", id, head.ssekmsKeyId()));
            });
    // S3 leaves x-amz-storage-class out of a HEAD of a STANDARD object.
    attributes
        .storageClass()
        .ifPresent(
            s ->
                compare(
                    found,
                    "storage class",
                    s,
                    head.storageClassAsString() == null
                        ? "STANDARD"
                        : head.storageClassAsString()));
    Map<String, String> metadata = head.metadata();
    for (Map.Entry<String, String> entry : attributes.metadata().entrySet()) {
      String stored = metadata == null ? null : metadata.get(entry.getKey());
      compare(
          found,
          "metadata " + entry.getKey(),
          entry.getValue(),
          stored == null ? null : Rfc2047.decode(stored));
    }
    if (!attributes.tags().isEmpty()) {
      Map<String, String> stored = tags.get();
      for (Map.Entry<String, String> entry : attributes.tags().entrySet()) {
        compare(found, "tag " + entry.getKey(), entry.getValue(), stored.get(entry.getKey()));
      }
    }
    return found;
  }

  private static void compare(
      List<String> found, String what, String expected, @Nullable String stored) {
    if (stored == null) {
      found.add(what + " " + Redact.quote(expected) + " missing");
    } else if (!stored.equals(expected)) {
      found.add(what + " must be " + Redact.quote(expected) + ": " + Redact.quote(stored));
    }
  }

  /**
   * Keeps encryption and storage class through a server-side copy (promotion, quarantine), which
   * would otherwise take the bucket's defaults; metadata and tags are copied by default.
   *
   * @param attributes the policy's attributes
   * @param copy the copy request being built
   */
  public static void keepOnCopy(ObjectAttributes attributes, CopyObjectRequest.Builder copy) {
    attributes
        .encryption()
        .ifPresent(
            e -> {
              copy.serverSideEncryption(e.algorithm());
              e.kmsKeyId().ifPresent(copy::ssekmsKeyId);
              if (e.bucketKeyEnabled()) {
                copy.bucketKeyEnabled(true);
              }
            });
    attributes.storageClass().ifPresent(copy::storageClass);
  }
}
