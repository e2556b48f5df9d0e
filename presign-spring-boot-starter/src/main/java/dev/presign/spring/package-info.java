/**
 * Spring Boot 4 auto-configuration for presign: {@link dev.presign.spring.PresignProperties}
 * ({@code presign.*}), the {@link dev.presign.UploadUrlIssuer}, {@link
 * dev.presign.MultipartUploads} and {@link dev.presign.UploadVerifier} beans, RFC 9457 problem
 * responses for presign's exceptions ({@link dev.presign.spring.PresignProblemHandler}) and an
 * opt-in health indicator.
 *
 * <p>Null-marked, like presign's API: nothing is null unless its type says {@link
 * org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.presign.spring;

import org.jspecify.annotations.NullMarked;
