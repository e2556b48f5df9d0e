package dev.presign;

import dev.presign.internal.FormFields;
import dev.presign.internal.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An issued browser-form upload: send a {@code multipart/form-data} POST to {@code url} with every
 * field of {@code fields}, in this order, and the file last in a field named {@code file}, before
 * {@code expiresAt}.
 *
 * <p>Unlike a PUT URL, the policy lets S3 itself enforce a size range, so the client need not know
 * the exact size in advance. S3 refuses a body outside the range ({@code EntityTooLarge}, {@code
 * EntityTooSmall}), another key or content type, an edited policy and a late upload.
 *
 * <pre>{@code
 * <form action="${post.url}" method="post" enctype="multipart/form-data">
 *   <!-- one hidden input per entry of post.fields, in order -->
 *   <input type="file" name="file">
 * </form>
 * }</pre>
 *
 * <p>The Content-Type field is always there and always exact: S3 refuses any other value.
 *
 * <p>{@link #toString()} shows the field names but not the policy, credential, token or signature,
 * and {@code fields()} prints the policy, signature and session token as {@code (redacted)}
 * wherever it is turned into text (the map, its entries, its values); {@code get} and iteration
 * return the real values.
 *
 * @param url the form's action, as text: ASCII, ready to send; {@link #uri()} parses it
 * @param fields the form fields, in order: key, Content-Type, policy, x-amz-algorithm,
 *     x-amz-credential, x-amz-date, x-amz-security-token when the credentials have one,
 *     x-amz-signature
 * @param key the object key the upload will land under
 * @param expiresAt when S3 stops accepting the form
 */
public record PresignedPost(String url, Map<String, String> fields, String key, Instant expiresAt)
    implements IssuedUpload {

  /**
   * Creates the value; the fields are copied.
   *
   * @param url the form's action
   * @param fields the form fields, in order
   * @param key the object key
   * @param expiresAt when S3 stops accepting the form
   */
  public PresignedPost {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    fields = FormFields.copyOf(fields);
  }

  /** {@return {@link IssuedUpload.Mechanism#POST}} */
  @Override
  public Mechanism mechanism() {
    return Mechanism.POST;
  }

  /**
   * Parses {@link #url()}; for callers that need a {@link URI}, such as {@code java.net.http}. The
   * URL is kept as text because most callers send it on as text (JSON, a Location header) and
   * parsing costs more than signing; each call parses again.
   *
   * @return {@link #url()} as a URI
   * @throws IllegalArgumentException if a hand-made value's URL is not a valid URI
   */
  public URI uri() {
    return URI.create(url);
  }

  @Override
  public String toString() {
    return "PresignedPost[url="
        + Redact.url(url)
        + ", fields="
        + fields.keySet()
        + ", key="
        + key
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
