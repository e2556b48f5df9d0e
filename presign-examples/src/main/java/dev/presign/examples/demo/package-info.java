/**
 * The demo server: a Jetty-based web page that uploads to an embedded S3-compatible store through
 * presign's pre-signed PUT, POST, multipart and Uppy routes.
 *
 * <p>Null-marked, like presign's API: nothing is null unless its type says {@link
 * org.jspecify.annotations.Nullable}; NullAway checks it at build time.
 */
@NullMarked
package dev.presign.examples.demo;

import org.jspecify.annotations.NullMarked;
