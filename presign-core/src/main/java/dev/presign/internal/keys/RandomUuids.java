package dev.presign.internal.keys;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Version-4 UUIDs from a per-thread DRBG, read in batches.
 *
 * <p>Why not {@link java.util.UUID#randomUUID()}: on Linux it reads {@code /dev/urandom} under one
 * global lock for every UUID, which costs microseconds and serializes every request thread. Here
 * each thread has its own seeded SHA-256 Hash_DRBG and takes 16 bytes at a time from a 1 KiB batch.
 * The output is as unpredictable as the JDK's; keys remain unguessable.
 */
final class RandomUuids {
  private static final int BATCH = 1024;
  private static final ThreadLocal<Source> SOURCE =
      new ThreadLocal<>() {
        @Override
        protected Source initialValue() {
          return new Source();
        }
      };

  private RandomUuids() {}

  static String next() {
    return SOURCE.get().next();
  }

  private static final class Source {
    private final SecureRandom random;
    private final ByteBuffer batch = ByteBuffer.allocate(BATCH);

    Source() {
      try {
        random = SecureRandom.getInstance("DRBG");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the DRBG SecureRandom is not available", e);
      }
      batch.position(BATCH);
    }

    String next() {
      if (batch.remaining() < 16) {
        random.nextBytes(batch.array());
        batch.clear();
      }
      long high = batch.getLong();
      long low = batch.getLong();
      high = (high & ~0xF000L) | 0x4000L; // version 4
      low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
      return new java.util.UUID(high, low).toString();
    }
  }
}
