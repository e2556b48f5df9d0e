package dev.presign.testing;

import dev.presign.Checksum;
import dev.presign.StoreProfile;
import dev.presign.test.S3TestStore;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where the store under test legitimately answers otherwise than S3 (AWS), keyed by its {@link
 * StoreProfile}: no profile means S3's documented behaviour, which S3Proxy shares in every case
 * listed here. A suite asserts S3's answer and takes a store's documented variant from this table,
 * never a looser check. Every entry was measured against the store it names (Ceph RGW 16.2.15,
 * S3Proxy 4.1.1).
 *
 * @param expiredUrlMessage the {@code <Message>} of the 403 {@code AccessDenied} for a presigned
 *     URL used after its expiry: S3 "Request has expired", RGW an empty one
 * @param listPartsAfterAbortCode the 404's error code for ListParts of an aborted upload: S3 {@code
 *     NoSuchUpload}, RGW {@code NoSuchKey}; empty for S3Proxy, which lists no parts
 * @param unknownStorageClassInPost the refusal of a POST form carrying an {@code
 *     x-amz-storage-class} field its policy does not list, with a class the store does not know: S3
 *     403 {@code AccessDenied} (an extra input field), RGW 400 {@code InvalidArgument} (it checks
 *     the class before the policy)
 * @param checksums the checksums the store checks on a presigned PUT: S3 every one; RGW only
 *     Content-MD5 (it ignores {@code x-amz-checksum-*} and stores other bytes), so its profile
 *     refuses the rest before signing
 * @param bucketConfigurationApis whether the store has the bucket CORS and lifecycle APIs: S3 and
 *     RGW do; S3Proxy answers 501 {@code NotImplemented}
 * @param refusedPreflightCode the error code of the 403 answering a CORS preflight the bucket's
 *     rules do not allow: S3 {@code AccessForbidden}, RGW {@code AccessDenied}
 * @param objectTagging whether the store keeps tags ({@code x-amz-tagging}, GetObjectTagging): S3
 *     and RGW do; S3Proxy 4.1.1 answers 501 {@code NotImplemented} to a PUT that carries the header
 * @param storageClassBeyondPut whether a storage class given by a POST form's {@code
 *     x-amz-storage-class} field or by CreateMultipartUpload is the stored object's: on S3 and RGW
 *     it is; S3Proxy 4.1.1 applies it to a PUT only (it checks a form's field against the policy)
 *     and stores the others {@code STANDARD}
 * @param storageClass a storage class other than the default that the store takes, or {@code
 *     STANDARD} when it knows no other: {@code STANDARD_IA} on S3, S3Proxy and RGW 16.2.15 as
 *     {@code scripts/ceph-rgw.sh} starts it (its placement target gets {@code STANDARD_IA} and
 *     {@code INTELLIGENT_TIERING}; a gateway knows only {@code STANDARD} unless configured, and
 *     refuses others with 400 {@code InvalidArgument})
 * @param multipartTagging whether tags given to CreateMultipartUpload itself reach the completed
 *     object: S3 yes; RGW 16.2.15 accepts {@code x-amz-tagging} there and drops it (measured),
 *     which is why its profile says {@link StoreProfile#dropsMultipartTagging()} and presign sets
 *     the tags after completion
 * @param refusesUnsignedMetadata whether a presigned PUT that adds an {@code x-amz-meta-*} header
 *     the URL does not sign is refused: S3 and S3Proxy 403 {@code AccessDenied}; RGW 16.2.15 stores
 *     it with a 200 (measured)
 */
public record StoreVariant(
    String expiredUrlMessage,
    Optional<String> listPartsAfterAbortCode,
    Refusal unknownStorageClassInPost,
    Set<Checksum.Algorithm> checksums,
    boolean bucketConfigurationApis,
    String refusedPreflightCode,
    boolean objectTagging,
    boolean storageClassBeyondPut,
    String storageClass,
    boolean multipartTagging,
    boolean refusesUnsignedMetadata) {

  /**
   * A store's refusal.
   *
   * @param status the HTTP status
   * @param code S3's error code
   */
  public record Refusal(int status, String code) {}

  /** Copies the checksum set. */
  public StoreVariant {
    checksums = Set.copyOf(checksums);
  }

  /** What S3 (AWS) documents. */
  private static final StoreVariant S3 =
      new StoreVariant(
          "Request has expired",
          Optional.of("NoSuchUpload"),
          new Refusal(403, "AccessDenied"),
          EnumSet.allOf(Checksum.Algorithm.class),
          true,
          "AccessForbidden",
          true,
          true,
          "STANDARD_IA",
          true,
          true);

  /** Ceph RGW 16.2.15, as measured (see StoreProfile.CEPH_RGW's javadoc). */
  private static final StoreVariant CEPH_RGW =
      new StoreVariant(
          "",
          Optional.of("NoSuchKey"),
          new Refusal(400, "InvalidArgument"),
          StoreProfile.CEPH_RGW.checksums(),
          true,
          "AccessDenied",
          true,
          true,
          "STANDARD_IA",
          false,
          false);

  /**
   * The variant of a store: its profile's entry, or S3's; S3Proxy lists no parts of an aborted
   * upload and has no bucket CORS or lifecycle API.
   *
   * @param store the store under test
   * @return what the store answers where it may differ from S3
   */
  public static StoreVariant of(S3TestStore store) {
    Optional<StoreProfile> profile = store.profile();
    StoreVariant variant =
        profile.filter(p -> p == StoreProfile.CEPH_RGW).map(p -> CEPH_RGW).orElse(S3);
    if (profile.isPresent() && variant == S3) {
      // Other profiles are not measured here; their checksum sets are what they refuse before
      // signing.
      variant = variant.withChecksums(profile.get().checksums());
    }
    if (store.kind() == S3TestStore.Kind.S3PROXY) {
      variant =
          new StoreVariant(
              variant.expiredUrlMessage,
              Optional.empty(),
              variant.unknownStorageClassInPost,
              variant.checksums,
              false,
              variant.refusedPreflightCode,
              false,
              false,
              "STANDARD_IA",
              false,
              true);
    }
    return variant;
  }

  /**
   * Whether the store checks a checksum on a presigned PUT; when it does not, its profile refuses
   * the checksum before anything is signed.
   *
   * @param algorithm the checksum
   * @return true when the store checks it
   */
  public boolean checks(Checksum.Algorithm algorithm) {
    return checksums.contains(algorithm);
  }

  private StoreVariant withChecksums(Set<Checksum.Algorithm> algorithms) {
    return new StoreVariant(
        expiredUrlMessage,
        listPartsAfterAbortCode,
        unknownStorageClassInPost,
        algorithms,
        bucketConfigurationApis,
        refusedPreflightCode,
        objectTagging,
        storageClassBeyondPut,
        storageClass,
        multipartTagging,
        refusesUnsignedMetadata);
  }
}
