package org.salespipeline.scoring.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Numbers a fixed set of strings densely and finds a string's number without allocating: the
 * lookup of attribute values and teams on the scorers' fast path.
 *
 * <p>Design: open addressing with linear probing in a power-of-two table at most half full. A probe
 * compares references first: hosts usually share one instance per attribute value (interned reference
 * data), and then the lookup touches neither the key's characters nor a map node. A
 * {@link java.util.HashMap} would box nothing either, but walks a node per lookup. Immutable after
 * construction, so thread-safe.
 */
final class StringIndex {

  private final @Nullable String[] keys;
  private final int[] ids;
  private final int mask;
  private final int size;

  /**
   * Numbers the strings from {@code firstId} on, in list order.
   *
   * @param strings distinct strings
   * @param firstId the number of the first string
   */
  StringIndex(List<String> strings, int firstId) {
    int capacity = Integer.highestOneBit(Math.max(2, strings.size() * 2 - 1)) << 1;
    this.keys = new String[capacity];
    this.ids = new int[capacity];
    this.mask = capacity - 1;
    this.size = strings.size();
    Arrays.fill(ids, -1);
    int id = firstId;
    for (String key : strings) {
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        if (keys[slot].equals(key)) {
          throw new IllegalStateException("bug: string index given '" + key + "' twice");
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      ids[slot] = id++;
    }
  }

  /**
   * Returns the number of a string.
   *
   * @param key the string, or null
   * @return its number, or -1 if the string is null or not indexed
   */
  int idOf(@Nullable String key) {
    if (key == null) {
      return -1;
    }
    int slot = spread(key.hashCode()) & mask;
    for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
      if (k == key || k.equals(key)) {
        return ids[slot];
      }
    }
    return -1;
  }

  /**
   * Returns how many strings are indexed.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
