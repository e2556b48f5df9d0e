package dev.presign.setup;

import dev.presign.ObjectAttributes;
import dev.presign.PresignException;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.S3Calls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One-time bucket settings that direct browser uploads need: CORS rules that let a web page PUT,
 * POST and GET with the headers presign signs and read the {@code ETag} of each part (without it a
 * browser cannot complete a multipart upload, uppy#1762), and a lifecycle rule that deletes
 * abandoned multipart uploads so their parts do not cost storage forever.
 *
 * <pre>{@code
 * try (S3Client s3 = S3Client.create()) {
 *   BucketSetup.applyCors(s3, "my-bucket", List.of("https://app.example.com"));
 *   BucketSetup.applyAbortIncompleteMultipartUploads(s3, "my-bucket", 7);
 * }
 * }</pre>
 *
 * <p>Run it from a deployment step, not per request: both calls replace a bucket-wide setting.
 * Stateless and thread-safe.
 *
 * <p>The rules are the AWS SDK's own {@link CORSRule} and {@link LifecycleRule}: whoever calls this
 * holds an {@link S3Client} already, and can merge the rules with their own or write them with the
 * SDK.
 */
public final class BucketSetup {
  /**
   * The id of the lifecycle rule presign adds, so a second run replaces it instead of adding
   * another.
   */
  public static final String ABORT_RULE_ID = "presign-abort-incomplete-multipart-uploads";

  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT");
  // Headers presign signs or may sign: type, size (set by the browser itself), checksums, object
  // attributes.
  private static final List<String> HEADERS =
      List.of(
          "content-type",
          "content-md5",
          "x-amz-checksum-*",
          "x-amz-meta-*",
          "x-amz-content-sha256",
          "x-amz-date",
          "x-amz-security-token",
          "x-amz-tagging",
          "x-amz-storage-class",
          "x-amz-server-side-encryption*");
  private static final List<String> EXPOSED = List.of("ETag", "x-amz-version-id");

  private BucketSetup() {}

  /**
   * The CORS rule for pages served from these origins.
   *
   * @param origins each {@code scheme://host[:port]} without a path, or {@code *} for any (rarely
   *     wise)
   * @return one rule allowing GET, HEAD, POST and PUT with presign's headers, exposing ETag
   * @throws IllegalArgumentException when an origin is not of that form
   */
  public static CORSRule corsRule(List<String> origins) {
    Objects.requireNonNull(origins, "origins");
    Require.argument(!origins.isEmpty(), "origins must name at least one origin", origins);
    List<String> normalized = new ArrayList<>(origins.size());
    for (String origin : origins) {
      normalized.add(requireOrigin(origin));
    }
    return CORSRule.builder()
        .id("presign-browser-uploads")
        .allowedOrigins(normalized)
        .allowedMethods(METHODS)
        .allowedHeaders(HEADERS)
        .exposeHeaders(EXPOSED)
        .maxAgeSeconds(3000)
        .build();
  }

  /**
   * Sets the bucket's CORS configuration to {@link #corsRule(List)}, replacing what was there.
   *
   * @param s3 a client allowed {@code s3:PutBucketCORS}
   * @param bucket the bucket
   * @param origins the pages' origins
   * @throws PresignException when S3 refuses, with its error code
   */
  public static void applyCors(S3Client s3, String bucket, List<String> origins) {
    CORSRule rule = corsRule(origins);
    S3Calls.call(
        "PutBucketCors",
        () -> s3.putBucketCors(r -> r.bucket(bucket).corsConfiguration(c -> c.corsRules(rule))));
  }

  /**
   * Checks that some CORS rule of the bucket lets these origins upload as presign needs.
   *
   * @param s3 a client allowed {@code s3:GetBucketCORS}
   * @param bucket the bucket
   * @param origins the pages' origins
   * @return what is missing, one line each; empty when the rules suffice
   */
  public static List<String> checkCors(S3Client s3, String bucket, List<String> origins) {
    CORSRule wanted = corsRule(origins);
    List<CORSRule> rules;
    try {
      rules = s3.getBucketCors(r -> r.bucket(bucket)).corsRules();
    } catch (S3Exception e) {
      if ("NoSuchCORSConfiguration".equals(S3Calls.errorCode(e))) {
        return List.of("the bucket has no CORS configuration");
      }
      throw S3Calls.failure("GetBucketCors", e);
    }
    return missing(rules, wanted);
  }

  /**
   * What {@code wanted} needs that no single rule in {@code rules} grants; package-private for
   * tests.
   */
  static List<String> missing(List<CORSRule> rules, CORSRule wanted) {
    List<String> best = null;
    for (CORSRule rule : rules) {
      List<String> gaps = new ArrayList<>();
      for (String origin : wanted.allowedOrigins()) {
        if (!rule.allowedOrigins().contains(origin) && !rule.allowedOrigins().contains("*")) {
          gaps.add("origin " + origin + " is not allowed");
        }
      }
      Set<String> methods = upper(rule.allowedMethods());
      for (String method : wanted.allowedMethods()) {
        if (!methods.contains(method)) {
          gaps.add("method " + method + " is not allowed");
        }
      }
      Set<String> headers = lower(rule.allowedHeaders());
      if (!headers.contains("*") && !headers.contains("content-type")) {
        gaps.add("header Content-Type is not allowed");
      }
      if (!lower(rule.exposeHeaders()).contains("etag")) {
        gaps.add("header ETag is not exposed, so browsers cannot complete multipart uploads");
      }
      if (best == null || gaps.size() < best.size()) {
        best = gaps;
      }
    }
    return best == null ? List.of("the bucket has no CORS rules") : List.copyOf(best);
  }

  /**
   * The lifecycle rule that aborts multipart uploads left incomplete for {@code days} days.
   *
   * @param days 1 to 3650
   * @return the rule, for the whole bucket
   */
  public static LifecycleRule abortIncompleteMultipartUploadsRule(int days) {
    Require.argument(days >= 1 && days <= 3650, "days must be between 1 and 3650", days);
    return LifecycleRule.builder()
        .id(ABORT_RULE_ID)
        .status("Enabled")
        .filter(f -> f.prefix(""))
        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(days))
        .build();
  }

  /**
   * Adds (or replaces) {@link #abortIncompleteMultipartUploadsRule(int)} in the bucket's lifecycle
   * configuration, keeping every other rule: S3 replaces the whole configuration on each write.
   *
   * @param s3 a client allowed {@code s3:GetLifecycleConfiguration} and {@code
   *     s3:PutLifecycleConfiguration}
   * @param bucket the bucket
   * @param days after how many days an incomplete upload is aborted
   * @throws PresignException when S3 refuses, with its error code
   */
  public static void applyAbortIncompleteMultipartUploads(S3Client s3, String bucket, int days) {
    applyLifecycleRule(s3, bucket, abortIncompleteMultipartUploadsRule(days));
  }

  /**
   * The lifecycle rule that expires objects still tagged {@code tagKey=tagValue} {@code days} days
   * after they were stored: with {@code ObjectAttributes.builder().tag("presign-status",
   * "pending")} on the policy and {@code UploadVerifier.Builder.retagOnPass("presign-status",
   * "verified")}, uploads nobody verified clean themselves up. Its id is {@code
   * presign-expire-<tagKey>-<tagValue>}, cut to S3's 255 characters.
   *
   * @param tagKey the tag key, as for {@link ObjectAttributes.Builder#tag}
   * @param tagValue the tag value
   * @param days 1 to 3650
   * @return the rule, for the whole bucket
   */
  public static LifecycleRule expireTaggedRule(String tagKey, String tagValue, int days) {
    Objects.requireNonNull(tagKey, "tagKey");
    Objects.requireNonNull(tagValue, "tagValue");
    ObjectAttributes.builder().tag(tagKey, tagValue);
    Require.argument(days >= 1 && days <= 3650, "days must be between 1 and 3650", days);
    String id = "presign-expire-" + tagKey + "-" + tagValue;
    return LifecycleRule.builder()
        .id(id.length() > 255 ? id.substring(0, 255) : id)
        .status("Enabled")
        .filter(f -> f.tag(t -> t.key(tagKey).value(tagValue)))
        .expiration(e -> e.days(days))
        .build();
  }

  /**
   * Adds (or replaces, by id) {@link #expireTaggedRule(String, String, int)} in the bucket's
   * lifecycle configuration, keeping every other rule.
   *
   * @param s3 a client allowed {@code s3:GetLifecycleConfiguration} and {@code
   *     s3:PutLifecycleConfiguration}
   * @param bucket the bucket
   * @param tagKey the tag key, e.g. {@code presign-status}
   * @param tagValue the tag value, e.g. {@code pending}
   * @param days after how many days a still-tagged object expires
   * @throws PresignException when S3 refuses, with its error code
   */
  public static void applyExpireTagged(
      S3Client s3, String bucket, String tagKey, String tagValue, int days) {
    applyLifecycleRule(s3, bucket, expireTaggedRule(tagKey, tagValue, days));
  }

  private static void applyLifecycleRule(S3Client s3, String bucket, LifecycleRule ours) {
    List<LifecycleRule> rules = new ArrayList<>();
    // Written back as read: a put without it would reset the bucket's minimum transition size.
    String minimumSize = null;
    try {
      GetBucketLifecycleConfigurationResponse current =
          s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket));
      minimumSize = current.transitionDefaultMinimumObjectSizeAsString();
      for (LifecycleRule rule : current.rules()) {
        if (!ours.id().equals(rule.id())) {
          rules.add(rule);
        }
      }
    } catch (S3Exception e) {
      if (!"NoSuchLifecycleConfiguration".equals(S3Calls.errorCode(e))) {
        throw S3Calls.failure("GetBucketLifecycleConfiguration", e);
      }
    }
    rules.add(ours);
    String keepMinimumSize = minimumSize;
    S3Calls.call(
        "PutBucketLifecycleConfiguration",
        () ->
            s3.putBucketLifecycleConfiguration(
                r -> {
                  r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules));
                  if (keepMinimumSize != null) {
                    r.transitionDefaultMinimumObjectSize(keepMinimumSize);
                  }
                }));
  }

  private static String requireOrigin(String origin) {
    Objects.requireNonNull(origin, "origins element");
    if (origin.equals("*")) {
      return origin;
    }
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    boolean valid =
        uri != null
            && uri.getHost() != null
            && uri.getRawUserInfo() == null
            && uri.getRawQuery() == null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()));
    Require.argument(
        valid, "origin must be scheme://host[:port] with no path, or *", Redact.quote(origin));
    String scheme = Objects.requireNonNull(uri).getScheme().toLowerCase(Locale.ROOT);
    // A browser's Origin header never carries the scheme's default port, so a rule with it would
    // not match.
    boolean defaultPort =
        uri.getPort() < 0
            || (uri.getPort() == 443 && scheme.equals("https"))
            || (uri.getPort() == 80 && scheme.equals("http"));
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + uri.getPort());
  }

  private static Set<String> upper(List<String> values) {
    Set<String> set = new TreeSet<>();
    for (String value : values) {
      set.add(value.toUpperCase(Locale.ROOT));
    }
    return set;
  }

  private static Set<String> lower(List<String> values) {
    Set<String> set = new TreeSet<>();
    for (String value : values) {
      set.add(value.toLowerCase(Locale.ROOT));
    }
    return set;
  }
}
