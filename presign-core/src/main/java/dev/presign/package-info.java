/**
 * presign: policy-checked, safely named, expiring pre-signed S3 upload and download URLs.
 *
 * <p>A backend describes what may be uploaded in a {@link dev.presign.PresignPolicy}, how objects
 * are named in a {@link dev.presign.KeyStrategy}, and issues URLs with an {@link
 * dev.presign.UploadUrlIssuer}. The client sends the bytes straight to S3; the backend never sees
 * them.
 *
 * <pre>{@code
 * PresignedUpload up = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12_345));
 * // send up.method() to up.url() with up.headers() and a body of up.contentLength() bytes before up.expiresAt()
 * }</pre>
 *
 * <p>Policies and issuers are immutable and thread-safe. Errors are typed ({@link
 * dev.presign.InvalidRequestException}, {@link dev.presign.PresignException}) and their messages
 * never contain a secret, a signature or a signed URL.
 *
 * <p>The package is {@link org.jspecify.annotations.NullMarked}: no parameter, return value or
 * field is null unless its type says {@link org.jspecify.annotations.Nullable}, and a method handed
 * null where it does not allow it throws {@link NullPointerException} naming the parameter. Values
 * that may be absent are returned as {@link java.util.Optional}. Kotlin and null checkers such as
 * NullAway read these annotations; at run time presign needs no JSpecify jar.
 */
@NullMarked
package dev.presign;

import org.jspecify.annotations.NullMarked;
