package dev.presign.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Stateless proof that this server issued an upload: {@code base64url(key NUL name) "."
 * base64url(HMAC)}. The page keeps the token and sends it back for a download link, so the server
 * remembers nothing and an anonymous flood of issue calls cannot crowd out anyone's downloads.
 * Thread-safe.
 */
final class DownloadTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_TOKEN_LENGTH = 8192;

  /** The key file's name in the data folder. */
  static final String KEY_FILE = ".download-token-key";

  private static final int KEY_BYTES = 32;

  /** What a token names: the object key and the name to download it under. */
  record Download(String key, String name) {}

  private final SecretKeySpec key;

  DownloadTokens(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** {@return a fresh random key, for a server whose files do not outlive it} */
  static byte[] randomKey() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * The key in {@code file}, created (owner-only where the file system has POSIX permissions) on
   * first use, so that tokens issued before a restart still open after it.
   */
  static byte[] loadOrCreateKey(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] fresh = randomKey();
      try {
        if (Files.getFileStore(file.toAbsolutePath().getParent())
            .supportsFileAttributeView("posix")) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(file);
        }
        Files.write(file, fresh, StandardOpenOption.TRUNCATE_EXISTING);
        return fresh;
      } catch (FileAlreadyExistsException raced) {
        // another server on the same folder created it first: use that one
      }
    }
    byte[] key = Files.readAllBytes(file);
    if (key.length != KEY_BYTES) {
      throw new IOException(
          "the download token key must be "
              + KEY_BYTES
              + " bytes, "
              + file
              + " has "
              + key.length
              + "; delete it to make a new one (older download links stop working)");
    }
    return key;
  }

  String issue(String objectKey, String fileName) {
    byte[] payload = (objectKey + '\0' + fileName).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + '.' + ENCODER.encodeToString(mac(payload));
  }

  /** The download a token names, or null when it is malformed or this server did not issue it. */
  @Nullable Download open(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > MAX_TOKEN_LENGTH) {
      return null;
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      mac = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!MessageDigest.isEqual(mac, mac(payload))) {
      return null;
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    int nul = text.indexOf('\0');
    return nul <= 0 ? null : new Download(text.substring(0, nul), text.substring(nul + 1));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
