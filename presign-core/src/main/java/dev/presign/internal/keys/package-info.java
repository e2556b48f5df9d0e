/**
 * Object keys: the rules every key meets and the key strategies' implementations. Not part of the
 * API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.keys;

import org.jspecify.annotations.NullMarked;
