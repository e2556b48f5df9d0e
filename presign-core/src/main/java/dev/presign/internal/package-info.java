/**
 * Implementation shared by presign's services: argument checks, redaction, header and form maps, S3
 * call wrapping. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal;

import org.jspecify.annotations.NullMarked;
