/**
 * Object attributes (metadata, tags, encryption, storage class): their rules, headers and POST
 * fields. Not part of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.attributes;

import org.jspecify.annotations.NullMarked;
