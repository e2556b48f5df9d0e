/**
 * Implementation of presign-test: the store kinds behind {@code S3TestStore}, URL parsing, the
 * cross-checking HTTP client. Not API: public only because {@code dev.presign.test} uses it, and
 * visible only because the kit is an automatic module (S3Proxy's shaded jar cannot be required by a
 * named one). It may change in any release. Null-marked.
 */
@NullMarked
package dev.presign.test.internal;

import org.jspecify.annotations.NullMarked;
