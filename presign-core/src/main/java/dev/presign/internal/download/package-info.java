/**
 * Download responses: the Content-Type and Content-Disposition a signed GET pins. Not part of the
 * API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.download;

import org.jspecify.annotations.NullMarked;
