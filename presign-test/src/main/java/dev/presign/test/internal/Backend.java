package dev.presign.test.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One kind of S3 store behind {@code S3TestStore}: where it listens, which credentials it takes,
 * and how it starts and stops. Everything else the kit does goes through the S3 API, the same for
 * every kind.
 */
public interface Backend extends AutoCloseable {
  /** {@return the endpoint, for path-style requests} */
  URI endpoint();

  /** {@return credentials the store accepts} */
  AwsCredentialsProvider credentials();

  /** {@return the bucket the tests use} */
  String bucket();

  /** {@return whether the store checks SigV4 signatures, expiry and signed headers} */
  boolean checksSignatures();

  /** {@return a short name for messages: "S3Proxy", "S3Mock", or the external endpoint's host} */
  String description();

  /**
   * Creates another bucket.
   *
   * @param name the bucket name
   */
  void createBucket(String name);

  /** Stops the store, if this backend started it. */
  @Override
  void close();
}
