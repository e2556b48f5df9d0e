package dev.presign.test.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * S3Proxy in this JVM on a free loopback port, checking SigV4 (and V2) signatures, presigned
 * expiry, signed headers, POST policies and multipart, over an in-memory store or a data folder.
 */
public final class S3ProxyBackend implements Backend {
  private static final long START_TIMEOUT_NANOS = 30_000_000_000L;

  private final S3Proxy proxy;
  private final BlobStore blobStore;
  private final String bucket;
  private final StaticCredentialsProvider credentials;

  private S3ProxyBackend(
      S3Proxy proxy, BlobStore blobStore, String bucket, StaticCredentialsProvider credentials) {
    this.proxy = proxy;
    this.blobStore = blobStore;
    this.bucket = bucket;
    this.credentials = credentials;
  }

  /**
   * Starts S3Proxy and waits until it serves.
   *
   * @param bucket the bucket to create (kept when the data folder already has it)
   * @param accessKeyId the access key id it accepts
   * @param secretAccessKey the secret key it checks signatures with
   * @param corsOrigins origins allowed by CORS ({@code *} for any); empty for no CORS
   * @param dataDirectory where objects are kept, or null for memory
   * @return the running backend
   */
  public static S3ProxyBackend start(
      String bucket,
      String accessKeyId,
      String secretAccessKey,
      List<String> corsOrigins,
      @Nullable Path dataDirectory) {
    BlobStore blobStore = blobStore(dataDirectory);
    S3Proxy proxy = null;
    try {
      if (!blobStore.containerExists(bucket)) {
        blobStore.createContainer(bucket);
      }
      S3Proxy.Builder builder =
          S3Proxy.builder()
              .blobStore(blobStore)
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey);
      if (!corsOrigins.isEmpty()) {
        // What a browser upload needs: any header the URL signs, and ETag readable for multipart
        // completion.
        builder.corsRules(
            new CrossOriginResourceSharing(
                corsOrigins,
                List.of("GET", "HEAD", "PUT", "POST", "DELETE"),
                List.of("*"),
                List.of("ETag", "x-amz-version-id"),
                "false"));
      }
      proxy = builder.build();
      proxy.start();
      long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
        }
        Thread.sleep(2);
      }
      return new S3ProxyBackend(
          proxy,
          blobStore,
          bucket,
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(proxy, blobStore);
      throw new IllegalStateException("interrupted while S3Proxy started", e);
    } catch (Exception e) {
      stopQuietly(proxy, blobStore);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
    }
  }

  private static BlobStore blobStore(@Nullable Path dataDirectory) {
    if (dataDirectory == null) {
      return new TransientNio2BlobStore();
    }
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + dataDirectory, e);
    }
    return new FilesystemNio2BlobStore(dataDirectory.toAbsolutePath().toString());
  }

  @Override
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  @Override
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public boolean checksSignatures() {
    return true;
  }

  @Override
  public String description() {
    return "S3Proxy";
  }

  @Override
  public void createBucket(String name) {
    blobStore.createContainer(name);
  }

  @Override
  public void close() {
    stopQuietly(proxy, blobStore);
  }

  private static void stopQuietly(@Nullable S3Proxy proxy, BlobStore blobStore) {
    try {
      if (proxy != null) {
        proxy.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop: " + e.getMessage(), e);
    } finally {
      blobStore.close();
    }
  }
}
