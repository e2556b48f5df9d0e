package dev.presign.test;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a store holds under a key, besides the bytes: the size, the ETag, the standard headers it
 * will send back to every reader (Content-Type, Content-Disposition, Cache-Control,
 * Content-Encoding, Content-Language, Expires) and the user metadata ({@code x-amz-meta-*}, names
 * without the prefix).
 *
 * <pre>{@code
 * StoredObject stored = store.object(upload.key());
 * assertThat(stored.contentType()).hasValue("image/png");
 * assertThat(stored.header("Content-Disposition")).isEmpty();
 * }</pre>
 *
 * @param key the object key
 * @param size the size in bytes
 * @param eTag the ETag, with its quotes
 * @param headers the stored standard headers that are set, names matched without regard to case
 * @param metadata the user metadata
 */
public record StoredObject(
    String key, long size, String eTag, Map<String, String> headers, Map<String, String> metadata) {

  /**
   * Creates the value; the maps are copied.
   *
   * @param key the object key
   * @param size the size in bytes
   * @param eTag the ETag
   * @param headers the stored standard headers
   * @param metadata the user metadata
   */
  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eTag, "eTag");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(metadata, "metadata");
    TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(caseless);
    metadata = Map.copyOf(metadata);
  }

  /**
   * A stored standard header.
   *
   * @param name the header name, in any case
   * @return its value, if the object has it
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(headers.get(name));
  }

  /** {@return the stored Content-Type} */
  public Optional<String> contentType() {
    return header("Content-Type");
  }
}
