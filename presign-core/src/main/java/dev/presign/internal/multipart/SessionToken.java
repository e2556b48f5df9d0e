package dev.presign.internal.multipart;

import dev.presign.internal.token.InvalidTokenException;
import dev.presign.internal.token.SealedToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A multipart session carried by the client instead of the server: the upload id, key, content
 * type, part plan and expiry, authenticated with HMAC-SHA256 under a key only the backends hold.
 * Any backend instance with that key can continue the session; a client that edits any byte is
 * refused.
 *
 * <p>Sealed as a {@link SealedToken}, whose payload here is versioned and length-prefixed, so no
 * field can bleed into the next. The token is signed, not encrypted: it reveals the key and upload
 * id to the client, which knows them anyway.
 *
 * @param bucket the bucket the upload is in
 * @param uploadId S3's multipart upload id
 * @param key the object key
 * @param contentType the normalized content type
 * @param plan the part plan
 * @param expiresAt when the session stops being honoured
 * @param tagging the object's tags as S3's URL-encoded {@code key=value&…}, to set after completion
 *     on a store that drops the tags CreateMultipartUpload carries; empty when there are none to
 *     set
 */
public record SessionToken(
    String bucket,
    String uploadId,
    String key,
    String contentType,
    PartPlan plan,
    Instant expiresAt,
    String tagging) {
  /** The longest token {@link #decode} reads, in characters. */
  public static final int MAX_LENGTH = SealedToken.MAX_LENGTH;

  private static final int VERSION = 1;
  // Version 2 appends the tagging; a token without tags is still written as version 1, byte for
  // byte.
  private static final int VERSION_WITH_TAGGING = 2;
  // Names what the MAC is for, so a session key reused for some other HMAC can never vouch for a
  // token.
  private static final String PURPOSE = "presign multipart session";

  /** Normalizes the tagging: null stands for none. */
  public SessionToken {
    tagging = tagging == null ? "" : tagging;
  }

  /**
   * A session without tags to set after completion.
   *
   * @param bucket the bucket the upload is in
   * @param uploadId S3's multipart upload id
   * @param key the object key
   * @param contentType the normalized content type
   * @param plan the part plan
   * @param expiresAt when the session stops being honoured
   */
  public SessionToken(
      String bucket,
      String uploadId,
      String key,
      String contentType,
      PartPlan plan,
      Instant expiresAt) {
    this(bucket, uploadId, key, contentType, plan, expiresAt, "");
  }

  /**
   * Encodes and authenticates this session.
   *
   * @param secret the server-held key
   * @return the token to hand to the client
   */
  public String encode(byte[] secret) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(PURPOSE);
      out.writeByte(tagging.isEmpty() ? VERSION : VERSION_WITH_TAGGING);
      out.writeUTF(bucket);
      out.writeUTF(uploadId);
      out.writeUTF(key);
      out.writeUTF(contentType);
      out.writeLong(plan.totalSize());
      out.writeLong(plan.partSize());
      out.writeInt(plan.partCount());
      out.writeLong(expiresAt.getEpochSecond());
      if (!tagging.isEmpty()) {
        out.writeUTF(tagging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SealedToken.seal(bytes.toByteArray(), secret);
  }

  /**
   * Verifies and decodes a token.
   *
   * @param token what the client sent
   * @param secret the server-held key
   * @param now the current time
   * @param bucket the bucket the caller serves
   * @return the session
   * @throws InvalidTokenException when the token is malformed, was not made with this key, is for
   *     another bucket, or expired
   */
  public static SessionToken decode(String token, byte[] secret, Instant now, String bucket)
      throws InvalidTokenException {
    byte[] payload = SealedToken.open(token, secret, "session token");
    SessionToken session;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (!PURPOSE.equals(in.readUTF())) {
        throw new InvalidTokenException("the session token has an unknown version");
      }
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_WITH_TAGGING) {
        throw new InvalidTokenException("the session token has an unknown version");
      }
      String tokenBucket = in.readUTF();
      String uploadId = in.readUTF();
      String key = in.readUTF();
      String contentType = in.readUTF();
      PartPlan plan = new PartPlan(in.readLong(), in.readLong(), in.readInt());
      Instant expiresAt = Instant.ofEpochSecond(in.readLong());
      String tagging = version == VERSION_WITH_TAGGING ? in.readUTF() : "";
      if (version == VERSION_WITH_TAGGING && tagging.isEmpty()) {
        throw new InvalidTokenException("the session token is malformed");
      }
      session = new SessionToken(tokenBucket, uploadId, key, contentType, plan, expiresAt, tagging);
      if (in.available() != 0) {
        throw new InvalidTokenException("the session token is malformed");
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidTokenException("the session token is malformed");
    }
    if (!session.bucket.equals(bucket)) {
      throw new InvalidTokenException("the session token is for another bucket");
    }
    if (!now.isBefore(session.expiresAt)) {
      throw new InvalidTokenException("the session expired at " + session.expiresAt);
    }
    return session;
  }

  @Override
  public String toString() {
    return "SessionToken[key="
        + key
        + ", parts="
        + plan.partCount()
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
