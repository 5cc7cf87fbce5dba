package org.salespipeline.metrics.internal;

import java.util.Arrays;

/**
 * A sample of {@code long} values (durations in milliseconds, unscaled amounts, hashes): cheap to
 * append, to merge and to sort once.
 *
 * <p>Exact order statistics need every value. Appended values go into chunks that double in size
 * up to {@value #MAX_CHUNK} values, so growing never copies what is already there. When the
 * sample is sorted or merged, the appended values are gathered into one array, sorted by
 * {@link RadixSort} and kept as a sorted <em>run</em>. Runs are immutable: merging two samples
 * merges runs into new arrays in linear time, and only while the run below is at most twice as
 * long as the one on top, so that merging many samples one by one copies each value
 * O(log(samples)) times, not once per merge. In a parallel calculation the sorting happens in the
 * leaves, on every core, and the final merges are linear.
 *
 * <p>Mutable and not thread-safe: each partial result of a calculation owns its own samples.
 */
public final class LongSamples {

  private static final long[] EMPTY = {};
  private static final long[][] NONE = {};
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNK = 8192;

  private final boolean summed;
  private int size;
  private long sum;
  /** Appended values not sorted yet: every chunk is full but the last, which holds {@code last}. */
  private long[][] chunks = NONE;
  private int chunkCount;
  private long[] chunk = EMPTY;
  private int last;
  private int appended;
  /** Sorted runs, each more than twice as long as the next. */
  private long[][] runs = NONE;
  private int runCount;

  /** Creates an empty sample that keeps the exact sum of its values. */
  public LongSamples() {
    this(true);
  }

  /**
   * Creates an empty sample.
   *
   * @param summed whether to keep the exact sum (values such as hashes must not be summed)
   */
  public LongSamples(boolean summed) {
    this.summed = summed;
  }

  /**
   * Appends a value.
   *
   * @param value the value
   * @throws ArithmeticException if the sum of a summed sample overflows
   */
  public void add(long value) {
    if (summed) {
      sum = Math.addExact(sum, value);
    }
    if (last == chunk.length) {
      newChunk();
    }
    chunk[last++] = value;
    appended++;
    size++;
  }

  private void newChunk() {
    chunk = new long[Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, chunk.length * 2))];
    last = 0;
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(4, chunkCount * 2));
    }
    chunks[chunkCount++] = chunk;
  }

  /**
   * Adds every value of another sample, sorting the values appended to either since they were
   * last sorted.
   *
   * @param other the other sample, not this one; it must not be changed afterwards
   * @throws IllegalArgumentException if other is this sample
   * @throws ArithmeticException if the sum of a summed sample overflows
   */
  public void mergeSorted(LongSamples other) {
    if (other == this) {
      throw new IllegalArgumentException("other must be another sample, not this one");
    }
    if (other.size == 0) {
      return;
    }
    if (summed) {
      sum = Math.addExact(sum, other.sum);
    }
    sortAppended();
    other.sortAppended();
    for (int r = 0; r < other.runCount; r++) {
      push(other.runs[r]);
    }
    size += other.size;
  }

  /** Sorts the appended values into a run. */
  private void sortAppended() {
    if (appended == 0) {
      return;
    }
    long[] values = new long[appended];
    int at = 0;
    for (int c = 0; c < chunkCount; c++) {
      int length = c == chunkCount - 1 ? last : chunks[c].length;
      System.arraycopy(chunks[c], 0, values, at, length);
      at += length;
    }
    chunks = NONE;
    chunkCount = 0;
    chunk = EMPTY;
    last = 0;
    appended = 0;
    push(RadixSort.sort(values));
  }

  private void push(long[] run) {
    if (runCount == runs.length) {
      runs = Arrays.copyOf(runs, Math.max(4, runCount * 2));
    }
    runs[runCount++] = run;
    while (runCount > 1 && runs[runCount - 2].length <= 2L * runs[runCount - 1].length) {
      mergeTop();
    }
  }

  private void mergeTop() {
    long[] a = runs[runCount - 2];
    long[] b = runs[runCount - 1];
    runs[--runCount] = null;
    runs[runCount - 1] = merge(a, b);
  }

  /** Merges two sorted runs; without a branch on the comparison, which random data mispredicts. */
  private static long[] merge(long[] a, long[] b) {
    long[] merged = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      int first = x <= y ? 1 : 0;
      merged[k++] = first == 1 ? x : y;
      i += first;
      j += 1 - first;
    }
    System.arraycopy(a, i, merged, k, a.length - i);
    System.arraycopy(b, j, merged, k + a.length - i, b.length - j);
    return merged;
  }

  /**
   * Returns the number of values.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the exact sum of the values.
   *
   * @return the sum, zero for a sample that is not summed
   */
  public long sum() {
    return sum;
  }

  /**
   * Returns every value in ascending order. The array is the sample's own, shared with every caller
   * until the sample changes: it must not be modified.
   *
   * @return the sorted values, never null
   */
  public long[] sorted() {
    sortAppended();
    while (runCount > 1) {
      mergeTop();
    }
    return runCount == 0 ? EMPTY : runs[0];
  }

  /**
   * Returns the p-th percentile of sorted values by linear interpolation between order statistics
   * (Hyndman and Fan's type 7, the default of R, NumPy and pandas).
   *
   * @param sorted values sorted ascending, at least one
   * @param p the probability in [0, 1]
   * @return the percentile
   */
  public static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalStateException("bug: percentile of no values");
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double fraction = h - lo;
    return sorted[lo] + fraction * (double) (sorted[lo + 1] - sorted[lo]);
  }
}
