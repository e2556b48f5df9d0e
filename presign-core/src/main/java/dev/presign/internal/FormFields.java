package dev.presign.internal;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A POST form's fields: an immutable, insertion-ordered map whose every text form (the map's, its
 * entry set's, its values' and each entry's {@code toString()}) shows the policy, the signature and
 * the session token as {@code (redacted)}. Applications log maps without thinking; the values stay
 * readable through {@link #get(Object)} and iteration. Equality and hash code are those of any
 * {@link Map}.
 */
public final class FormFields extends AbstractMap<String, String> {
  private static final Set<String> SECRET =
      Set.of("policy", "x-amz-signature", "x-amz-security-token");
  private static final String REDACTED = "(redacted)";

  private final List<Field> fields;

  private FormFields(List<Field> fields) {
    this.fields = fields;
  }

  /**
   * An immutable copy, in the map's iteration order.
   *
   * @param fields the form fields
   * @return the copy, or {@code fields} itself when it already is one
   */
  public static FormFields copyOf(Map<String, String> fields) {
    if (fields instanceof FormFields already) {
      return already;
    }
    List<Field> copy = new ArrayList<>(fields.size());
    for (Map.Entry<String, String> entry : fields.entrySet()) {
      copy.add(
          new Field(
              Objects.requireNonNull(entry.getKey(), "field name"),
              Objects.requireNonNull(entry.getValue(), "field value")));
    }
    return new FormFields(List.copyOf(copy));
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        Iterator<Field> it = fields.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<String, String> next() {
            return it.next();
          }
        };
      }

      @Override
      public int size() {
        return fields.size();
      }

      @Override
      public String toString() {
        return fields.toString();
      }
    };
  }

  @Override
  public Collection<String> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<String> iterator() {
        Iterator<Field> it = fields.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public String next() {
            return it.next().getValue();
          }
        };
      }

      @Override
      public int size() {
        return fields.size();
      }

      @Override
      public String toString() {
        List<String> shown = new ArrayList<>(fields.size());
        for (Field field : fields) {
          shown.add(field.shownValue());
        }
        return shown.toString();
      }
    };
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (Field field : fields) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(field);
    }
    return out.append('}').toString();
  }

  /** One field; its {@code toString()} redacts a secret value. */
  private static final class Field extends AbstractMap.SimpleImmutableEntry<String, String> {
    private static final long serialVersionUID = 1L;

    Field(String name, String value) {
      super(name, value);
    }

    String shownValue() {
      return SECRET.contains(getKey().toLowerCase(java.util.Locale.ROOT)) ? REDACTED : getValue();
    }

    @Override
    public String toString() {
      return getKey() + '=' + shownValue();
    }
  }
}
