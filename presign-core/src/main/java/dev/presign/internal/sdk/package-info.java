/**
 * Adapters to the AWS SDK. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.sdk;

import org.jspecify.annotations.NullMarked;
