package dev.presign.internal.verify;

import static dev.presign.internal.S3Calls.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Reads an object's tags, and sets one tag while keeping the others (the pending-to-verified
 * retag).
 */
public final class ObjectTags {
  private ObjectTags() {}

  /**
   * The object's tags.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param key the key
   * @param versionId the version, or null for the current one
   * @return the tags by key
   */
  public static Map<String, String> read(
      S3Client s3, String bucket, String key, @Nullable String versionId) {
    Map<String, String> tags = new TreeMap<>();
    for (Tag tag :
        call(
                "GetObjectTagging",
                () -> s3.getObjectTagging(r -> r.bucket(bucket).key(key).versionId(versionId)))
            .tagSet()) {
      tags.put(tag.key(), tag.value());
    }
    return tags;
  }

  /**
   * Sets one tag of the object, keeping its other tags: PutObjectTagging replaces the whole set.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param key the key
   * @param tagKey the tag to set
   * @param tagValue its value
   */
  public static void set(S3Client s3, String bucket, String key, String tagKey, String tagValue) {
    Map<String, String> tags = read(s3, bucket, key, null);
    tags.put(tagKey, tagValue);
    List<Tag> set = new ArrayList<>(tags.size());
    tags.forEach((k, v) -> set.add(Tag.builder().key(k).value(v).build()));
    call(
        "PutObjectTagging",
        () -> s3.putObjectTagging(r -> r.bucket(bucket).key(key).tagging(t -> t.tagSet(set))));
  }
}
