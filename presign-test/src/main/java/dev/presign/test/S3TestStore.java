package dev.presign.test;

import dev.presign.StoreProfile;
import dev.presign.UploadUrlIssuer;
import dev.presign.test.internal.Backend;
import dev.presign.test.internal.CrossCheckingHttpClient;
import dev.presign.test.internal.ExternalBackend;
import dev.presign.test.internal.S3Clients;
import dev.presign.test.internal.S3MockBackend;
import dev.presign.test.internal.S3ProxyBackend;
import dev.presign.test.internal.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 store for tests that really refuses: by default S3Proxy in this JVM, checking SigV4
 * signatures, expiry, signed headers, POST policies and multipart, on a random loopback port with a
 * bucket, random credentials of its own and CORS open to any origin.
 *
 * <p>As a JUnit 5 extension, one store per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static S3TestStore store = S3TestStore.create();
 *
 * @Test
 * void upload_ofAnotherType_isRefused() {
 *   UploadUrlIssuer issuer = store.issuerBuilder().policy(policy).build();
 *   PresignedUpload upload = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 3));
 *   StoreResponse put = store.client().put(upload, new byte[3], Map.of("Content-Type", "text/html"));
 *   assertThat(put.errorCode()).hasValue("SignatureDoesNotMatch");
 *   assertThat(store.keys()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Outside JUnit it is an {@link AutoCloseable}: {@code try (S3TestStore store =
 * S3TestStore.create().start())}. The same interface points at a store that runs elsewhere ({@link
 * Builder#external}), so one suite can run against S3Proxy and against Ceph RGW or MinIO; and at
 * Adobe S3Mock in Docker ({@link Builder#s3Mock}), which checks no signature and so shows happy
 * paths only.
 *
 * <p>Thread-safe once started: tests may share it, though {@link #clear()} empties the bucket for
 * all. A store on a static field serves its class and that class's {@code @Nested} classes, and
 * stops when the class that started it ends; a store on an instance field lives for one test. Test
 * classes that run in parallel need a store each.
 */
public final class S3TestStore
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AutoCloseable {

  /** Which store runs behind this interface. */
  public enum Kind {
    /** S3Proxy in this JVM; checks signatures. */
    S3PROXY,
    /** A store that runs elsewhere (Ceph RGW, MinIO, a real bucket); checks signatures. */
    EXTERNAL,
    /** Adobe S3Mock in a Docker container; accepts any signature. */
    S3MOCK
  }

  /** The system properties {@link Builder#externalFromSystemProperties()} reads. */
  public static final String ENDPOINT_PROPERTY = "presign.test.endpoint";

  private final Builder settings;
  private final Object lock = new Object();
  private volatile @Nullable Backend backend;
  private volatile @Nullable S3Client s3;
  private volatile @Nullable HttpClient http;

  /**
   * The JUnit context that started the store; only its end stops it (not a nested or sibling
   * class's).
   */
  private @Nullable String startedBy;

  private S3TestStore(Builder settings) {
    this.settings = settings;
  }

  /**
   * {@return an S3Proxy store with default settings: a store per test class, the bucket kept
   * between tests}
   */
  public static S3TestStore create() {
    return builder().build();
  }

  /**
   * Whether the S3Mock flavour can run here: s3mock-testcontainers is on the class path and
   * Testcontainers finds a Docker engine. For
   * {@code @EnabledIf("dev.presign.test.S3TestStore#dockerAvailable")}.
   *
   * @return true when a Docker engine answers
   */
  public static boolean dockerAvailable() {
    try {
      return S3MockBackend.dockerAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  /** {@return a builder, S3Proxy by default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the store if it is not running; JUnit calls this for a registered extension.
   *
   * @return this store
   */
  public S3TestStore start() {
    synchronized (lock) {
      if (backend == null) {
        backend = settings.startBackend();
        s3 = S3Clients.pathStyle(backend.endpoint(), settings.region, backend.credentials());
        HttpClient plain =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        http =
            backend.checksSignatures() && settings.crossCheckSignatures
                ? new CrossCheckingHttpClient(plain, offlineCheck(), backend.description())
                : plain;
      }
      return this;
    }
  }

  /** {@return which store runs behind this interface} */
  public Kind kind() {
    return settings.kind;
  }

  /**
   * {@return whether the store checks signatures, expiry and signed headers: false only for S3Mock}
   */
  public boolean checksSignatures() {
    return running().checksSignatures();
  }

  /**
   * {@return the endpoint, {@code http://127.0.0.1:PORT} for S3Proxy; use it with path-style
   * access}
   */
  public URI endpoint() {
    return running().endpoint();
  }

  /** {@return the bucket tests upload to} */
  public String bucket() {
    return running().bucket();
  }

  /** {@return the region URLs are signed for} */
  public Region region() {
    return settings.region;
  }

  /** {@return credentials the store accepts} */
  public AwsCredentialsProvider credentialsProvider() {
    return running().credentials();
  }

  /** {@return the store profile of an external store, if one was given} */
  public Optional<StoreProfile> profile() {
    return Optional.ofNullable(settings.profile);
  }

  /**
   * An issuer builder aimed at this store: its bucket, region, endpoint, path-style addressing (or
   * the external store's profile) and credentials. Add the policy and anything else the test needs.
   *
   * @return a new builder
   */
  public UploadUrlIssuer.Builder issuerBuilder() {
    Backend running = running();
    UploadUrlIssuer.Builder builder =
        UploadUrlIssuer.builder()
            .bucket(running.bucket())
            .region(settings.region)
            .credentialsProvider(running.credentials());
    if (settings.profile != null) {
      return builder.profile(settings.profile, running.endpoint());
    }
    return builder.endpointOverride(running.endpoint()).pathStyleAccess(true);
  }

  /** {@return an S3 client for this store, path-style; the store closes it} */
  public S3Client s3Client() {
    running();
    return Objects.requireNonNull(s3);
  }

  /**
   * The JDK's HTTP client for requests to this store. On a store that checks signatures, every
   * request made with a presigned URL is also put to the {@link #offlineCheck() offline check}, and
   * a disagreement between the two fails the test.
   *
   * @return the client
   */
  public HttpClient httpClient() {
    running();
    return Objects.requireNonNull(http);
  }

  /**
   * {@return a client that sends what a browser or mobile app sends, over {@link #httpClient()}}
   */
  public UploadClient client() {
    return new UploadClient(httpClient());
  }

  /** {@return an offline signature check that knows this store's credentials} */
  public OfflineSignatureCheck offlineCheck() {
    return OfflineSignatureCheck.of(running().credentials());
  }

  /** {@return every object key in the bucket, sorted; uploads in progress are not objects} */
  public List<String> keys() {
    return keys(bucket());
  }

  /**
   * Every object key in a bucket of this store.
   *
   * @param bucket the bucket
   * @return its keys, sorted
   */
  public List<String> keys(String bucket) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          s3Client().listObjectsV2(r -> r.bucket(bucket).continuationToken(continuation));
      for (S3Object object : page.contents()) {
        if (!object.key().startsWith(".s3proxy-mpu-stub-")) {
          keys.add(object.key());
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return List.copyOf(keys);
  }

  /**
   * Whether an object exists.
   *
   * @param key the key
   * @return true when a HEAD finds it
   */
  public boolean exists(String key) {
    Objects.requireNonNull(key, "key");
    try {
      s3Client().headObject(r -> r.bucket(bucket()).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * An object's bytes.
   *
   * @param key the key
   * @return its bytes
   * @throws NoSuchKeyException when there is no such object
   */
  public byte[] bytes(String key) {
    Objects.requireNonNull(key, "key");
    ResponseBytes<GetObjectResponse> object =
        s3Client().getObject(r -> r.bucket(bucket()).key(key), ResponseTransformer.toBytes());
    return object.asByteArray();
  }

  /**
   * What the store holds under a key besides the bytes: size, ETag, the standard headers it sends
   * every reader, and the user metadata.
   *
   * @param key the key
   * @return the stored object
   * @throws NoSuchKeyException when there is no such object
   */
  public StoredObject object(String key) {
    Objects.requireNonNull(key, "key");
    HeadObjectResponse head = s3Client().headObject(r -> r.bucket(bucket()).key(key));
    Map<String, String> headers = new LinkedHashMap<>();
    putIfSet(headers, "Content-Type", head.contentType());
    putIfSet(headers, "Content-Disposition", head.contentDisposition());
    putIfSet(headers, "Cache-Control", head.cacheControl());
    putIfSet(headers, "Content-Encoding", head.contentEncoding());
    putIfSet(headers, "Content-Language", head.contentLanguage());
    putIfSet(headers, "Expires", head.expiresString());
    return new StoredObject(
        key,
        head.contentLength() == null ? 0 : head.contentLength(),
        head.eTag() == null ? "" : head.eTag(),
        headers,
        head.metadata());
  }

  /** {@return the ids of multipart uploads in progress in the bucket} */
  public List<String> multipartUploads() {
    return s3Client().listMultipartUploads(r -> r.bucket(bucket())).uploads().stream()
        .map(MultipartUpload::uploadId)
        .toList();
  }

  /** {@return the name of a new, empty bucket of this store} */
  public String createBucket() {
    String name = Secrets.bucketName("presign-extra-");
    running().createBucket(name);
    return name;
  }

  /** Deletes every object in the bucket and aborts every multipart upload in progress. */
  public void clear() {
    String bucket = bucket();
    for (MultipartUpload upload :
        s3Client().listMultipartUploads(r -> r.bucket(bucket)).uploads()) {
      s3Client()
          .abortMultipartUpload(
              r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
    }
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          s3Client().listObjectsV2(r -> r.bucket(bucket).continuationToken(continuation));
      for (S3Object object : page.contents()) {
        s3Client().deleteObject(r -> r.bucket(bucket).key(object.key()));
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
  }

  /**
   * Stops the store (an external store keeps running) and releases the clients; a second call does
   * nothing.
   */
  @Override
  public void close() {
    synchronized (lock) {
      Backend running = backend;
      if (running == null) {
        return;
      }
      backend = null;
      startedBy = null;
      try {
        Objects.requireNonNull(s3).close();
      } finally {
        running.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // On an instance field JUnit calls no beforeAll: the store then lives for one test.
    startFor(context);
    if (settings.emptyBucketPerTest) {
      clear();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopFor(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopFor(context);
  }

  private void startFor(ExtensionContext context) {
    synchronized (lock) {
      if (backend == null) {
        start();
        startedBy = context.getUniqueId();
      }
    }
  }

  private void stopFor(ExtensionContext context) {
    synchronized (lock) {
      if (context.getUniqueId().equals(startedBy)) {
        startedBy = null;
        close();
      }
    }
  }

  private Backend running() {
    Backend running = backend;
    if (running == null) {
      throw new IllegalStateException(
          "the store is not running: register it with @RegisterExtension or call start()");
    }
    return running;
  }

  private static void putIfSet(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  /** {@return the kind and endpoint; never the credentials} */
  @Override
  public String toString() {
    Backend running = backend;
    return "S3TestStore[kind="
        + settings.kind
        + (running == null
            ? ", not running"
            : ", endpoint=" + running.endpoint() + ", bucket=" + running.bucket())
        + ']';
  }

  /** Settings of a store. Not thread-safe; build once. */
  public static final class Builder {
    private Kind kind = Kind.S3PROXY;
    private String bucket = "presign-test";
    private Region region = Region.US_EAST_1;
    private boolean emptyBucketPerTest;
    private boolean crossCheckSignatures = true;
    private List<String> corsOrigins = List.of("*");
    private @Nullable Path dataDirectory;
    private @Nullable String accessKeyId;
    private @Nullable String secretAccessKey;
    private @Nullable URI endpoint;
    private @Nullable StoreProfile profile;
    private String s3MockVersion = "5.2.3";

    private Builder() {}

    /**
     * The bucket to create (S3Proxy, S3Mock) or use (external). Default {@code presign-test}.
     *
     * @param bucket the bucket name
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = Objects.requireNonNull(bucket, "bucket");
      return this;
    }

    /**
     * The region URLs are signed for. Default us-east-1.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Empties the bucket (objects and multipart uploads) before every test. Default false: one
     * bucket for the whole test class.
     *
     * @param empty whether to empty it
     * @return this builder
     */
    public Builder emptyBucketPerTest(boolean empty) {
      this.emptyBucketPerTest = empty;
      return this;
    }

    /**
     * Origins S3Proxy allows by CORS, for browser tests. Default {@code *}, any origin; none turns
     * CORS off.
     *
     * @param origins the origins, such as {@code http://127.0.0.1:8080}
     * @return this builder
     */
    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(Objects.requireNonNull(origins, "origins"));
      return this;
    }

    /**
     * Keeps S3Proxy's objects in this folder instead of memory, so they outlive the store.
     *
     * @param directory the folder, created if missing
     * @return this builder
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The credentials S3Proxy accepts. Default: random ones for every store.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret
     * @return this builder
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /**
     * Whether {@link S3TestStore#httpClient()} puts every presigned request to the offline check
     * too and fails on a disagreement with the store. Default true; S3Mock never does (it checks
     * nothing).
     *
     * @param crossCheck whether to cross-check
     * @return this builder
     */
    public Builder crossCheckSignatures(boolean crossCheck) {
      this.crossCheckSignatures = crossCheck;
      return this;
    }

    /**
     * Points at a store that runs elsewhere instead of starting S3Proxy: Ceph RGW, MinIO, a real
     * bucket. The bucket must exist; {@link S3TestStore#clear()} empties it.
     *
     * @param endpoint the store's endpoint
     * @param accessKeyId an access key id it accepts
     * @param secretAccessKey the matching secret
     * @param bucket an existing bucket the tests may empty
     * @param profile the store's profile, or null for plain path-style addressing
     * @return this builder
     */
    public Builder external(
        URI endpoint,
        String accessKeyId,
        String secretAccessKey,
        String bucket,
        @Nullable StoreProfile profile) {
      this.kind = Kind.EXTERNAL;
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      this.bucket = Objects.requireNonNull(bucket, "bucket");
      this.profile = profile;
      return this;
    }

    /**
     * Points at an external store when the system property {@value #ENDPOINT_PROPERTY} is set, with
     * {@code presign.test.accessKey}, {@code presign.test.secretKey}, {@code presign.test.bucket},
     * and optionally {@code presign.test.profile} (a {@link StoreProfile} name) and {@code
     * presign.test.region}; otherwise changes nothing. One suite then runs against S3Proxy by
     * default and against another store with {@code -Dpresign.test.endpoint=…}.
     *
     * @return this builder
     * @throws IllegalArgumentException when the endpoint is set but another property is missing or
     *     wrong
     */
    public Builder externalFromSystemProperties() {
      String url = System.getProperty(ENDPOINT_PROPERTY, "");
      if (url.isBlank()) {
        return this;
      }
      String profileName = System.getProperty("presign.test.profile", "");
      StoreProfile chosen;
      try {
        chosen = profileName.isBlank() ? null : StoreProfile.valueOf(profileName.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "presign.test.profile must name a StoreProfile: " + profileName, e);
      }
      String regionName = System.getProperty("presign.test.region", "");
      if (!regionName.isBlank()) {
        region(Region.of(regionName.trim()));
      }
      return external(
          URI.create(url.trim()),
          required("presign.test.accessKey"),
          required("presign.test.secretKey"),
          required("presign.test.bucket"),
          chosen);
    }

    /**
     * Runs Adobe S3Mock in Docker through Testcontainers instead of S3Proxy. Needs {@code
     * com.adobe.testing:s3mock-testcontainers} on the test class path and a Docker engine. S3Mock
     * accepts any signature: use it for happy paths, never to show a refusal.
     *
     * @param version the S3Mock image tag, for example {@code 5.2.3}
     * @return this builder
     */
    public Builder s3Mock(String version) {
      this.kind = Kind.S3MOCK;
      this.s3MockVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * {@return the store; it starts when JUnit runs its callbacks, or on {@link
     * S3TestStore#start()}}
     */
    public S3TestStore build() {
      Builder copy = new Builder();
      copy.kind = kind;
      copy.bucket = bucket;
      copy.region = region;
      copy.emptyBucketPerTest = emptyBucketPerTest;
      copy.crossCheckSignatures = crossCheckSignatures;
      copy.corsOrigins = corsOrigins;
      copy.dataDirectory = dataDirectory;
      copy.accessKeyId = accessKeyId;
      copy.secretAccessKey = secretAccessKey;
      copy.endpoint = endpoint;
      copy.profile = profile;
      copy.s3MockVersion = s3MockVersion;
      return new S3TestStore(copy);
    }

    private Backend startBackend() {
      String id = accessKeyId == null ? Secrets.accessKeyId() : accessKeyId;
      String secret = secretAccessKey == null ? Secrets.secretAccessKey() : secretAccessKey;
      return switch (kind) {
        case S3PROXY -> S3ProxyBackend.start(bucket, id, secret, corsOrigins, dataDirectory);
        case EXTERNAL ->
            new ExternalBackend(Objects.requireNonNull(endpoint), id, secret, bucket, region);
        case S3MOCK -> S3MockBackend.start(s3MockVersion, bucket, id, secret);
      };
    }

    private static String required(String property) {
      String value = System.getProperty(property, "");
      if (value.isBlank()) {
        throw new IllegalArgumentException(
            property + " must be set when " + ENDPOINT_PROPERTY + " is");
      }
      return value.trim();
    }
  }
}
