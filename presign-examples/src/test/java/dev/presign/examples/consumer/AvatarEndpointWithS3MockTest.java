package dev.presign.examples.consumer;

import dev.presign.test.S3TestStore;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer's contract against Adobe S3Mock in a container, as many projects already run it,
 * through the same store interface. It needs a Docker engine and is skipped without one. S3Mock
 * accepts any signature, so this shows the happy path only; refusals need a signature-checking
 * store (see {@link AvatarEndpointWithS3ProxyTest}).
 */
@EnabledIf("dev.presign.test.S3TestStore#dockerAvailable")
class AvatarEndpointWithS3MockTest extends AvatarEndpointContract {
  @RegisterExtension
  static final S3TestStore store =
      S3TestStore.builder().s3Mock("5.2.3").emptyBucketPerTest(true).build();

  @Override
  S3TestStore store() {
    return store;
  }
}
