package org.salespipeline.history;

/**
 * The deal ids a grouped reading has finished, kept as 64-bit hashes in an open-addressing table
 * (between 11 and 22 bytes per deal) instead of the 100 or so of a {@code HashSet<String>}, so that checking
 * that a file is really grouped does not cost the memory grouping saves. Two different ids share a
 * hash with a probability of about n²/2⁶⁵ (one in 36 million for a million deals); such a clash
 * would make a grouped file be reported as not grouped, never the other way round.
 */
final class SeenIds {

  private long[] table = new long[1024];
  private boolean zeroSeen;
  private int size;

  /** Adds an id; returns false if it (or an id with the same hash) was already there. */
  boolean add(String id) {
    long hash = hash(id);
    if (hash == 0) {
      boolean added = !zeroSeen;
      zeroSeen = true;
      return added;
    }
    if (4 * (size + 1) > 3 * table.length) { // at most three quarters full
      grow();
    }
    if (!insert(table, hash)) {
      return false;
    }
    size++;
    return true;
  }

  boolean contains(String id) {
    long hash = hash(id);
    if (hash == 0) {
      return zeroSeen;
    }
    int mask = table.length - 1;
    for (int i = (int) (hash ^ (hash >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
      if (table[i] == hash) {
        return true;
      }
    }
    return false;
  }

  private static boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    int i = (int) (hash ^ (hash >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == hash) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = hash;
    return true;
  }

  private void grow() {
    long[] bigger = new long[table.length * 2];
    for (long hash : table) {
      if (hash != 0) {
        insert(bigger, hash);
      }
    }
    table = bigger;
  }

  /** FNV-1a over the UTF-16 code units, then a 64-bit finaliser (SplitMix64) to spread the bits. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
