package dev.presign.internal.multipart;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.UploadedPart;
import dev.presign.internal.Redact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * What presign checks before it asks S3 to assemble an upload: the client names every part of the
 * plan once and in order, and S3 holds each with its planned size and the ETag the client names. S3
 * would assemble parts of any size but the last 5 MiB minimum, so without these checks a client
 * could swap a part after the sizes were signed.
 */
public final class Completion {
  private Completion() {}

  /**
   * Checks the parts the client names against the plan, before any call to S3.
   *
   * @param plan the session's plan
   * @param named the parts the client names
   * @throws InvalidRequestException {@code PARTS_INVALID} when a part is missing, repeated or out
   *     of order
   */
  public static void checkNamed(PartPlan plan, List<UploadedPart> named) {
    Objects.requireNonNull(named, "parts");
    int count = plan.partCount();
    if (named.size() != count) {
      throw new InvalidRequestException(
          Reason.PARTS_INVALID,
          "every part must be named once: expected " + count + ", got " + named.size());
    }
    for (int i = 0; i < count; i++) {
      UploadedPart part = Objects.requireNonNull(named.get(i), "parts element");
      if (part.partNumber() != i + 1) {
        throw new InvalidRequestException(
            Reason.PARTS_INVALID,
            "parts must be numbered 1.."
                + count
                + " in order: found "
                + part.partNumber()
                + " at position "
                + (i + 1));
      }
    }
  }

  /**
   * Matches the named parts with the parts S3 lists, and gives the list to complete with.
   *
   * @param plan the session's plan
   * @param named the parts the client names, already checked by {@link #checkNamed}
   * @param stored the parts S3 holds, in part order
   * @return the parts to complete with, with the ETags S3 holds
   * @throws InvalidRequestException {@code PARTS_INVALID} when S3 holds another number of parts, or
   *     a part of another size or with another ETag
   */
  public static List<CompletedPart> match(
      PartPlan plan, List<UploadedPart> named, List<UploadedPart> stored) {
    int count = plan.partCount();
    if (stored.size() != count) {
      throw new InvalidRequestException(
          Reason.PARTS_INVALID, "S3 holds " + stored.size() + " of " + count + " parts");
    }
    List<CompletedPart> completed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      UploadedPart held = stored.get(i);
      long planned = plan.sizeOf(i + 1);
      if (held.partNumber() != i + 1) {
        throw new InvalidRequestException(
            Reason.PARTS_INVALID,
            "S3 lists part " + held.partNumber() + " where part " + (i + 1) + " belongs");
      }
      if (held.size() != planned) {
        throw new InvalidRequestException(
            Reason.PARTS_INVALID,
            "part " + (i + 1) + " must be " + planned + " bytes: " + held.size());
      }
      if (!unquoted(held.etag()).equals(unquoted(named.get(i).etag()))) {
        throw new InvalidRequestException(
            Reason.PARTS_INVALID,
            "part " + (i + 1) + " has another ETag in S3: " + Redact.quote(named.get(i).etag()));
      }
      completed.add(CompletedPart.builder().partNumber(i + 1).eTag(held.etag()).build());
    }
    return completed;
  }

  /**
   * Whether a store's answer carries an ETag: Ceph RGW 16.2 sends {@code <ETag></ETag>} on
   * completion.
   *
   * @param etag the ETag, or null
   * @return false for null, blank or {@code ""}
   */
  public static boolean hasETag(String etag) {
    return etag != null && !etag.isBlank() && !etag.equals("\"\"");
  }

  private static String unquoted(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }
}
