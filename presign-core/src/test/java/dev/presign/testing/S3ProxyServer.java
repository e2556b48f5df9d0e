package dev.presign.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server in this JVM: S3Proxy over an in-memory blob store, checking SigV4
 * signatures, signed headers and presigned expiry with its own clock.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIAPRESIGNTESTKEY01";
  public static final String SECRET_KEY = "presignTestSecretKey/0123456789abcdefABCD";
  public static final String BUCKET = "presign-test";

  private final S3Proxy proxy;
  private final BlobStore blobStore;

  private S3ProxyServer(S3Proxy proxy, BlobStore blobStore) {
    this.proxy = proxy;
    this.blobStore = blobStore;
  }

  /** Starts a server on a free loopback port with {@link #BUCKET} created. */
  public static S3ProxyServer start() throws Exception {
    BlobStore blobStore = new TransientNio2BlobStore();
    blobStore.createContainer(BUCKET);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3ProxyServer(proxy, blobStore);
  }

  /** {@code http://127.0.0.1:PORT}, for {@code endpointOverride} with path-style access. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * An issuer builder aimed at this server: its bucket, path-style addressing, accepted credentials;
   * the caller adds the policy and whatever else the test needs.
   */
  public dev.presign.UploadUrlIssuer.Builder issuerBuilder() {
    return dev.presign.UploadUrlIssuer.builder()
        .bucket(BUCKET)
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .endpointOverride(endpoint())
        .pathStyleAccess(true)
        .credentialsProvider(credentials());
  }

  /** Credentials the server accepts. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Whether an object exists, read straight from the store. */
  public boolean exists(String key) {
    return blobStore.blobExists(BUCKET, key);
  }

  /** An object's bytes, read straight from the store. */
  public byte[] read(String key) {
    try (InputStream in = blobStore.getBlob(BUCKET, key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content type the store recorded for an object. */
  public String contentType(String key) {
    return blobStore.blobMetadata(BUCKET, key).contentType();
  }

  /** Every object key in the bucket, leaving out the stubs S3Proxy keeps for uploads in progress. */
  public List<String> keys() {
    return blobStore.list(BUCKET).contents().stream().map(S3Object::key)
        .filter(key -> !key.startsWith(".s3proxy-mpu-stub-")).toList();
  }

  /** Multipart uploads in progress, as the store lists them. */
  public List<String> multipartUploads() {
    return blobStore.listMultipartUploads(BUCKET).stream()
        .map(software.amazon.awssdk.services.s3.model.MultipartUpload::uploadId).toList();
  }

  /** Removes every object, so each test starts from an empty bucket. */
  public void clear() {
    for (S3Object object : blobStore.list(BUCKET).contents()) {
      blobStore.removeBlob(BUCKET, object.key());
    }
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
