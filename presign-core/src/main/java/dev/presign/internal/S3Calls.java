package dev.presign.internal;

import dev.presign.PresignException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Calls to S3 whose refusals become {@link PresignException}s that name the operation and S3's
 * error code.
 */
public final class S3Calls {
  private S3Calls() {}

  /**
   * Runs one S3 call.
   *
   * @param operation the S3 operation's name, for the message
   * @param call the call
   * @param <T> its result
   * @return the call's result
   * @throws PresignException when S3 refuses
   */
  public static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (S3Exception e) {
      throw failure(operation, e);
    } catch (SdkClientException e) {
      // Network or client-side failure: no S3 error code to report. The SDK's message can name the
      // endpoint; keep it as the cause only.
      throw new PresignException(
          PresignException.Kind.STORE_UNREACHABLE,
          "could not reach S3 for " + operation + ": " + e.getClass().getSimpleName(),
          e);
    }
  }

  /**
   * The exception for a refused call: {@code S3 refused Op: Code (HTTP n)}, with S3's exception as
   * cause; kind {@code NOT_FOUND} for HTTP 404, else {@code STORE_REFUSED}.
   *
   * @param operation the S3 operation's name
   * @param e what the SDK threw
   * @return the exception to throw
   */
  public static PresignException failure(String operation, S3Exception e) {
    PresignException.Kind kind =
        e.statusCode() == 404
            ? PresignException.Kind.NOT_FOUND
            : PresignException.Kind.STORE_REFUSED;
    return new PresignException(
        kind,
        "S3 refused " + operation + ": " + errorCode(e) + " (HTTP " + e.statusCode() + ")",
        e);
  }

  /**
   * S3's error code, e.g. {@code NoSuchUpload}.
   *
   * @param e what the SDK threw
   * @return the code, or null when S3 sent none
   */
  public static @Nullable String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
