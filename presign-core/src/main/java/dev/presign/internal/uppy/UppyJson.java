package dev.presign.internal.uppy;

import dev.presign.UploadedPart;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSON answers of Companion's S3 protocol; every string goes through {@link
 * StrictJson#quote}.
 */
public final class UppyJson {
  private UppyJson() {}

  /**
   * {@code {"method":"POST","url","fields","expires"}}.
   *
   * @param url the form's URL
   * @param fields the form fields, in order
   * @param expires seconds until the form expires
   * @return the document
   */
  public static String postForm(String url, Map<String, String> fields, long expires) {
    StringBuilder json = new StringBuilder(1024).append("{\"method\":\"POST\",\"url\":");
    StrictJson.quote(json, url).append(",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      StrictJson.quote(json, field.getKey()).append(':');
      StrictJson.quote(json, field.getValue());
    }
    return json.append("},\"expires\":").append(expires).append('}').toString();
  }

  /**
   * {@code {"key","uploadId"}}.
   *
   * @param key the object key
   * @param uploadId the session token
   * @return the document
   */
  public static String session(String key, String uploadId) {
    StringBuilder json = new StringBuilder(uploadId.length() + 200).append("{\"key\":");
    StrictJson.quote(json, key).append(",\"uploadId\":");
    return StrictJson.quote(json, uploadId).append('}').toString();
  }

  /**
   * {@code {"url","expires"}}.
   *
   * @param url the part's URL
   * @param expires seconds until it expires
   * @return the document
   */
  public static String partUrl(String url, long expires) {
    StringBuilder json = new StringBuilder(url.length() + 40).append("{\"url\":");
    return StrictJson.quote(json, url)
        .append(",\"expires\":")
        .append(expires)
        .append('}')
        .toString();
  }

  /**
   * {@code {"presignedUrls":{"1":url}}}.
   *
   * @param urls the URLs by part number, in order
   * @return the document
   */
  public static String partUrls(Map<Integer, String> urls) {
    StringBuilder json = new StringBuilder(1024).append("{\"presignedUrls\":{");
    boolean first = true;
    for (Map.Entry<Integer, String> url : urls.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(url.getKey().intValue()).append("\":");
      StrictJson.quote(json, url.getValue());
    }
    return json.append("}}").toString();
  }

  /**
   * {@code [{"PartNumber","ETag","Size"}]}.
   *
   * @param parts the parts S3 holds
   * @return the document
   */
  public static String parts(List<UploadedPart> parts) {
    StringBuilder json = new StringBuilder(256).append('[');
    boolean first = true;
    for (UploadedPart part : parts) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append("{\"PartNumber\":").append(part.partNumber()).append(",\"ETag\":");
      StrictJson.quote(json, part.etag()).append(",\"Size\":").append(part.size()).append('}');
    }
    return json.append(']').toString();
  }

  /**
   * {@code {"location","key","etag"}}.
   *
   * @param location the object's address, no query
   * @param key the object key
   * @param etag the object's ETag
   * @return the document
   */
  public static String completed(String location, String key, String etag) {
    StringBuilder json = new StringBuilder(512).append("{\"location\":");
    StrictJson.quote(json, location).append(",\"key\":");
    StrictJson.quote(json, key).append(",\"etag\":");
    return StrictJson.quote(json, etag).append('}').toString();
  }

  /**
   * Companion's error shape, {@code {"error","reason"}}.
   *
   * @param message the end-user message
   * @param reason the stable reason code
   * @return the document
   */
  public static String error(String message, String reason) {
    StringBuilder json = new StringBuilder(message.length() + 64).append("{\"error\":");
    StrictJson.quote(json, message).append(",\"reason\":");
    return StrictJson.quote(json, reason).append('}').toString();
  }
}
