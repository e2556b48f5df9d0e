/**
 * Presigned POST forms: the policy document and its JSON. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.post;

import org.jspecify.annotations.NullMarked;
