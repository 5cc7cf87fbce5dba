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

  /**
   * Throws naming a duplicated id if there is one: the smallest of the ids whose hash appears
   * more than once and that are really equal. Finding them takes one pass over the ids however
   * many hashes repeat.
   */
  void check() {
    long[] sorted = hashes.sorted();
    LongSamples repeated = new LongSamples(false);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1] && (i == 1 || sorted[i - 1] != sorted[i - 2])) {
        repeated.add(sorted[i]);
      }
    }
    if (repeated.size() == 0) {
      return;
    }
    long[] suspect = repeated.sorted();
    List<String> candidates = new ArrayList<>();
    for (String id : ids) {
      if (Arrays.binarySearch(suspect, hash(id)) >= 0) {
        candidates.add(id);
      }
    }
    String[] same = candidates.toArray(new String[0]);
    Arrays.sort(same);
    for (int i = 1; i < same.length; i++) {
      if (same[i].equals(same[i - 1])) {
        throw new IllegalArgumentException("deals must have distinct ids but deal " + same[i]
            + " appears more than once in the input; pass each deal once, as of its latest version");
      }
    }
  }

  /** String's own hash in the high half, FNV-1a in the low half: a collision of both is rare. */
  static long hash(String id) {
    int fnv = 0x811c9dc5;
    for (int i = 0; i < id.length(); i++) {
      fnv = (fnv ^ id.charAt(i)) * 0x01000193;
    }
    return ((long) id.hashCode() << 32) | (fnv & 0xffffffffL);
  }

  // ------------------------------------------------------------------------------ wire form

  /** The ids in the order they came; their hashes are made again when read. */
  void writeTo(PartialResultFormat.Out out) {
    out.unsigned(ids.size());
    for (String id : ids) {
      out.string(id);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    int count = in.items("the number of deal ids");
    for (int i = 0; i < count; i++) {
      add(in.string("a deal id"));
    }
  }

  int size() {
    return ids.size();
  }
}
