package dev.presign.examples;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An S3-compatible store inside this JVM (S3Proxy, in memory or under a data folder) that checks SigV4
 * signatures, signed headers and expiry like S3 does, so the examples need no AWS account.
 */
public final class EmbeddedS3 implements AutoCloseable {
  /** The bucket the examples upload to. */
  public static final String BUCKET = "presign-demo";
  private static final String ACCESS_KEY = "AKIAPRESIGNDEMOKEY01";
  private static final String SECRET_KEY = "presignDemoSecretKey/0123456789abcdefABCD";

  private final S3Proxy proxy;
  private final BlobStore blobStore;

  private EmbeddedS3(S3Proxy proxy, BlobStore blobStore) {
    this.proxy = proxy;
    this.blobStore = blobStore;
  }

  /** Starts the store in memory on a free loopback port, with {@link #BUCKET} created. */
  public static EmbeddedS3 start() throws Exception {
    return start(null, List.of());
  }

  /**
   * Starts the store on a free loopback port, with {@link #BUCKET} created.
   *
   * @param dataDirectory where objects are kept, or null to keep them in memory
   * @param corsOrigins the web pages allowed to upload from a browser; none disables CORS
   * @return the running store
   * @throws Exception when S3Proxy cannot start
   */
  public static EmbeddedS3 start(Path dataDirectory, List<String> corsOrigins) throws Exception {
    BlobStore blobStore;
    if (dataDirectory == null) {
      blobStore = new TransientNio2BlobStore();
    } else {
      Files.createDirectories(dataDirectory);
      blobStore = new FilesystemNio2BlobStore(dataDirectory.toAbsolutePath().toString());
    }
    if (!blobStore.containerExists(BUCKET)) {
      blobStore.createContainer(BUCKET);
    }
    S3Proxy.Builder builder = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
    if (!corsOrigins.isEmpty()) {
      // What a browser upload needs: the signed headers, and ETag readable for multipart completion.
      builder.corsRules(new CrossOriginResourceSharing(corsOrigins, List.of("GET", "HEAD", "PUT", "POST"),
          List.of("*"), List.of("ETag"), "false"));
    }
    S3Proxy proxy = builder.build();
    proxy.start();
    for (int waited = 0; !"STARTED".equals(proxy.getState()); waited += 10) {
      if (waited > 30_000) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new EmbeddedS3(proxy, blobStore);
  }

  /** The endpoint, {@code http://127.0.0.1:PORT}; use it with path-style access. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Credentials the store accepts. */
  public StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Whether an object exists, asked of the store directly. */
  public boolean exists(String key) {
    return blobStore.blobExists(BUCKET, key);
  }

  /**
   * An object's bytes, asked of the store directly.
   *
   * @param key the object key
   * @return its bytes
   * @throws java.io.IOException when it cannot be read
   */
  public byte[] read(String key) throws java.io.IOException {
    try (java.io.InputStream in = blobStore.getBlob(BUCKET, key)) {
      return in.readAllBytes();
    }
  }

  /** {@return every object key in the bucket, without S3Proxy's stubs for uploads in progress} */
  public List<String> keys() {
    return blobStore.list(BUCKET).contents().stream()
        .map(software.amazon.awssdk.services.s3.model.S3Object::key)
        .filter(key -> !key.startsWith(".s3proxy-mpu-stub-"))
        .toList();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    } finally {
      blobStore.close();
    }
  }
}
