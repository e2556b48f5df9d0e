/**
 * Media types and ranges, their grammar, and the file-extension table the policy uses. Not part of
 * the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.policy;

import org.jspecify.annotations.NullMarked;
