package dev.presign.test;

import dev.presign.test.internal.PresignedUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * What every presign result is asserted on: the method, the key, the expiry (as {@code expiresAt}
 * says and as the URL signs it), and a {@code toString()} free of secrets.
 *
 * @param <S> the concrete assertion type
 * @param <A> the result type
 */
public abstract class PresignedResultAssert<S extends PresignedResultAssert<S, A>, A>
    extends AbstractAssert<S, A> {

  PresignedResultAssert(A actual, Class<?> selfType) {
    super(actual, selfType);
  }

  abstract String key();

  abstract Instant expiresAt();

  abstract String url();

  abstract String method();

  /**
   * Verifies the HTTP method the client must use.
   *
   * @param expected the method, such as {@code PUT}, {@code GET} or {@code POST}
   * @return this
   */
  public S hasMethod(String expected) {
    isNotNull();
    if (!method().equals(expected)) {
      failWithMessage("Expected method <%s> but was <%s>", expected, method());
    }
    return myself;
  }

  /**
   * {@return values of the result that must never be printed, besides the URL's signature; none by
   * default}
   */
  List<String> secretValues() {
    return List.of();
  }

  /**
   * Verifies the object key.
   *
   * @param expected the key
   * @return this
   */
  public S hasKey(String expected) {
    isNotNull();
    if (!key().equals(expected)) {
      failWithMessage("Expected key <%s> but was <%s>", expected, key());
    }
    return myself;
  }

  /**
   * Verifies the object key starts with a prefix.
   *
   * @param prefix the prefix
   * @return this
   */
  public S hasKeyStartingWith(String prefix) {
    isNotNull();
    if (!key().startsWith(prefix)) {
      failWithMessage("Expected key to start with <%s> but was <%s>", prefix, key());
    }
    return myself;
  }

  /**
   * Verifies the result expires after now and no later than {@code bound} from now, on the system
   * clock.
   *
   * @param bound the longest lifetime allowed
   * @return this
   */
  public S expiresWithin(Duration bound) {
    return expiresWithin(bound, Clock.systemUTC());
  }

  /**
   * Verifies the result expires after the clock's now and no later than {@code bound} from it, and
   * that a signed URL's X-Amz-Date plus X-Amz-Expires is that same instant.
   *
   * @param bound the longest lifetime allowed
   * @param clock the clock that says what now is
   * @return this
   */
  public S expiresWithin(Duration bound, Clock clock) {
    isNotNull();
    Objects.requireNonNull(bound, "bound");
    Instant now = clock.instant();
    Instant expiresAt = expiresAt();
    if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(bound))) {
      failWithMessage("Expected expiry within %s of %s but was %s", bound, now, expiresAt);
    }
    PresignedUrl url = PresignedUrl.parse(url());
    if (url.isPresigned() && !url.expiresAt().map(expiresAt::equals).orElse(false)) {
      failWithMessage(
          "Expected the URL to expire at expiresAt() %s, but it signs %s",
          expiresAt,
          url.expiresAt().map(Instant::toString).orElse("no valid X-Amz-Date and X-Amz-Expires"));
    }
    return myself;
  }

  /**
   * Verifies {@code toString()} holds none of these credentials' secret key or session token, no
   * signature value and no query string: a result may be logged.
   *
   * @param credentials the credentials the result was signed with
   * @return this
   */
  public S hasNoSecretInToString(AwsCredentialsProvider credentials) {
    isNotNull();
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    String text = actual.toString();
    List<String> secrets = new ArrayList<>();
    secrets.add(identity.secretAccessKey());
    if (identity instanceof AwsSessionCredentialsIdentity session) {
      secrets.add(session.sessionToken());
    }
    PresignedUrl url = PresignedUrl.parse(url());
    url.parameter("X-Amz-Signature").ifPresent(secrets::add);
    url.parameter("X-Amz-Security-Token").ifPresent(secrets::add);
    secrets.addAll(secretValues());
    for (String secret : secrets) {
      if (!secret.isEmpty() && text.contains(secret)) {
        failWithMessage(
            "Expected toString() to hold no secret, but it holds a secret key, session token or signature");
      }
    }
    if (url.uri().getRawQuery() != null && text.contains(url.uri().getRawQuery())) {
      failWithMessage("Expected toString() to leave out the signed URL's query string");
    }
    return myself;
  }
}
