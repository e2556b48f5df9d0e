package dev.presign;

import dev.presign.internal.keys.OriginalNameKeyStrategy;
import dev.presign.internal.keys.PrincipalKeyStrategy;
import dev.presign.internal.keys.UuidKeyStrategy;
import java.time.Instant;

/**
 * Decides the object key of an upload. The client never chooses it: a file name only ever
 * contributes its sanitized extension, or with {@link #originalName}, a sanitized last segment.
 *
 * <p>The extension is the file name's only when it fits the declared content type: {@code
 * evil.html} declared as {@code image/png} lands as {@code .png}, because CDNs and file servers go
 * by extension. A type the library does not know keeps a name's extension only if no known type
 * claims it.
 *
 * <p>Every key is checked by the issuer before signing, whoever wrote the strategy: at most 1024
 * UTF-8 bytes, no control or format characters, no backslash, no leading {@code /}, no empty,
 * {@code .} or {@code ..} segments. A custom strategy that breaks a rule makes {@code issueUpload}
 * fail with {@link InvalidRequestException.Reason#KEY_INVALID}; nothing is signed.
 *
 * <p>Built-ins, given {@code cat.png} on 2026-11-29:
 *
 * <table>
 *   <caption>Built-in strategies</caption>
 *   <tr><td>{@code uuid("uploads/")}</td><td>{@code uploads/8f0c…e1.png}</td></tr>
 *   <tr><td>{@code datedUuid("uploads/")}</td><td>{@code uploads/2026/11/29/8f0c…e1.png}</td></tr>
 *   <tr><td>{@code perPrincipal("tenants/", uuid(""))}</td><td>{@code tenants/acme/8f0c…e1.png}</td></tr>
 *   <tr><td>{@code originalName("files/")}</td><td>{@code files/8f0c…e1/cat.png}</td></tr>
 * </table>
 *
 * <p>A prefix is empty or ends with {@code /}, and is itself a valid key of at most 256 bytes; the
 * factories throw {@link IllegalArgumentException} otherwise. Built-ins are immutable and
 * thread-safe; custom strategies must be thread-safe too, since one issuer serves all request
 * threads.
 */
@FunctionalInterface
public interface KeyStrategy {

  /**
   * Returns the object key for an upload.
   *
   * @param request the upload request, already checked against the policy
   * @param now the issuer's clock reading for this upload, for date-partitioned keys
   * @return the key, not URL-encoded
   */
  String key(UploadRequest request, Instant now);

  /**
   * Whether some key this strategy returns could start with {@code prefix}. presign asks before it
   * puts objects of its own under a prefix (failed uploads under the verifier's quarantine prefix,
   * promoted uploads under their permanent prefix, the self-test's object under {@code
   * presign-self-test/}), and refuses the configuration when the answer is yes: with {@code
   * perPrincipal("")}, a tenant named {@code quarantine} would otherwise find other tenants' failed
   * uploads in its folder.
   *
   * <p>Built-ins answer from the shape of their keys: {@code uuid("")} never makes a folder, so
   * every prefix is free; {@code perPrincipal("")} can make any folder a principal can be named.
   * The default answers true, since presign cannot see inside a lambda: a custom strategy that
   * shares a bucket with a verifier or the self-test overrides it.
   *
   * @param prefix a non-empty key prefix ending in {@code /}
   * @return true when a key of this strategy could start with {@code prefix}
   */
  default boolean mayProduceKeyStartingWith(String prefix) {
    return true;
  }

  /**
   * {@code prefix + random UUID + .ext}, e.g. {@code uploads/8f0c…e1.png}.
   *
   * @param prefix empty, or a valid key ending in {@code /}
   * @return the strategy
   * @throws IllegalArgumentException when the prefix is not valid
   */
  static KeyStrategy uuid(String prefix) {
    return new UuidKeyStrategy(prefix, false);
  }

  /**
   * {@code prefix + yyyy/MM/dd/ + random UUID + .ext}, with the date in UTC from the issuer's
   * clock, e.g. {@code uploads/2026/11/29/8f0c…e1.png}. Date partitions make lifecycle rules and
   * listing by day cheap.
   *
   * @param prefix empty, or a valid key ending in {@code /}
   * @return the strategy
   * @throws IllegalArgumentException when the prefix is not valid
   */
  static KeyStrategy datedUuid(String prefix) {
    return new UuidKeyStrategy(prefix, true);
  }

  /**
   * {@code prefix + principal/ + random UUID + .ext}: a folder per user or tenant, e.g. {@code
   * tenants/acme/8f0c…e1.png}. The request must carry a principal of 1 to 128 characters from
   * {@code A-Z a-z 0-9 . _ @ -}, not only dots; otherwise the upload is refused with {@link
   * InvalidRequestException.Reason#PRINCIPAL_INVALID}.
   *
   * @param prefix empty, or a valid key ending in {@code /}
   * @return the strategy
   * @throws IllegalArgumentException when the prefix is not valid
   */
  static KeyStrategy perPrincipal(String prefix) {
    return new PrincipalKeyStrategy(prefix, uuid(""));
  }

  /**
   * {@code prefix + principal/ + inner's key}: like {@link #perPrincipal(String)}, with another
   * strategy naming the object inside the principal's folder.
   *
   * @param prefix empty, or a valid key ending in {@code /}
   * @param inner names the object inside the principal's folder
   * @return the strategy
   * @throws IllegalArgumentException when the prefix is not valid
   */
  static KeyStrategy perPrincipal(String prefix, KeyStrategy inner) {
    return new PrincipalKeyStrategy(prefix, inner);
  }

  /**
   * {@code prefix + random UUID/ + sanitized file name}, e.g. {@code files/8f0c…e1/cat.png}: keeps
   * the user's name for downloads without ever letting two uploads collide. Sanitizing keeps
   * letters and digits of any script, {@code -} and {@code _}, and the dot before the extension;
   * everything else, path separators and inner dots included, becomes {@code _}.
   *
   * @param prefix empty, or a valid key ending in {@code /}
   * @return the strategy
   * @throws IllegalArgumentException when the prefix is not valid
   */
  static KeyStrategy originalName(String prefix) {
    return new OriginalNameKeyStrategy(prefix);
  }
}
