/**
 * Uppy's S3 protocol: routes, strict JSON and form decoding, errors in Companion's shape. Not part
 * of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.uppy;

import org.jspecify.annotations.NullMarked;
