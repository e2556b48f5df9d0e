package dev.presign.internal.signing;

import dev.presign.internal.Require;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * Where a bucket's objects live: scheme, host and port of the endpoint, and whether the bucket goes
 * in the host name (virtual-hosted style) or in the path (path style).
 *
 * @param scheme {@code https} or {@code http}
 * @param endpointHost the endpoint's host, without the bucket
 * @param port the port, or -1 for the scheme's default
 * @param pathStyle whether the bucket is the first path segment
 */
public record S3Addressing(String scheme, String endpointHost, int port, boolean pathStyle) {

  /**
   * Addressing for AWS S3 in a region ({@code https://s3.REGION.amazonaws.com}, with the
   * partition's DNS suffix), or for a custom endpoint when {@code endpointOverride} is not null.
   */
  public static S3Addressing of(
      Region region, @Nullable URI endpointOverride, boolean pathStyle, String bucket) {
    Objects.requireNonNull(region, "region");
    if (endpointOverride == null) {
      String suffix = dnsSuffix(region.id());
      // A dotted bucket name does not match the *.s3 wildcard certificate; the SDK falls back the
      // same way.
      boolean forcePath = pathStyle || bucket.indexOf('.') >= 0;
      return new S3Addressing("https", "s3." + region.id() + "." + suffix, -1, forcePath);
    }
    return new S3Addressing(
        endpointOverride.getScheme().toLowerCase(java.util.Locale.ROOT),
        endpointOverride.getHost(),
        endpointOverride.getPort(),
        pathStyle);
  }

  /**
   * The DNS suffix of the partition a region belongs to. A table of prefixes rather than the SDK's
   * PartitionMetadata, which loads the metadata of every AWS service (hundreds of classes, about
   * 100 ms at cold start); a test checks it against the SDK for every region the SDK knows.
   */
  public static String dnsSuffix(String regionId) {
    if (regionId.startsWith("cn-")) {
      return "amazonaws.com.cn";
    }
    if (regionId.startsWith("us-isob-")) {
      return "sc2s.sgov.gov";
    }
    if (regionId.startsWith("us-isof-")) {
      return "csp.hci.ic.gov";
    }
    if (regionId.startsWith("us-iso-")) {
      return "c2s.ic.gov";
    }
    if (regionId.startsWith("eu-isoe-")) {
      return "cloud.adc-e.uk";
    }
    if (regionId.startsWith("eusc-")) {
      return "amazonaws.eu";
    }
    return "amazonaws.com";
  }

  /** Checks that an endpoint override is a plain {@code http(s)://host[:port]} URI. */
  public static URI requireEndpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpointOverride");
    String scheme = endpoint.getScheme();
    Require.argument(
        scheme != null
            && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
            && endpoint.getHost() != null
            && endpoint.getRawUserInfo() == null
            && (endpoint.getRawPath() == null
                || endpoint.getRawPath().isEmpty()
                || endpoint.getRawPath().equals("/"))
            && endpoint.getRawQuery() == null
            && endpoint.getRawFragment() == null,
        "endpointOverride must be http(s)://host[:port] with no path, query or user info",
        withoutSecrets(endpoint));
    return endpoint;
  }

  // User info may hold a password, and a query a signature: show neither. A registry-based
  // authority
  // (say, a host with '_') has no parsed user info, so cut at the last '@' of the raw authority.
  private static String withoutSecrets(URI endpoint) {
    String authority = endpoint.getRawAuthority();
    if (authority != null && authority.lastIndexOf('@') >= 0) {
      authority = "***@" + authority.substring(authority.lastIndexOf('@') + 1);
    }
    return endpoint.getScheme()
        + "://"
        + (authority == null ? "" : authority)
        + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath())
        + (endpoint.getRawQuery() == null ? "" : "?\u2026");
  }

  /**
   * Whether the endpoint's host is an IP address or localhost, which cannot carry a bucket name.
   */
  public boolean hostIsAddressOrLocalhost() {
    String host = endpointHost;
    return host.equalsIgnoreCase("localhost") || host.startsWith("[") || BucketNames.isIpv4(host);
  }

  /** The Host header value for a bucket: the host, plus the port when it is not the default. */
  public String host(String bucket) {
    String host = pathStyle ? endpointHost : bucket + '.' + endpointHost;
    return port < 0 || isDefaultPort() ? host : host + ':' + port;
  }

  private boolean isDefaultPort() {
    return (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
  }
}
