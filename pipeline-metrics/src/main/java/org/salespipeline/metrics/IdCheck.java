package org.salespipeline.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * Detects a deal id that appears more than once in one calculation without a hash set: each id
 * is kept as a 64-bit hash (and a reference), the hashes are sorted (in the leaves of a parallel
 * calculation, merged in linear time above them), and only an equal pair of hashes is checked
 * against the ids themselves.
 */
final class IdCheck {

  private final LongSamples hashes = new LongSamples(false);
  private final List<String> ids = new ArrayList<>();

  void add(String id) {
    hashes.add(hash(id));
    ids.add(id);
  }

  void addAll(IdCheck other) {
    hashes.mergeSorted(other.hashes);
    ids.addAll(other.ids);
  }

  /** Throws naming the first duplicated id (in hash order) if there is one. */
  void check() {
    long[] sorted = hashes.sorted();
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        String duplicate = duplicateWithHash(sorted[i]);
        if (duplicate != null) {
          throw new IllegalArgumentException("deals must have distinct ids but deal " + duplicate
              + " appears more than once in the input; pass each deal once, as of its latest version");
        }
      }
    }
  }

  private @org.jspecify.annotations.Nullable String duplicateWithHash(long hash) {
    List<String> same = new ArrayList<>();
    for (String id : ids) {
      if (hash(id) == hash) {
        same.add(id);
      }
    }
    String[] candidates = same.toArray(new String[0]);
    Arrays.sort(candidates);
    for (int i = 1; i < candidates.length; i++) {
      if (candidates[i].equals(candidates[i - 1])) {
        return candidates[i];
      }
    }
    return null;
  }

  /** String's own hash in the high half, FNV-1a in the low half: a collision of both is rare. */
  static long hash(String id) {
    int fnv = 0x811c9dc5;
    for (int i = 0; i < id.length(); i++) {
      fnv = (fnv ^ id.charAt(i)) * 0x01000193;
    }
    return ((long) id.hashCode() << 32) | (fnv & 0xffffffffL);
  }
}
