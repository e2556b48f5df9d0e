/**
 * presign's own SigV4 query-string signer, its signing keys, addressing and expiry rules. Not part
 * of the API.
 *
 * <p>Null-marked: no parameter, return value or field is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.internal.signing;

import org.jspecify.annotations.NullMarked;
