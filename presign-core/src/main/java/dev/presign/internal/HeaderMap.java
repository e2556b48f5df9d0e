package dev.presign.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, insertion-ordered map of a few HTTP headers. Two arrays instead of a LinkedHashMap
 * behind an unmodifiable view: a URL is issued on a hot path, and its headers are read by index
 * when signing. Equality and hash code are those of any {@link Map}.
 */
public final class HeaderMap extends AbstractMap<String, String> {
  private static final HeaderMap EMPTY = new HeaderMap(new String[0]);

  // Names at even indexes, each followed by its value: one array, the least a URL's result
  // allocates.
  private final String[] entries;

  private HeaderMap(String[] entries) {
    this.entries = entries;
  }

  /** The empty map. */
  public static HeaderMap of() {
    return EMPTY;
  }

  /** A map of one header. */
  public static HeaderMap of(String name, String value) {
    return new HeaderMap(new String[] {name, value});
  }

  /** A map of two headers, in this order. */
  public static HeaderMap of(String name1, String value1, String name2, String value2) {
    return new HeaderMap(new String[] {name1, value1, name2, value2});
  }

  /**
   * A map of alternating names and values, in this order.
   *
   * @param namesAndValues name, value, name, value, ...
   * @return the map
   */
  public static HeaderMap ofEntries(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up: " + namesAndValues.length);
    }
    for (String entry : namesAndValues) {
      Objects.requireNonNull(entry, "header name or value");
    }
    return namesAndValues.length == 0 ? EMPTY : new HeaderMap(namesAndValues.clone());
  }

  /**
   * {@code headers} itself when it is a HeaderMap, otherwise an ordered copy; nulls are refused.
   */
  public static HeaderMap copyOf(Map<String, String> headers) {
    if (headers instanceof HeaderMap map) {
      return map;
    }
    String[] entries = new String[headers.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      entries[i++] = Objects.requireNonNull(header.getKey(), "header name");
      entries[i++] = Objects.requireNonNull(header.getValue(), "header value");
    }
    return new HeaderMap(entries);
  }

  /**
   * This map followed by more headers.
   *
   * @param namesAndValues name, value, name, value, ...; not kept
   * @return a new map, or this one when there are none
   */
  public HeaderMap plus(String[] namesAndValues) {
    if (namesAndValues.length == 0) {
      return this;
    }
    String[] joined = java.util.Arrays.copyOf(entries, entries.length + namesAndValues.length);
    System.arraycopy(namesAndValues, 0, joined, entries.length, namesAndValues.length);
    return new HeaderMap(joined);
  }

  /** The number of headers. */
  @Override
  public int size() {
    return entries.length / 2;
  }

  /** The name at {@code index}, in insertion order. */
  public String name(int index) {
    return entries[2 * index];
  }

  /** The value at {@code index}, in insertion order. */
  public String value(int index) {
    return entries[2 * index + 1];
  }

  @Override
  public @Nullable String get(Object key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        return entries[i + 1];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < entries.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= entries.length) {
              throw new NoSuchElementException();
            }
            int i = next;
            next += 2;
            return new SimpleImmutableEntry<>(entries[i], entries[i + 1]);
          }
        };
      }

      @Override
      public int size() {
        return entries.length / 2;
      }
    };
  }
}
