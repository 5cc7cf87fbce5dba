package org.salespipeline.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.salespipeline.metrics.internal.RadixSort;

/**
 * Detects a deal id that appears more than once in one calculation, exactly, without holding the
 * ids as strings: a calculation over millions of deals (a grouped file read deal by deal) must not
 * keep a {@code String} per deal (about 56 bytes for an id of a dozen characters, and its reference)
 * only to be sure that no deal is counted twice.
 *
 * <p>Design: each id is appended to chunks of bytes in its wire form (its length, then each char,
 * as unsigned LEB128 varints: one byte a character for ASCII), so an id of a dozen ASCII characters
 * takes 13 bytes. Chunks double in size up to {@value #MAX_CHUNK} bytes, so growing never copies;
 * merging takes the other check's chunks as they are (new ids then go to a chunk of their own,
 * never into a shared one). The check, once per report, hashes every id to 64 bits, sorts the
 * hashes, and compares only the ids whose hash repeats: exact (two ids are said to be equal only
 * when every character is), in one pass over the ids however many hashes repeat. The ids' bytes
 * are what {@link #writeTo} writes, as they are.
 */
final class IdCheck {

  private static final byte[][] NONE = {};
  private static final int FIRST_CHUNK = 256;
  private static final int MAX_CHUNK = 1 << 16;

  private byte[][] chunks = NONE;
  /** The bytes in use of each chunk. */
  private int[] used = {};
  private int chunkCount;
  /** The chunk ids are appended to, this check's own; null when the last chunk is shared or there is none. */
  private byte @Nullable [] chunk;
  private int at;
  private int size;

  void add(String id) {
    int most = 5 + 3 * id.length(); // a length takes at most 5 bytes, a char at most 3
    if (chunk == null || at + most > chunk.length) {
      newChunk(most);
    }
    byte[] b = chunk;
    int i = unsigned(b, at, id.length());
    for (int c = 0; c < id.length(); c++) {
      char ch = id.charAt(c);
      if (ch < 0x80) {
        b[i++] = (byte) ch;
      } else {
        i = unsigned(b, i, ch);
      }
    }
    at = i;
    used[chunkCount - 1] = i;
    size++;
  }

  private void newChunk(int least) {
    int previous = chunkCount == 0 ? 0 : chunks[chunkCount - 1].length;
    chunk = new byte[Math.max(least, Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, 2 * previous)))];
    at = 0;
    append(chunk, 0);
  }

  private void append(byte[] bytes, int length) {
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(4, 2 * chunkCount));
      used = Arrays.copyOf(used, chunks.length);
    }
    chunks[chunkCount] = bytes;
    used[chunkCount++] = length;
  }

  /** An unsigned LEB128 varint, as {@link PartialResultFormat.Out#unsigned(long)} writes it. */
  private static int unsigned(byte[] b, int at, int value) {
    int i = at;
    int v = value;
    while ((v & ~0x7f) != 0) {
      b[i++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[i++] = (byte) v;
    return i;
  }

  /** Takes the ids of another check, which must not be used afterwards. */
  void addAll(IdCheck other) {
    for (int c = 0; c < other.chunkCount; c++) {
      if (other.used[c] > 0) {
        append(other.chunks[c], other.used[c]);
      }
    }
    size += other.size;
    chunk = null; // the last chunk may be the other's: later ids go to a new one
  }

  /**
   * Throws naming a duplicated id if there is one: the smallest of the ids whose hash appears
   * more than once and that are really equal. Finding them takes one pass over the ids however
   * many hashes repeat.
   */
  void check() {
    if (size < 2) {
      return;
    }
    long[] hashes = new long[size];
    Ids ids = new Ids();
    for (int i = 0; i < size; i++) {
      hashes[i] = ids.nextHash();
    }
    long[] sorted = RadixSort.sort(hashes);
    long[] suspect = {};
    int repeats = 0;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1] && (i == 1 || sorted[i - 1] != sorted[i - 2])) {
        if (repeats == suspect.length) {
          suspect = Arrays.copyOf(suspect, Math.max(8, 2 * repeats));
        }
        suspect[repeats++] = sorted[i];
      }
    }
    if (repeats == 0) {
      return;
    }
    suspect = Arrays.copyOf(suspect, repeats); // ascending, each once
    List<String> candidates = new ArrayList<>();
    ids = new Ids();
    for (int i = 0; i < size; i++) {
      if (Arrays.binarySearch(suspect, ids.nextHash()) >= 0) {
        candidates.add(ids.text());
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
    int h = 0;
    int fnv = 0x811c9dc5;
    for (int i = 0; i < id.length(); i++) {
      h = 31 * h + id.charAt(i);
      fnv = (fnv ^ id.charAt(i)) * 0x01000193;
    }
    return hash(h, fnv);
  }

  private static long hash(int stringHash, int fnv) {
    return ((long) stringHash << 32) | (fnv & 0xffffffffL);
  }

  /** Reads the ids back in the order they came, from the chunks in use. */
  private final class Ids {

    private int c = -1;
    private byte[] b = {};
    private int at;
    /** Where the id last hashed starts in {@code b}. */
    private int start;

    /** Moves to the next id (it has one) and returns its {@link #hash(String)}. */
    long nextHash() {
      while (at == (c < 0 ? 0 : used[c])) {
        b = chunks[++c];
        at = 0;
      }
      start = at;
      int length = unsigned();
      int h = 0;
      int fnv = 0x811c9dc5;
      for (int i = 0; i < length; i++) {
        int ch = unsigned();
        h = 31 * h + ch;
        fnv = (fnv ^ ch) * 0x01000193;
      }
      return hash(h, fnv);
    }

    /** The id last hashed. */
    String text() {
      int end = at;
      at = start;
      char[] chars = new char[unsigned()];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) unsigned();
      }
      at = end;
      return new String(chars);
    }

    private int unsigned() {
      int value = 0;
      int shift = 0;
      byte next;
      do {
        next = b[at++];
        value |= (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      return value;
    }
  }

  // ------------------------------------------------------------------------------ wire form

  /** The ids in the order they came, each as {@link PartialResultFormat.Out#string(String)} writes it. */
  void writeTo(PartialResultFormat.Out out) {
    out.unsigned(size);
    for (int c = 0; c < chunkCount; c++) {
      out.raw(chunks[c], used[c]);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    int count = in.items("the number of deal ids");
    for (int i = 0; i < count; i++) {
      add(in.string("a deal id"));
    }
  }

  int size() {
    return size;
  }
}
