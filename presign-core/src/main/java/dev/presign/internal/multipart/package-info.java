/**
 * Multipart uploads: part plans and the session state carried in signed tokens. Not part of the
 * API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.multipart;

import org.jspecify.annotations.NullMarked;
