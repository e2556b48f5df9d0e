package dev.presign.testing;

import dev.presign.test.S3TestStore;
import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the suites that run against a real, signature-checking S3 store: S3Proxy in this JVM by
 * default, or the store {@code -Dpresign.test.endpoint=…} names (see {@code scripts/ceph-rgw.sh
 * test}). One store per test class, an empty bucket for every test, and the JDK's HTTP client,
 * which does what a browser or app would and puts every presigned request to the offline signature
 * check as well.
 */
public abstract class StoreSuite {
  /** The store, started once per test class. */
  @RegisterExtension
  protected static final S3TestStore store =
      S3TestStore.builder().emptyBucketPerTest(true).externalFromSystemProperties().build();

  /** The client every test sends its requests with. */
  protected static HttpClient http;

  @BeforeAll
  static void client() {
    http = store.httpClient();
  }

  /** {@return where the store under test answers otherwise than S3, as its profile documents} */
  protected static StoreVariant variant() {
    return StoreVariant.of(store);
  }

  /**
   * Whether the store under test takes an object attribute, per its profile; S3Proxy (no profile)
   * takes all but tags, which {@link StoreVariant#objectTagging()} covers.
   *
   * @param attribute the attribute
   * @return true when an issuer for the store may ask for it
   */
  protected static boolean supports(dev.presign.StoreProfile.Attribute attribute) {
    return store.profile().map(p -> p.attributes().contains(attribute)).orElse(true);
  }

  /** {@return the access key id the store accepts} */
  protected static String accessKeyId() {
    return store.credentialsProvider().resolveCredentials().accessKeyId();
  }

  /** {@return the secret the store checks signatures with} */
  protected static String secretAccessKey() {
    return store.credentialsProvider().resolveCredentials().secretAccessKey();
  }
}
