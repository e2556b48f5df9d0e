package dev.presign.internal.attributes;

import dev.presign.internal.post.PostPolicyJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Object attributes on a POST form: each one a form field and an exact ({@code eq}) condition of
 * the signed policy, so S3 refuses a form whose field is missing or changed. Encryption, storage
 * class and metadata keep their header names as field names; tags travel in S3's {@code tagging}
 * field as a {@code Tagging} XML document.
 */
public final class PostAttributes {
  private PostAttributes() {}

  /**
   * Adds the attributes to a form.
   *
   * @param entries attribute headers, names and values alternating, from {@link
   *     AttributeHeaders#entries}
   * @param document the policy document, which gets one {@code eq} condition per field
   * @param fields the form's fields, in order, which get one field per attribute
   */
  public static void apply(String[] entries, PostPolicyJson document, Map<String, String> fields) {
    for (int i = 0; i < entries.length; i += 2) {
      String name = entries[i];
      String value = entries[i + 1];
      if (name.equals(AttributeHeaders.TAGGING)) {
        name = "tagging";
        value = taggingXml(value);
      }
      document.eq(name, value);
      fields.put(name, value);
    }
  }

  /**
   * S3's {@code Tagging} document for a URL-encoded tag set; tag text cannot hold {@code < > &},
   * but is escaped anyway.
   */
  static String taggingXml(String tagging) {
    StringBuilder xml = new StringBuilder("<Tagging><TagSet>");
    for (String pair : tagging.split("&", -1)) {
      int eq = pair.indexOf('=');
      xml.append("<Tag><Key>")
          .append(escape(decode(pair.substring(0, eq))))
          .append("</Key><Value>")
          .append(escape(decode(pair.substring(eq + 1))))
          .append("</Value></Tag>");
    }
    return xml.append("</TagSet></Tagging>").toString();
  }

  private static String decode(String part) {
    // The encoding has no '+', so form decoding reads every %XX back and nothing else.
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
