package dev.presign.internal.policy;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.PresignPolicy;
import dev.presign.UploadRequest;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.keys.SafeFileName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PresignPolicy}'s rules for upload requests: file name, content type, size and extension,
 * checked in that order before anything is signed, and the parsing of the builder's type and
 * extension lists. Immutable and thread-safe.
 */
public final class UploadChecks {
  private final List<MediaRange> ranges;
  private final List<String> allowedContentTypes;
  private final long minSize;
  private final long maxSize;
  private final boolean requireDeclaredSize;
  private final Set<String> allowedExtensions;
  private final boolean extensionMustMatchContentType;

  /**
   * Creates the rules; the values are the policy's, already checked by its builder.
   *
   * @param ranges the allowed content types
   * @param minSize the smallest allowed size
   * @param maxSize the largest allowed size
   * @param requireDeclaredSize whether a PUT or multipart request must declare its size
   * @param allowedExtensions the allowed lower-case extensions, empty for any
   * @param extensionMustMatchContentType whether the extension must fit the content type
   */
  public UploadChecks(
      List<MediaRange> ranges,
      long minSize,
      long maxSize,
      boolean requireDeclaredSize,
      Set<String> allowedExtensions,
      boolean extensionMustMatchContentType) {
    this.ranges = List.copyOf(ranges);
    List<String> names = new ArrayList<>(ranges.size());
    for (MediaRange range : this.ranges) {
      names.add(range.toString());
    }
    this.allowedContentTypes = List.copyOf(names);
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.requireDeclaredSize = requireDeclaredSize;
    this.allowedExtensions = Set.copyOf(allowedExtensions);
    this.extensionMustMatchContentType = extensionMustMatchContentType;
  }

  /**
   * Parses allowed content types, dropping repeats.
   *
   * @param contentTypes {@code type/subtype}, {@code type/*} or {@code *}{@code /*}, without
   *     parameters
   * @return the ranges, in the order given
   * @throws IllegalArgumentException naming the first malformed entry
   */
  public static List<MediaRange> parseRanges(Collection<String> contentTypes) {
    Objects.requireNonNull(contentTypes, "contentTypes");
    List<MediaRange> parsed = new ArrayList<>(contentTypes.size());
    // Duplicates found by name, not by the record's equals: its first call bootstraps
    // invokedynamic, milliseconds on a cold JVM's way to its first URL.
    Set<String> names = new HashSet<>();
    for (String contentType : contentTypes) {
      Objects.requireNonNull(contentType, "contentTypes element");
      // An if, not orElseThrow with a lambda: the first lambda of a JVM spins a class, most of a
      // millisecond on a cold JVM's way to its first URL.
      Optional<MediaRange> range = MediaRange.parse(contentType);
      if (range.isEmpty()) {
        throw new IllegalArgumentException(
            "allowed content type must be type/subtype, type/* or */* without parameters: "
                + Redact.quote(contentType));
      }
      if (names.add(range.get().toString())) {
        parsed.add(range.get());
      }
    }
    return parsed;
  }

  /**
   * Normalizes allowed extensions: without the leading dot, lower case ({@link Locale#ROOT}).
   *
   * @param extensions e.g. {@code "png"}, {@code ".JPG"}
   * @return the extensions, in the order given
   * @throws IllegalArgumentException naming the first that is not 1 to 16 ASCII letters or digits
   */
  public static Set<String> normalizeExtensions(String... extensions) {
    Objects.requireNonNull(extensions, "extensions");
    Set<String> normalized = new LinkedHashSet<>();
    for (String extension : extensions) {
      Objects.requireNonNull(extension, "extensions element");
      String bare = extension.startsWith(".") ? extension.substring(1) : extension;
      Require.argument(
          SafeFileName.isAsciiAlphanumeric(bare),
          "allowed extension must be 1 to 16 ASCII letters or digits",
          Redact.quote(extension));
      normalized.add(bare.toLowerCase(Locale.ROOT));
    }
    return normalized;
  }

  /** {@return the allowed content types' names, normalized to lower case, in the order given} */
  public List<String> allowedContentTypes() {
    return allowedContentTypes;
  }

  /** {@return the allowed content types} */
  public List<MediaRange> ranges() {
    return ranges;
  }

  /**
   * Checks a request for a PUT or a multipart upload.
   *
   * @param request the request
   * @return its parsed, normalized content type
   * @throws InvalidRequestException naming the first rule the request breaks
   */
  public MediaType checkUpload(UploadRequest request) {
    checkFileName(request);
    MediaType type = checkContentType(request);
    checkSize(request, requireDeclaredSize);
    checkExtension(request.fileName(), type);
    return type;
  }

  /**
   * Checks a request for a POST form, whose size S3 enforces from the policy's range, so a size
   * need not be declared; the type must be concrete, as for a PUT, and is signed exactly.
   *
   * @param request the request
   * @return its parsed, normalized content type
   * @throws InvalidRequestException naming the first rule the request breaks
   */
  public MediaType checkPost(UploadRequest request) {
    checkFileName(request);
    // A starts-with condition ("image/") also admits "image/x, text/html", which browsers render as
    // HTML: a form signs one exact type, as a PUT does.
    if (request.contentType().indexOf('*') >= 0) {
      throw new InvalidRequestException(
          Reason.CONTENT_TYPE_INVALID,
          "a POST form must name one concrete media type, which is signed exactly, not a wildcard: "
              + Redact.quote(request.contentType()));
    }
    MediaType type = checkContentType(request);
    checkSize(request, false);
    checkExtension(request.fileName(), type);
    return type;
  }

  /**
   * Whether an allowed entry covers the type; the verifier asks it of what was stored.
   *
   * @param type a concrete media type
   * @return whether the policy allows it
   */
  public boolean allows(MediaType type) {
    for (MediaRange range : ranges) {
      if (range.matches(type)) {
        return true;
      }
    }
    return false;
  }

  private static void checkFileName(UploadRequest request) {
    Objects.requireNonNull(request, "request");
    String fileName = request.fileName();
    if (fileName.isBlank() || fileName.length() > PresignPolicy.MAX_FILE_NAME_LENGTH) {
      throw new InvalidRequestException(
          Reason.FILE_NAME_INVALID,
          "file name must be 1 to "
              + PresignPolicy.MAX_FILE_NAME_LENGTH
              + " characters and not blank: "
              + Redact.quote(fileName));
    }
  }

  private MediaType checkContentType(UploadRequest request) {
    // Plain ifs rather than lambdas on this path: each first lambda costs a bootstrap at cold
    // start.
    MediaType type = MediaType.parseOrNull(request.contentType());
    if (type == null) {
      throw new InvalidRequestException(
          Reason.CONTENT_TYPE_INVALID,
          "content type must be a concrete media type such as image/png: "
              + Redact.quote(request.contentType()));
    }
    if (!allows(type)) {
      throw new InvalidRequestException(
          Reason.CONTENT_TYPE_NOT_ALLOWED,
          "content type must be one of "
              + String.join(", ", allowedContentTypes)
              + ": "
              + Redact.quote(type.essence()));
    }
    return type;
  }

  private void checkSize(UploadRequest request, boolean sizeRequired) {
    if (request.size().isEmpty()) {
      if (sizeRequired) {
        throw new InvalidRequestException(Reason.SIZE_MISSING, "the file size must be declared");
      }
      return;
    }
    long size = request.size().getAsLong();
    if (size > maxSize) {
      throw new InvalidRequestException(
          Reason.TOO_LARGE, "file size must be at most " + maxSize + " bytes: " + size);
    }
    if (size < minSize) {
      throw new InvalidRequestException(
          Reason.TOO_SMALL, "file size must be at least " + minSize + " bytes: " + size);
    }
  }

  /**
   * Checks the extension rules; {@code type} is null for a wildcard, which no extension can be
   * shown to fit.
   */
  private void checkExtension(String fileName, MediaType type) {
    if (allowedExtensions.isEmpty() && !extensionMustMatchContentType) {
      return;
    }
    String extension = SafeFileName.of(fileName).extension();
    if (!allowedExtensions.isEmpty() && !allowedExtensions.contains(extension)) {
      throw new InvalidRequestException(
          Reason.EXTENSION_NOT_ALLOWED,
          "file extension must be one of "
              + String.join(", ", new TreeSet<>(allowedExtensions))
              + ": "
              + Redact.quote(extension.isEmpty() ? "(none)" : extension));
    }
    if (extensionMustMatchContentType && (type == null || !ExtensionTable.fits(extension, type))) {
      throw new InvalidRequestException(
          Reason.EXTENSION_MISMATCH,
          "file extension must fit content type "
              + (type == null ? "(a wildcard fits none)" : type.essence())
              + ": "
              + Redact.quote(extension.isEmpty() ? "(none)" : extension));
    }
  }
}
