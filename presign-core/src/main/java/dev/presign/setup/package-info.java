/**
 * Deploy-time tools: things a deployment step or a health check runs once, not code on the path of
 * a request.
 *
 * <ul>
 *   <li>{@link dev.presign.setup.BucketSetup} writes and checks the bucket's CORS rule for browser
 *       uploads and its lifecycle rules (abandoned multipart uploads, uploads nobody verified). It
 *       takes an {@code S3Client} allowed to change the bucket's settings, which the request-time
 *       issuer never needs.
 *   <li>{@link dev.presign.setup.SelfTest} checks an issuer against the real store with a tiny PUT,
 *       GET and DELETE through pre-signed URLs, sent with the JDK's {@code java.net.http} client.
 * </ul>
 *
 * <pre>{@code
 * SelfTest.Report report = SelfTest.run(issuer);
 * if (!report.passed()) log.error("storage is not usable: {}", report);
 * }</pre>
 *
 * <p>presign's module reads {@code java.net.http} only for the self-test ({@code requires static}),
 * so an application that only issues and verifies URLs does not pull it into its module graph; a
 * named module that runs {@code SelfTest} requires {@code java.net.http} itself. Both classes are
 * stateless and thread-safe.
 *
 * <p>Null-marked, like {@code dev.presign}: nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.presign.setup;

import org.jspecify.annotations.NullMarked;
