/**
 * Sealed tokens: HMAC-authenticated, expiring values that presign hands out and reads back
 * (multipart sessions, upload tickets). Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.token;

import org.jspecify.annotations.NullMarked;
