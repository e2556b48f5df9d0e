/**
 * Verification of what landed: stored attributes, tags, magic numbers and upload tickets. Not part
 * of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.verify;

import org.jspecify.annotations.NullMarked;
