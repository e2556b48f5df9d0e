package dev.presign.internal.signing;

import dev.presign.internal.HeaderMap;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thread's digest, HMAC and buffers, and the writing of a SigV4 query-string signature into
 * them: the canonical request (the headers and extra query parameters sorted here), the string to
 * sign and the URL. {@link SigV4Signer} keeps one per thread and hands it the signing key and host
 * it has cached.
 *
 * <p>Not thread-safe: one per thread.
 */
final class SigningScratch {
  private static final byte[] ALGORITHM_PARAMETER = bytes("X-Amz-Algorithm=AWS4-HMAC-SHA256");
  private static final byte[] STRING_TO_SIGN_PREFIX = bytes("AWS4-HMAC-SHA256\n");
  private static final byte[] SIGNATURE_PARAMETER = bytes("&X-Amz-Signature=");
  private static final byte[] DATE_PARAMETER = bytes("X-Amz-Date=");
  private static final byte[] EXPIRES_PARAMETER = bytes("X-Amz-Expires=");
  private static final byte[] SIGNED_HEADERS_PARAMETER = bytes("X-Amz-SignedHeaders=");
  private static final int LOWER_CACHE = 8;
  private static final int NAME_CACHE = 8;

  private final MessageDigest sha256;
  private final HmacSha256 hmac = new HmacSha256();
  private @Nullable SigningKey hmacKey;
  final ByteSink canonical = new ByteSink(1024);
  final ByteSink stringToSign = new ByteSink(160);
  private final ByteSink url = new ByteSink(1024);
  private final byte[] digest = new byte[32];
  private String[] extraNames = new String[4];
  private String[] extraValues = new String[4];
  private int extraCount;
  // The next extra parameter to write into the query.
  private int nextExtra;
  private String[] headerNames = new String[8];
  private String[] headerValues = new String[8];
  private byte[][] headerLowerNames = new byte[8][];
  private int headerCount;
  // Header names folded to lower case, by identity: the issuer's names are the same String objects
  // on every call, so each is folded once per thread instead of three times per URL. Extra query
  // parameter names by identity, checked and encoded, likewise: a download's response-* names are
  // the same constants on every call, so each is checked and encoded once per thread instead of
  // once per URL.
  private final String[] nameKeys = new String[NAME_CACHE];
  private final String[] nameEncoded = new String[NAME_CACHE];
  private final byte[][] nameBytes = new byte[NAME_CACHE][];
  private int nameNext;
  private byte[][] extraNameBytes = new byte[4][];
  private final String[] lowerKeys = new String[LOWER_CACHE];
  private final byte[][] lowerValues = new byte[LOWER_CACHE][];
  private int lowerNext;

  SigningScratch() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @SuppressWarnings(
      "ReferenceEquality") // the host header is the same String on every call: identity finds it
  String sign(
      SigV4Signer signer,
      SigningRequest request,
      @Nullable EncodedQuery encoded,
      SigningKey key,
      SigV4Signer.Host host,
      long epochSecond) {
    sortHeaders(request.signedHeaders(), host.header());

    ByteSink c = canonical;
    c.reset();
    c.ascii(request.method()).append('\n');
    int pathStart = c.length;
    c.append('/');
    if (signer.addressing().pathStyle()) {
      c.ascii(request.bucket()).append('/');
    }
    c.uriEncode(request.key(), true);
    int pathEnd = c.length;
    c.append('\n');
    int queryStart = c.length;
    writeQuery(c, request, key, epochSecond);
    if (encoded != null) {
      encoded.writeTo(c, pathStart, pathEnd);
    }
    int queryEnd = c.length;
    c.append('\n');
    for (int i = 0; i < headerCount; i++) {
      c.append(headerLowerNames[i]).append(':');
      // The host's value, the same String on every call, is canonicalized once per bucket, not per
      // URL.
      if (headerValues[i] == host.header()) {
        c.append(host.canonicalValue());
      } else {
        c.headerValue(headerValues[i]);
      }
      c.append('\n');
    }
    c.append('\n');
    writeSignedHeaderNames(c, false);
    c.append('\n').append(signer.payloadHash());

    ByteSink s = stringToSign;
    s.reset();
    s.append(STRING_TO_SIGN_PREFIX);
    writeAmzDate(s, key, epochSecond);
    s.append('\n').append(key.scope).append('\n');
    sha256.update(c.bytes, 0, c.length);
    try {
      sha256.digest(digest, 0, 32);
      s.hex(digest, 32);
      if (hmacKey != key) {
        hmac.init(key.key);
        hmacKey = key;
      }
      hmac.update(s.bytes, 0, s.length);
      hmac.doFinal(digest, 0);
    } catch (DigestException e) {
      throw new IllegalStateException("signing failed", e);
    }

    ByteSink u = url;
    u.reset();
    u.append(signer.schemeAndSeparator())
        .append(host.bytes())
        .append(c.bytes, pathStart, pathEnd)
        .append('?')
        .append(c.bytes, queryStart, queryEnd)
        .append(SIGNATURE_PARAMETER)
        .hex(digest, 32);
    return u.toLatin1String();
  }

  private void writeQuery(ByteSink c, SigningRequest request, SigningKey key, long epochSecond) {
    sortExtraParameters(request.queryParameters());
    // The X-Amz-* parameters go in their fixed order, which is canonical (byte) order; extra ones
    // are merged in where their encoded names sort (ASCII, so String order is byte order).
    int start = c.length;
    nextExtra = 0;
    extrasBefore(c, start, "X-Amz-Algorithm");
    separator(c, start).append(ALGORITHM_PARAMETER);
    extrasBefore(c, start, "X-Amz-Credential");
    separator(c, start).append(key.credentialParameter);
    extrasBefore(c, start, "X-Amz-Date");
    separator(c, start).append(DATE_PARAMETER);
    writeAmzDate(c, key, epochSecond);
    extrasBefore(c, start, "X-Amz-Expires");
    separator(c, start).append(EXPIRES_PARAMETER).decimal(request.expiresSeconds());
    if (key.tokenParameter != null) {
      extrasBefore(c, start, "X-Amz-Security-Token");
      separator(c, start).append(key.tokenParameter);
    }
    extrasBefore(c, start, "X-Amz-SignedHeaders");
    separator(c, start).append(SIGNED_HEADERS_PARAMETER);
    writeSignedHeaderNames(c, true);
    extrasBefore(c, start, null);
  }

  /**
   * The sink, after an '&' unless it is the query's first parameter (which starts at {@code
   * start}).
   */
  private static ByteSink separator(ByteSink sink, int start) {
    return sink.length > start ? sink.append('&') : sink;
  }

  /** Writes the extra parameters that sort before {@code name}, or all that are left for null. */
  private void extrasBefore(ByteSink sink, int start, @Nullable String name) {
    for (;
        nextExtra < extraCount && (name == null || extraNames[nextExtra].compareTo(name) < 0);
        nextExtra++) {
      separator(sink, start)
          .append(extraNameBytes[nextExtra])
          .append('=')
          .uriEncode(extraValues[nextExtra], false);
    }
  }

  /**
   * Collects the extra query parameters, sorted by encoded name, into the scratch arrays. Names are
   * checked to be unique, so the value never decides the order. Values are encoded later, straight
   * into the canonical request; names are encoded here only when they need it, which S3's never do.
   */
  private void sortExtraParameters(Map<String, String> parameters) {
    extraCount = 0;
    if (parameters.isEmpty()) {
      return;
    }
    if (extraNames.length < parameters.size()) {
      extraNames = new String[parameters.size() * 2];
      extraValues = new String[parameters.size() * 2];
      extraNameBytes = new byte[parameters.size() * 2][];
    }
    if (parameters instanceof HeaderMap indexed) {
      for (int i = 0; i < indexed.size(); i++) {
        insertExtra(indexed.name(i), indexed.value(i));
      }
    } else {
      for (Map.Entry<String, String> parameter : parameters.entrySet()) {
        insertExtra(parameter.getKey(), parameter.getValue());
      }
    }
  }

  private void insertExtra(String name, String value) {
    int known = knownName(name);
    String encoded = nameEncoded[known];
    byte[] bytes = nameBytes[known];
    int i = extraCount;
    for (int j = 0; j < extraCount; j++) {
      if (extraNames[j].equals(encoded)) {
        throw new IllegalArgumentException("query parameter appears twice: " + name);
      }
    }
    while (i > 0 && extraNames[i - 1].compareTo(encoded) > 0) {
      extraNames[i] = extraNames[i - 1];
      extraValues[i] = extraValues[i - 1];
      extraNameBytes[i] = extraNameBytes[i - 1];
      i--;
    }
    extraNames[i] = encoded;
    extraValues[i] = value;
    extraNameBytes[i] = bytes;
    extraCount++;
  }

  /**
   * The name cache's slot for {@code name}, checked and encoded on its first use by this thread.
   */
  @SuppressWarnings("ReferenceEquality") // a cache keyed by the caller's String instance, by design
  private int knownName(String name) {
    for (int i = 0; i < NAME_CACHE; i++) {
      if (nameKeys[i] == name) {
        return i;
      }
    }
    if (name.regionMatches(true, 0, "X-Amz-", 0, 6)) {
      throw new IllegalArgumentException(
          "query parameter must not be an X-Amz-* parameter: " + name);
    }
    String encoded = isUnreserved(name) ? name : encode(name);
    int slot = nameNext;
    nameKeys[slot] = name;
    nameEncoded[slot] = encoded;
    nameBytes[slot] = encoded.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    nameNext = (nameNext + 1) % NAME_CACHE;
    return slot;
  }

  private static boolean isUnreserved(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!ByteSink.isUnreserved(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String encode(String value) {
    ByteSink sink = new ByteSink(value.length() + 16);
    sink.uriEncode(value, false);
    return sink.toLatin1String();
  }

  String hmacHex(SigningKey key, byte[] message) {
    if (hmacKey != key) {
      hmac.init(key.key);
      hmacKey = key;
    }
    hmac.update(message, 0, message.length);
    hmac.doFinal(digest, 0);
    ByteSink hex = new ByteSink(64);
    hex.hex(digest, 32);
    return hex.toLatin1String();
  }

  static void writeAmzDate(ByteSink sink, SigningKey key, long epochSecond) {
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    sink.append(key.date)
        .append('T')
        .twoDigits(secondOfDay / 3600)
        .twoDigits(secondOfDay / 60 % 60)
        .twoDigits(secondOfDay % 60)
        .append('Z');
  }

  private void writeSignedHeaderNames(ByteSink sink, boolean encoded) {
    for (int i = 0; i < headerCount; i++) {
      if (i > 0) {
        if (encoded) {
          sink.ascii("%3B");
        } else {
          sink.append(';');
        }
      }
      sink.append(headerLowerNames[i]);
    }
  }

  /**
   * Collects host and the request's headers, sorted by lower-case name, into the scratch arrays.
   */
  private void sortHeaders(Map<String, String> headers, String host) {
    int needed = headers.size() + 1;
    if (headerNames.length < needed) {
      headerNames = new String[needed * 2];
      headerValues = new String[needed * 2];
      headerLowerNames = new byte[needed * 2][];
    }
    headerCount = 0;
    insertHeader("host", host);
    if (headers instanceof HeaderMap indexed) {
      for (int i = 0; i < indexed.size(); i++) {
        insertHeader(indexed.name(i), indexed.value(i));
      }
    } else {
      for (Map.Entry<String, String> header : headers.entrySet()) {
        insertHeader(header.getKey(), header.getValue());
      }
    }
  }

  private void insertHeader(String name, String value) {
    int i = headerCount;
    while (i > 0) {
      int order = compareIgnoringAsciiCase(headerNames[i - 1], name);
      if (order == 0) {
        throw new IllegalArgumentException("header appears twice: " + name);
      }
      if (order < 0) {
        break;
      }
      headerNames[i] = headerNames[i - 1];
      headerValues[i] = headerValues[i - 1];
      headerLowerNames[i] = headerLowerNames[i - 1];
      i--;
    }
    headerNames[i] = name;
    headerValues[i] = value;
    headerLowerNames[i] = lowerName(name);
    headerCount++;
  }

  @SuppressWarnings("ReferenceEquality") // a cache keyed by the caller's String instance, by design
  private byte[] lowerName(String name) {
    for (int i = 0; i < LOWER_CACHE; i++) {
      if (lowerKeys[i] == name) {
        return lowerValues[i];
      }
    }
    ByteSink lowered = new ByteSink(name.length());
    lowered.asciiLowerCase(name);
    byte[] bytes =
        lowered.length == lowered.bytes.length
            ? lowered.bytes
            : java.util.Arrays.copyOf(lowered.bytes, lowered.length);
    lowerKeys[lowerNext] = name;
    lowerValues[lowerNext] = bytes;
    lowerNext = (lowerNext + 1) % LOWER_CACHE;
    return bytes;
  }

  private static int compareIgnoringAsciiCase(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = lower(a.charAt(i));
      char y = lower(b.charAt(i));
      if (x != y) {
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
