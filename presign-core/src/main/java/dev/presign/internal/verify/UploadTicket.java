package dev.presign.internal.verify;

import dev.presign.Checksum;
import dev.presign.PresignedUpload;
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
 * What an issued upload promised, carried by the client until it says it has finished: bucket, key,
 * declared size, content type and checksum, and until when the ticket is honoured. A {@link
 * SealedToken} with a purpose label of its own, so verifying needs no database row, an edited
 * ticket is refused, and a multipart session token is never taken for a ticket.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param size the declared size, or -1
 * @param contentType the declared, normalized content type
 * @param checksumAlgorithm the bound checksum's algorithm name, or empty
 * @param checksum the bound checksum in base64, or empty
 * @param expiresAt until when the ticket is honoured
 */
public record UploadTicket(
    String bucket,
    String key,
    long size,
    String contentType,
    String checksumAlgorithm,
    String checksum,
    Instant expiresAt) {
  private static final String PURPOSE = "presign upload ticket";
  private static final int VERSION = 1;

  /**
   * The ticket for an issued upload: its key and what its signed headers declare.
   *
   * @param bucket the bucket it was issued for
   * @param upload the upload
   * @param expiresAt until when the ticket is honoured
   * @return the ticket
   */
  public static UploadTicket of(String bucket, PresignedUpload upload, Instant expiresAt) {
    Checksum checksum = Expectation.boundChecksum(upload.headers());
    return new UploadTicket(
        bucket,
        upload.key(),
        upload.contentLength().orElse(-1),
        upload.headers().getOrDefault("Content-Type", ""),
        checksum == null ? "" : checksum.algorithm().name(),
        checksum == null ? "" : checksum.base64(),
        expiresAt);
  }

  /**
   * Encodes and authenticates the ticket.
   *
   * @param secret the server-held key
   * @return the ticket for the client
   */
  public String encode(byte[] secret) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(PURPOSE);
      out.writeByte(VERSION);
      out.writeUTF(bucket);
      out.writeUTF(key);
      out.writeLong(size);
      out.writeUTF(contentType);
      out.writeUTF(checksumAlgorithm);
      out.writeUTF(checksum);
      out.writeLong(expiresAt.getEpochSecond());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SealedToken.seal(bytes.toByteArray(), secret);
  }

  /**
   * Verifies and decodes a ticket.
   *
   * @param ticket what the client sent
   * @param secret the server-held key
   * @param now the current time
   * @param bucket the bucket the caller serves
   * @return the ticket
   * @throws InvalidTokenException when it is malformed, edited, for another bucket or expired
   */
  public static UploadTicket decode(String ticket, byte[] secret, Instant now, String bucket)
      throws InvalidTokenException {
    byte[] payload = SealedToken.open(ticket, secret, "ticket");
    UploadTicket decoded;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (!PURPOSE.equals(in.readUTF()) || in.readByte() != VERSION) {
        throw new InvalidTokenException("the ticket has an unknown version");
      }
      decoded =
          new UploadTicket(
              in.readUTF(),
              in.readUTF(),
              in.readLong(),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              Instant.ofEpochSecond(in.readLong()));
      if (in.available() != 0) {
        throw new InvalidTokenException("the ticket is malformed");
      }
    } catch (IOException e) {
      throw new InvalidTokenException("the ticket is malformed");
    }
    if (!decoded.bucket.equals(bucket)) {
      throw new InvalidTokenException("the ticket is for another bucket");
    }
    if (!now.isBefore(decoded.expiresAt)) {
      throw new InvalidTokenException("the ticket expired at " + decoded.expiresAt);
    }
    return decoded;
  }
}
