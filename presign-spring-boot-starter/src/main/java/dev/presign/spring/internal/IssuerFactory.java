package dev.presign.spring.internal;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.StoreProfile;
import dev.presign.UploadUrlIssuer;
import dev.presign.spring.PresignProperties;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
 * Builds presign-core's objects from {@link PresignProperties}; unset properties keep core's
 * defaults.
 */
public final class IssuerFactory {
  private IssuerFactory() {}

  /**
   * Builds the issuer.
   *
   * @param properties the bound properties; the bucket is set
   * @param credentials the credentials provider to sign with
   * @param appRegion the app's own Region bean, or null
   * @param defaultRegions the region chain asked last
   * @return the issuer
   * @throws IllegalStateException when a property is invalid ({@link PresignConfigurationException}
   *     when no region can be found)
   */
  public static UploadUrlIssuer issuer(
      PresignProperties properties,
      AwsCredentialsProvider credentials,
      @Nullable Region appRegion,
      AwsRegionProvider defaultRegions) {
    UploadUrlIssuer.Builder builder =
        UploadUrlIssuer.builder()
            .bucket(Objects.requireNonNull(properties.getBucket(), "presign.bucket"))
            .credentialsProvider(credentials)
            .policy(policy(properties.getPolicy()))
            .keyStrategy(keyStrategy(properties.getKeyStrategy()));
    StoreProfile profile = properties.getProfile();
    if (profile != null) {
      builder.profile(profile, properties.getEndpoint());
    } else if (properties.getEndpoint() != null) {
      builder.endpointOverride(properties.getEndpoint());
    }
    if (properties.getPathStyle() != null) {
      builder.pathStyleAccess(properties.getPathStyle());
    }
    Region explicit =
        properties.getRegion() != null && !properties.getRegion().isBlank()
            ? Region.of(properties.getRegion().strip())
            : appRegion;
    if (explicit != null) {
      builder.region(explicit);
    } else if (profile == null || profile.defaultRegion(properties.getEndpoint()).isEmpty()) {
      builder.region(defaultRegion(defaultRegions));
    }
    return builder.build();
  }

  /**
   * Builds the policy from {@code presign.policy.*}.
   *
   * @param p the policy properties
   * @return the policy
   * @throws PresignConfigurationException when no content type is allowed
   */
  public static PresignPolicy policy(PresignProperties.Policy p) {
    List<String> types = p.getAllowedContentTypes();
    if (types == null || types.isEmpty()) {
      throw new PresignConfigurationException(
          "presign.policy.allowed-content-types must name at least one type "
              + "when presign.bucket is set: none",
          "Set presign.policy.allowed-content-types, e.g. to "
              + "image/png,image/jpeg (or */* for any type).",
          null);
    }
    PresignPolicy.Builder b = PresignPolicy.builder().allowContentTypes(types);
    if (p.getMinSize() != null) {
      b.minSize(p.getMinSize().toBytes());
    }
    if (p.getMaxSize() != null) {
      b.maxSize(p.getMaxSize().toBytes());
    }
    if (p.getRequireDeclaredSize() != null) {
      b.requireDeclaredSize(p.getRequireDeclaredSize());
    }
    if (p.getUploadTtl() != null) {
      b.uploadTtl(p.getUploadTtl());
    }
    if (p.getDownloadTtl() != null) {
      b.downloadTtl(p.getDownloadTtl());
    }
    if (p.getAllowedExtensions() != null && !p.getAllowedExtensions().isEmpty()) {
      b.allowExtensions(p.getAllowedExtensions().toArray(String[]::new));
    }
    if (p.getExtensionMustMatchContentType() != null) {
      b.extensionMustMatchContentType(p.getExtensionMustMatchContentType());
    }
    return b.build();
  }

  /**
   * Builds the key strategy from {@code presign.key-strategy.*}.
   *
   * @param k the key strategy properties
   * @return the strategy
   */
  public static KeyStrategy keyStrategy(PresignProperties.KeyStrategy k) {
    String prefix = k.getPrefix() == null ? "" : k.getPrefix();
    return switch (k.getKind()) {
      case UUID -> KeyStrategy.uuid(prefix);
      case DATED_UUID -> KeyStrategy.datedUuid(prefix);
      case PER_PRINCIPAL -> KeyStrategy.perPrincipal(prefix);
      case ORIGINAL_NAME -> KeyStrategy.originalName(prefix);
    };
  }

  private static Region defaultRegion(AwsRegionProvider regions) {
    try {
      return regions.getRegion();
    } catch (SdkClientException e) {
      throw new PresignConfigurationException(
          "presign.region is not set, the application has no Region bean, and "
              + "the AWS SDK's default region chain (AWS_REGION, aws.region, the profile file, instance metadata) found "
              + "none",
          "Set presign.region to the bucket's region, e.g. eu-west-1.",
          e);
    }
  }
}
