package org.salespipeline.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A deal's free attributes: an unmodifiable, insertion-ordered map with no null or blank key and
 * no null value, held as one array of keys and values.
 *
 * <p>Deals have a handful of attributes (source, segment, product), so a linear scan of the array
 * finds a key faster than hashing it, and two objects per map (this and the array) replace the
 * dozen of a {@code LinkedHashMap} behind an unmodifiable view: one deal in a million-deal
 * pipeline is a few hundred bytes, and the attributes were most of them. A deal keeps only the
 * array, shared with the deals it evolves into and its {@link DealEvent.Opened} event, and hands
 * out this view of it.
 */
final class Attributes extends AbstractMap<String, String> {

  private static final Attributes EMPTY = new Attributes(new String[0]);

  /** Keys at even indexes, each followed by its value. */
  private final String[] keysAndValues;

  private Attributes(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** Returns the attributes as an unmodifiable, insertion-ordered map, checking every entry. */
  static Map<String, String> copyOf(Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes instanceof Attributes already) {
      return already;
    }
    if (attributes.isEmpty()) {
      return EMPTY;
    }
    String[] copy = new String[attributes.size() * 2];
    int[] i = {0};
    attributes.forEach((key, value) -> {
      Checks.notBlank(key, "attribute key");
      if (i[0] == copy.length) {
        throw new IllegalArgumentException("attributes changed while being copied");
      }
      copy[i[0]++] = key;
      copy[i[0]++] = Objects.requireNonNull(value, () -> "value of attribute '" + key + "'");
    });
    return new Attributes(i[0] == copy.length ? copy : Arrays.copyOf(copy, i[0]));
  }

  /** The attributes of a deal that has none. */
  static Attributes empty() {
    return EMPTY;
  }

  /** Returns a copy with the key, not blank, set to the value, not null: replaced in place, or added last. */
  Attributes with(String key, String value) {
    return new Attributes(with(keysAndValues, key, value));
  }

  /** Returns the key/value array of the attributes, checking them if they are not one already. */
  static String[] array(Map<String, String> attributes) {
    return ((Attributes) copyOf(attributes)).keysAndValues;
  }

  /** Returns the map of a key/value array made here; the array is shared, never changed. */
  static Map<String, String> view(String[] keysAndValues) {
    return keysAndValues.length == 0 ? EMPTY : new Attributes(keysAndValues);
  }

  /** Returns a copy of the array with the key set to the value: replaced in place, or added last. */
  static String[] with(String[] keysAndValues, String key, String value) {
    int at = indexOf(keysAndValues, key);
    String[] copy;
    if (at >= 0) {
      copy = keysAndValues.clone();
    } else {
      copy = Arrays.copyOf(keysAndValues, keysAndValues.length + 2);
      at = copy.length - 2;
      copy[at] = key;
    }
    copy[at + 1] = value;
    return copy;
  }

  /** Returns a copy of the array without the key, or the array itself if it has no such key. */
  static String[] without(String[] keysAndValues, String key) {
    int at = indexOf(keysAndValues, key);
    if (at < 0) {
      return keysAndValues;
    }
    String[] copy = new String[keysAndValues.length - 2];
    System.arraycopy(keysAndValues, 0, copy, 0, at);
    System.arraycopy(keysAndValues, at + 2, copy, at, copy.length - at);
    return copy;
  }

  /** Returns the value of the key in a key/value array, or null. */
  static @Nullable String get(String[] keysAndValues, String key) {
    int at = indexOf(keysAndValues, key);
    return at < 0 ? null : keysAndValues[at + 1];
  }

  private int indexOf(@Nullable Object key) {
    return indexOf(keysAndValues, key);
  }

  private static int indexOf(String[] keysAndValues, @Nullable Object key) {
    if (key == null) {
      return -1;
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    int at = indexOf(key);
    return at < 0 ? null : keysAndValues[at + 1];
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public boolean isEmpty() {
    return keysAndValues.length == 0;
  }

  // unmodifiable: AbstractMap would accept the mutators that change nothing, so refuse them all

  @Override
  public @Nullable String put(String key, String value) {
    throw unmodifiable();
  }

  @Override
  public void putAll(Map<? extends String, ? extends String> m) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String remove(@Nullable Object key) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super String, ? extends String> function) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String putIfAbsent(String key, String value) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(@Nullable Object key, @Nullable Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean replace(String key, String oldValue, String newValue) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String replace(String key, String value) {
    throw unmodifiable();
  }

  @Override
  public String computeIfAbsent(String key, Function<? super String, ? extends String> function) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String computeIfPresent(String key,
      BiFunction<? super String, ? super String, ? extends @Nullable String> function) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String compute(String key,
      BiFunction<? super String, ? super @Nullable String, ? extends @Nullable String> function) {
    throw unmodifiable();
  }

  @Override
  public @Nullable String merge(String key, String value,
      BiFunction<? super String, ? super String, ? extends @Nullable String> function) {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("a deal's attributes change only through Pipeline.setAttribute");
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
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            Entry<String, String> entry = new SimpleImmutableEntry<>(keysAndValues[next], keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return keysAndValues.length / 2;
      }

      @Override
      public boolean addAll(Collection<? extends Entry<String, String>> entries) {
        throw unmodifiable();
      }

      @Override
      public boolean removeAll(Collection<?> entries) {
        throw unmodifiable();
      }

      @Override
      public boolean retainAll(Collection<?> entries) {
        throw unmodifiable();
      }

      @Override
      public boolean removeIf(Predicate<? super Entry<String, String>> filter) {
        throw unmodifiable();
      }

      @Override
      public void clear() {
        throw unmodifiable();
      }
    };
  }
}
