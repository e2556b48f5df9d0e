/**
 * Runnable examples of presign: the quick start, the README's snippets, POST forms, multipart,
 * download links and verification, each against an embedded S3-compatible store that checks
 * signatures.
 *
 * <p>Null-marked, like presign's API: nothing is null unless its type says {@link
 * org.jspecify.annotations.Nullable}; NullAway checks it at build time.
 */
@NullMarked
package dev.presign.examples;

import org.jspecify.annotations.NullMarked;
