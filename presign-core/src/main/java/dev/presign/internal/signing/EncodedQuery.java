package dev.presign.internal.signing;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Extra query parameters already in SigV4's canonical form, for the signer to copy instead of
 * sorting and encoding them on every URL: names and values URI-encoded, names unique and in byte
 * order, every name sorting after the {@code X-Amz-*} parameters (it starts with a lower-case
 * letter), so they follow {@code X-Amz-SignedHeaders} in the canonical query as they stand.
 *
 * <p>Why: a download signs four {@code response-*} parameters whose names and, for a plain
 * download, values are the same on every URL but for the file name inside Content-Disposition.
 * Their encoded form is made once ({@link Encoded}, by {@link Builder}) and a URL adds only its one
 * variable part, encoded while signing.
 *
 * <p>Immutable and thread-safe.
 */
public final class EncodedQuery {
  private final byte[] head;
  private final @Nullable String middle;
  // The key whose last path segment, as the URL's path already holds it encoded, is the middle.
  private final @Nullable String keyOfLastSegment;
  private final byte[] tail;

  private EncodedQuery(
      byte[] head, @Nullable String middle, @Nullable String keyOfLastSegment, byte[] tail) {
    this.head = head;
    this.middle = middle;
    this.keyOfLastSegment = keyOfLastSegment;
    this.tail = tail;
  }

  /**
   * Parameters encoded as they stand.
   *
   * @param parameters the parameters
   * @return the query
   * @throws IllegalArgumentException when {@code parameters} is empty or starts or ends inside a
   *     value
   */
  public static EncodedQuery of(Encoded parameters) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.firstName == null || parameters.startsInValue || parameters.endsInValue) {
      throw new IllegalArgumentException("parameters must be whole parameters: " + parameters);
    }
    return new EncodedQuery(parameters.bytes, null, null, new byte[0]);
  }

  /**
   * {@code head}, then {@code middle} URI-encoded while signing, then {@code tail}: the middle is
   * part of the value that {@code head} starts and {@code tail} ends.
   *
   * @param head the parameters up to the variable part, ending inside a value
   * @param middle the variable part of that value, not encoded
   * @param tail the rest of the value and the parameters after it
   * @return the query
   * @throws IllegalArgumentException when {@code head} does not end inside a value, {@code tail}
   *     does not start inside one, or a name in {@code tail} does not sort after those in {@code
   *     head}
   */
  public static EncodedQuery of(Encoded head, String middle, Encoded tail) {
    Objects.requireNonNull(middle, "middle");
    requireJoinable(head, tail);
    return new EncodedQuery(head.bytes, middle, null, tail.bytes);
  }

  /**
   * {@code head}, then the last path segment of {@code key} (what follows its last {@code /}, or
   * all of it), then {@code tail}: the middle is copied from the URL's path, where the signer has
   * just encoded it, instead of encoded a second time. A plain download's file name is its key's
   * last segment. SigV4 encodes a path and a query value alike but for {@code /}, which the last
   * segment never holds, so the copied bytes are the segment's encoding as a value.
   *
   * @param head the parameters up to the variable part, ending inside a value
   * @param key the object key the query is signed with; the signer refuses any other
   * @param tail the rest of the value and the parameters after it
   * @return the query
   * @throws IllegalArgumentException as {@link #of(Encoded, String, Encoded)} does
   */
  public static EncodedQuery ofLastSegment(Encoded head, String key, Encoded tail) {
    Objects.requireNonNull(key, "key");
    requireJoinable(head, tail);
    return new EncodedQuery(head.bytes, null, key, tail.bytes);
  }

  private static void requireJoinable(Encoded head, Encoded tail) {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(tail, "tail");
    if (!head.endsInValue || !tail.startsInValue) {
      throw new IllegalArgumentException("head must end and tail must start inside a value");
    }
    if (tail.firstName != null && tail.firstName.compareTo(head.lastName) <= 0) {
      throw new IllegalArgumentException(
          "query parameters must be unique and sorted: "
              + tail.firstName
              + " after "
              + head.lastName);
    }
  }

  /**
   * Whether this query may be signed with {@code key}: any key, unless its middle is a key's last
   * segment, which must be this one.
   */
  boolean fits(String key) {
    return keyOfLastSegment == null || keyOfLastSegment.equals(key);
  }

  /**
   * Writes {@code &} and the parameters, after the X-Amz-* ones.
   *
   * @param sink the canonical request, holding the encoded path
   * @param pathStart where the encoded path starts in {@code sink}, at its leading {@code /}
   * @param pathEnd where it ends
   */
  void writeTo(ByteSink sink, int pathStart, int pathEnd) {
    sink.append('&').append(head);
    if (middle != null) {
      sink.uriEncode(middle, false);
    } else if (keyOfLastSegment != null) {
      // The encoded path keeps '/' and writes nothing else as '/': the last one starts the segment.
      byte[] path = sink.bytes;
      int start = pathEnd;
      while (start > pathStart && path[start - 1] != '/') {
        start--;
      }
      sink.append(path, start, pathEnd);
    }
    sink.append(tail);
  }

  /** {@return a builder of encoded parameters} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parameters, or a run of them that starts or ends inside a value, URI-encoded once. Only {@link
   * Builder} makes them, so their bytes are encoded by construction.
   */
  public static final class Encoded {
    private final byte[] bytes;
    private final @Nullable String firstName;
    private final @Nullable String lastName;
    private final boolean startsInValue;
    private final boolean endsInValue;

    private Encoded(
        byte[] bytes,
        @Nullable String firstName,
        @Nullable String lastName,
        boolean startsInValue,
        boolean endsInValue) {
      this.bytes = bytes;
      this.firstName = firstName;
      this.lastName = lastName;
      this.startsInValue = startsInValue;
      this.endsInValue = endsInValue;
    }

    @Override
    public String toString() {
      return "Encoded["
          + firstName
          + ".."
          + lastName
          + "]"; // names only: a value may be a user's file name
    }
  }

  /**
   * Writes parameters in canonical order, encoding as it goes. Not thread-safe; build once, share
   * the result.
   */
  public static final class Builder {
    private final ByteSink sink = new ByteSink(64);
    private @Nullable String firstName;
    private @Nullable String lastName;
    private boolean startsInValue;
    private boolean inValue;

    private Builder() {}

    /**
     * Adds a parameter.
     *
     * @param name the name: a lower-case letter, then unreserved characters; after the names before
     *     it
     * @param value the value, not encoded
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      return name(name).valuePart(value);
    }

    /**
     * Starts a parameter whose value follows in {@link #valuePart} calls or an {@link
     * EncodedQuery#of}'s middle.
     *
     * @param name the name: a lower-case letter, then unreserved characters; after the names before
     *     it
     * @return this builder
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
        throw new IllegalArgumentException(
            "query parameter name must start with a lower-case letter: " + name);
      }
      for (int i = 0; i < name.length(); i++) {
        if (!ByteSink.isUnreserved(name.charAt(i))) {
          throw new IllegalArgumentException(
              "query parameter name must be unreserved characters: " + name);
        }
      }
      if (lastName != null && name.compareTo(lastName) <= 0) {
        throw new IllegalArgumentException(
            "query parameters must be unique and sorted: " + name + " after " + lastName);
      }
      if (sink.length > 0) {
        sink.append('&');
      }
      sink.ascii(name).append('=');
      if (firstName == null) {
        firstName = name;
      }
      lastName = name;
      inValue = true;
      return this;
    }

    /**
     * Adds text to the current value, URI-encoded; before any name, the text continues a value that
     * an {@link EncodedQuery#of}'s middle started.
     *
     * @param text the text, not encoded
     * @return this builder
     */
    public Builder valuePart(String text) {
      Objects.requireNonNull(text, "text");
      if (firstName == null) {
        startsInValue = true;
      }
      inValue = true;
      sink.uriEncode(text, false);
      return this;
    }

    /**
     * The parameters so far.
     *
     * @param endsInValue true when an {@link EncodedQuery#of}'s middle continues the last value
     * @return the encoded parameters
     */
    public Encoded build(boolean endsInValue) {
      if (endsInValue && !inValue) {
        throw new IllegalArgumentException("no value to continue");
      }
      return new Encoded(
          Arrays.copyOf(sink.bytes, sink.length), firstName, lastName, startsInValue, endsInValue);
    }
  }
}
