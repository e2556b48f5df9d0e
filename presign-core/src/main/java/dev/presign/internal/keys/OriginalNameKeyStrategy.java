package dev.presign.internal.keys;

import dev.presign.KeyStrategy;
import dev.presign.UploadRequest;
import java.time.Instant;

/**
 * {@code prefix + uuid/ + sanitized-file-name}: the user's own name, made safe, in a folder of its
 * own so that two uploads of {@code cat.png} never overwrite each other.
 *
 * @param prefix a valid key prefix
 */
public record OriginalNameKeyStrategy(String prefix) implements KeyStrategy {
  public OriginalNameKeyStrategy {
    prefix = KeyPrefixes.require(prefix);
  }

  @Override
  public String key(UploadRequest request, Instant now) {
    return prefix + RandomUuids.next() + '/' + KeyExtensions.safeName(request).fileName();
  }

  @Override
  public boolean mayProduceKeyStartingWith(String reserved) {
    return KeyPrefixes.mayProduce(prefix, KeyPrefixes.FirstSegment.UUID, reserved);
  }

  @Override
  public String toString() {
    return "KeyStrategy.originalName(\"" + prefix + "\")";
  }
}
