/**
 * Presigned PUT assembly: the signed headers and URL of one upload. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.put;

import org.jspecify.annotations.NullMarked;
