/**
 * presign-test: test your upload endpoint against a store that really refuses.
 *
 * <ul>
 *   <li>{@link dev.presign.test.S3TestStore}: an S3 store for a JUnit 5 test class (S3Proxy in this
 *       JVM, checking signatures), or an external store, or S3Mock in Docker;
 *   <li>{@link dev.presign.test.UploadClient}: sends what a browser or app sends with presign's
 *       results;
 *   <li>{@link dev.presign.test.PresignAssertions}: AssertJ assertions for results and answers;
 *   <li>{@link dev.presign.test.OfflineSignatureCheck}: whether S3 would accept a request, without
 *       a server, recomputed with the AWS SDK's signer.
 * </ul>
 *
 * <p>{@code dev.presign.test.internal} is implementation.
 *
 * <p>Null-marked, like presign's API: nothing is null unless its type says {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.presign.test;

import org.jspecify.annotations.NullMarked;
