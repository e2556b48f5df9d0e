/**
 * The connection every service of one bucket shares: bucket, region, endpoint, credentials, clock,
 * store profile, signer and S3-client creation. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.connection;

import org.jspecify.annotations.NullMarked;
