package dev.presign.examples;

import dev.presign.test.S3TestStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The examples' S3-compatible store inside this JVM: presign-test's {@link S3TestStore} (S3Proxy,
 * in memory or under a data folder), which checks SigV4 signatures, signed headers and expiry like
 * S3 does, so the examples need no AWS account.
 */
public final class EmbeddedS3 implements AutoCloseable {
  /** The bucket the examples upload to. */
  public static final String BUCKET = "presign-demo";

  private final S3TestStore store;

  private EmbeddedS3(S3TestStore store) {
    this.store = store;
  }

  /**
   * {@return the store, started in memory on a free loopback port, with {@link #BUCKET} created}
   */
  public static EmbeddedS3 start() {
    return start(null, List.of());
  }

  /**
   * Starts the store on a free loopback port, with {@link #BUCKET} created.
   *
   * @param dataDirectory where objects are kept, or null to keep them in memory
   * @param corsOrigins the web pages allowed to upload from a browser; none disables CORS
   * @return the running store
   */
  public static EmbeddedS3 start(@Nullable Path dataDirectory, List<String> corsOrigins) {
    S3TestStore.Builder builder = S3TestStore.builder().bucket(BUCKET).corsOrigins(corsOrigins);
    if (dataDirectory != null) {
      builder.dataDirectory(dataDirectory);
    }
    return new EmbeddedS3(builder.build().start());
  }

  /** {@return the endpoint, {@code http://127.0.0.1:PORT}; use it with path-style access} */
  public URI endpoint() {
    return store.endpoint();
  }

  /** {@return credentials the store accepts (random, new at every start)} */
  public AwsCredentialsProvider credentials() {
    return store.credentialsProvider();
  }

  /**
   * Whether an object exists.
   *
   * @param key the object key
   * @return true when it does
   */
  public boolean exists(String key) {
    return store.exists(key);
  }

  /**
   * An object's bytes.
   *
   * @param key the object key
   * @return its bytes
   */
  public byte[] read(String key) {
    return store.bytes(key);
  }

  /** {@return every object key in the bucket} */
  public List<String> keys() {
    return store.keys();
  }

  @Override
  public void close() {
    store.close();
  }
}
