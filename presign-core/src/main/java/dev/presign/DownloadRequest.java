package dev.presign;

import dev.presign.internal.Redact;
import java.util.Objects;
import java.util.Optional;

/**
 * What a download URL should make S3 send: the object, and optionally the headers a browser acts on
 * — Content-Disposition (save or show, under which name), Content-Type and Cache-Control — and a
 * version. S3 applies them through {@code response-*} query parameters that are signed into the
 * URL.
 *
 * <pre>{@code
 * issuer.issueDownload(DownloadRequest.of(key).attachment("Résumé 2026.pdf"));
 * issuer.issueDownload(DownloadRequest.of(key).inline("cat.png").withCacheControl("private, max-age=300"));
 * }</pre>
 *
 * <p>Unless {@link #allowingActiveContent()} is used, a type a browser could run script from (HTML,
 * SVG, XML, JavaScript) is always sent as an {@code attachment} of type {@code
 * application/octet-stream}, and {@code inline} is honoured only for types safe to render: images
 * (not SVG), audio, video, PDF, plain text. What the request leaves open is never taken from the
 * stored object, which the uploader may have given any Content-Disposition, Cache-Control or
 * Content-Encoding: without a type, the one the key's extension implies (then the file name's, then
 * {@code application/octet-stream}); without a disposition, {@code inline} for types safe to
 * render, else {@code attachment}, named after the key's last segment; Cache-Control {@code
 * private, max-age=} the URL's lifetime; Content-Encoding {@code identity}.
 *
 * <p>A value: immutable, thread-safe, equal to another request with the same values. Made with
 * {@link #of(String)} and the methods that return a copy, so a later version can add a property
 * (with a default) without breaking code that makes or reads requests.
 */
public final class DownloadRequest {
  private final String key;
  private final Optional<Disposition> disposition;
  private final Optional<String> fileName;
  private final Optional<String> contentType;
  private final Optional<String> cacheControl;
  private final Optional<String> versionId;
  private final boolean allowActiveContent;

  /** How a browser should treat the response. */
  public enum Disposition {
    /** Show it in the page or tab. */
    INLINE,
    /** Save it as a file. */
    ATTACHMENT
  }

  private DownloadRequest(
      String key,
      Optional<Disposition> disposition,
      Optional<String> fileName,
      Optional<String> contentType,
      Optional<String> cacheControl,
      Optional<String> versionId,
      boolean allowActiveContent) {
    this.key = key;
    this.disposition = disposition;
    this.fileName = fileName;
    this.contentType = contentType;
    this.cacheControl = cacheControl;
    this.versionId = versionId;
    this.allowActiveContent = allowActiveContent;
  }

  /**
   * A plain download of an object, with the headers described above pinned.
   *
   * @param key the object key
   * @return the request
   * @throws NullPointerException when the key is null
   */
  public static DownloadRequest of(String key) {
    return new DownloadRequest(
        Objects.requireNonNull(key, "key"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** {@return the object key} */
  public String key() {
    return key;
  }

  /**
   * {@return whether the browser should save ({@code ATTACHMENT}) or show ({@code INLINE}) it, if
   * set}
   */
  public Optional<Disposition> disposition() {
    return disposition;
  }

  /** {@return the name for the Content-Disposition header, any script, if set} */
  public Optional<String> fileName() {
    return fileName;
  }

  /** {@return the Content-Type S3 should send instead of the stored one, if set} */
  public Optional<String> contentType() {
    return contentType;
  }

  /** {@return the Cache-Control S3 should send, if set} */
  public Optional<String> cacheControl() {
    return cacheControl;
  }

  /** {@return the object version to serve, if set} */
  public Optional<String> versionId() {
    return versionId;
  }

  /** {@return whether active content may be served as asked} */
  public boolean allowActiveContent() {
    return allowActiveContent;
  }

  /**
   * Saved as a file under {@code fileName}.
   *
   * @param fileName the name, any script; path parts and invisible characters are dropped
   * @return a copy of this request
   */
  public DownloadRequest attachment(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    return new DownloadRequest(
        key,
        Optional.of(Disposition.ATTACHMENT),
        Optional.of(fileName),
        contentType,
        cacheControl,
        versionId,
        allowActiveContent);
  }

  /**
   * Shown in the browser, named {@code fileName} if the user saves it.
   *
   * @param fileName the name, any script
   * @return a copy of this request
   */
  public DownloadRequest inline(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    return new DownloadRequest(
        key,
        Optional.of(Disposition.INLINE),
        Optional.of(fileName),
        contentType,
        cacheControl,
        versionId,
        allowActiveContent);
  }

  /**
   * Served with this Content-Type instead of the stored one.
   *
   * @param type a concrete media type
   * @return a copy of this request
   */
  public DownloadRequest withContentType(String type) {
    Objects.requireNonNull(type, "type");
    return new DownloadRequest(
        key, disposition, fileName, Optional.of(type), cacheControl, versionId, allowActiveContent);
  }

  /**
   * Served with this Cache-Control header.
   *
   * @param value e.g. {@code private, max-age=300}; printable ASCII
   * @return a copy of this request
   */
  public DownloadRequest withCacheControl(String value) {
    Objects.requireNonNull(value, "value");
    return new DownloadRequest(
        key, disposition, fileName, contentType, Optional.of(value), versionId, allowActiveContent);
  }

  /**
   * This version of the object.
   *
   * @param id the version id
   * @return a copy of this request
   */
  public DownloadRequest withVersionId(String id) {
    Objects.requireNonNull(id, "id");
    return new DownloadRequest(
        key, disposition, fileName, contentType, cacheControl, Optional.of(id), allowActiveContent);
  }

  /**
   * Serves active content (HTML, SVG, XML, JavaScript) as asked. Only for content you trust or
   * serve from a separate, cookie-less origin.
   *
   * @return a copy of this request
   */
  public DownloadRequest allowingActiveContent() {
    return new DownloadRequest(
        key, disposition, fileName, contentType, cacheControl, versionId, true);
  }

  /**
   * Whether the other object is a request with the same values.
   *
   * @param other another object
   * @return true when every property is equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DownloadRequest that
        && key.equals(that.key)
        && disposition.equals(that.disposition)
        && fileName.equals(that.fileName)
        && contentType.equals(that.contentType)
        && cacheControl.equals(that.cacheControl)
        && versionId.equals(that.versionId)
        && allowActiveContent == that.allowActiveContent;
  }

  /** {@return a hash of every property} */
  @Override
  public int hashCode() {
    return Objects.hash(
        key, disposition, fileName, contentType, cacheControl, versionId, allowActiveContent);
  }

  /**
   * {@return the properties that are set, untrusted text quoted and escaped so it cannot forge a
   * log line}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("DownloadRequest[key=").append(Redact.quote(key));
    disposition.ifPresent(d -> out.append(", disposition=").append(d));
    fileName.ifPresent(n -> out.append(", fileName=").append(Redact.quote(n)));
    contentType.ifPresent(t -> out.append(", contentType=").append(Redact.quote(t)));
    cacheControl.ifPresent(c -> out.append(", cacheControl=").append(Redact.quote(c)));
    versionId.ifPresent(v -> out.append(", versionId=").append(Redact.quote(v)));
    if (allowActiveContent) {
      out.append(", allowActiveContent");
    }
    return out.append(']').toString();
  }
}
