package dev.presign.internal.attributes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object attributes on CreateMultipartUpload: S3 takes them when the upload starts and gives them
 * to the object CompleteMultipartUpload makes; the part URLs carry none. Values are set as the
 * headers would carry them (metadata already RFC 2047-encoded where needed, tags URL-encoded),
 * which the SDK sends unchanged.
 */
public final class MultipartAttributes {
  private MultipartAttributes() {}

  /**
   * Sets the attributes on a CreateMultipartUpload request.
   *
   * @param entries attribute headers, names and values alternating, from {@link
   *     AttributeHeaders#entries}
   * @param request the request being built
   */
  public static void apply(String[] entries, CreateMultipartUploadRequest.Builder request) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      String name = entries[i];
      String value = entries[i + 1];
      switch (name) {
        case "x-amz-server-side-encryption" -> request.serverSideEncryption(value);
        case "x-amz-server-side-encryption-aws-kms-key-id" -> request.ssekmsKeyId(value);
        case "x-amz-server-side-encryption-bucket-key-enabled" ->
            request.bucketKeyEnabled(Boolean.valueOf(value));
        case "x-amz-storage-class" -> request.storageClass(value);
        case AttributeHeaders.TAGGING -> request.tagging(value);
        default -> {
          if (!name.startsWith(AttributeHeaders.META)) {
            throw new IllegalStateException("not an attribute header: " + name);
          }
          metadata.put(name.substring(AttributeHeaders.META.length()), value);
        }
      }
    }
    if (!metadata.isEmpty()) {
      request.metadata(metadata);
    }
  }

  /**
   * The tagging among the entries.
   *
   * @param entries attribute headers, names and values alternating, or null for none
   * @return the {@code x-amz-tagging} value, URL-encoded {@code key=value&…}; empty when there are
   *     no tags
   */
  public static String tagging(String @Nullable [] entries) {
    if (entries != null) {
      for (int i = 0; i < entries.length; i += 2) {
        if (entries[i].equals(AttributeHeaders.TAGGING)) {
          return entries[i + 1];
        }
      }
    }
    return "";
  }

  /**
   * The tag set a tagging value names, for PutObjectTagging.
   *
   * @param tagging URL-encoded {@code key=value&…}, as {@link AttributeHeaders#tagging} writes it
   * @return the tags, in order
   */
  public static List<Tag> tagSet(String tagging) {
    List<Tag> tags = new ArrayList<>();
    for (String pair : tagging.split("&", -1)) {
      int eq = pair.indexOf('=');
      // AttributeHeaders percent-encodes every reserved character, so '+' never stands for a space
      // here.
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      tags.add(Tag.builder().key(key).value(value).build());
    }
    return tags;
  }
}
