package org.salespipeline.metrics.internal;

import java.util.Arrays;

/**
 * A sample of {@code long} values (durations in milliseconds, unscaled amounts, hashes): cheap to
 * append, to merge and to sort once.
 *
 * <p>Exact order statistics need every value. Appended values go into chunks that double in size
 * up to {@value #MAX_CHUNK} values, so growing never copies what is already there. When the
 * sample is sorted or merged, the appended values are gathered into one array, sorted by
 * {@link RadixSort} and kept as a sorted <em>run</em>. Runs are immutable and shared, never
 * copied, with whoever reads them.
 *
 * <p>Merging two samples pools their runs. A sample made to be read as one array merges runs in
 * linear time as they come, but only while the run below is at most twice as long as the one on
 * top, so that merging many samples one by one copies each value O(log(samples)) times, not once
 * per merge. A sample read through order statistics ({@link #keepingRuns()}) keeps up to
 * {@value #UNMERGED_RUNS} runs as they are and answers {@link #select(long[][], long)} from them:
 * the partial results of a parallel calculation are then pooled without copying anything, the
 * sorting having happened in the leaves, on every core.
 *
 * <p>Mutable and not thread-safe: each partial result of a calculation owns its own samples.
 */
public final class LongSamples {

  private static final long[] EMPTY = {};
  private static final long[][] NONE = {};
  private static final int FIRST_CHUNK = 16;
  private static final int MAX_CHUNK = 8192;
  private static final int UNMERGED_RUNS = 8;

  private final boolean summed;
  /** Runs left unmerged as long as there are at most this many. */
  private final int unmergedRuns;
  private int size;
  private long sum;
  /** Appended values not sorted yet: every chunk is full but the last, which holds {@code last}. */
  private long[][] chunks = NONE;
  private int chunkCount;
  private long[] chunk = EMPTY;
  private int last;
  private int appended;
  /** Sorted runs; beyond {@code unmergedRuns} of them, each more than twice as long as the next. */
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
    this(summed, 1);
  }

  private LongSamples(boolean summed, int unmergedRuns) {
    this.summed = summed;
    this.unmergedRuns = unmergedRuns;
  }

  /**
   * Creates an empty sample that keeps the exact sum of its values and up to
   * {@value #UNMERGED_RUNS} sorted runs unmerged: for a sample read through {@link #runs()} and
   * {@link #select(long[][], long)}.
   *
   * @return the sample, never null
   */
  public static LongSamples keepingRuns() {
    return new LongSamples(true, UNMERGED_RUNS);
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
    if (runCount <= unmergedRuns) {
      return;
    }
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
   * Returns every value as sorted runs, without merging them. The arrays are the sample's own,
   * shared with every caller: they must not be modified.
   *
   * @return the runs, none empty; no run if the sample is empty
   */
  public long[][] runs() {
    sortAppended();
    return Arrays.copyOf(runs, runCount);
  }

  /**
   * Returns the values of sorted runs merged into one sorted array.
   *
   * @param runs sorted runs, not null, left unchanged
   * @return the sorted values: the run itself if there is only one, never null
   */
  public static long[] merged(long[][] runs) {
    if (runs.length == 0) {
      return EMPTY;
    }
    long[] merged = runs[0];
    for (int r = 1; r < runs.length; r++) {
      merged = merge(merged, runs[r]);
    }
    return merged;
  }

  /**
   * Returns the value of a rank among the values of sorted runs (the rank-th smallest, from 0),
   * without merging them: a binary search over the values that counts, in each run, how many are
   * at most the middle one.
   *
   * @param runs sorted runs, not null
   * @param rank the rank, within [0, the number of values)
   * @return the value
   */
  public static long select(long[][] runs, long rank) {
    if (runs.length == 1) {
      return runs[0][Math.toIntExact(rank)];
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long[] run : runs) {
      lo = Math.min(lo, run[0]);
      hi = Math.max(hi, run[run.length - 1]);
    }
    while (lo < hi) {
      long mid = (lo & hi) + ((lo ^ hi) >> 1); // the floor of the mean, without overflow
      if (countAtMost(runs, mid) > rank) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static long countAtMost(long[][] runs, long value) {
    long count = 0;
    for (long[] run : runs) {
      int lo = 0;
      int hi = run.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (run[mid] <= value) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      count += lo;
    }
    return count;
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
    return percentile(new long[][] {sorted}, sorted.length, p);
  }

  /**
   * Returns the p-th percentile of the values of sorted runs, as {@link #percentile(long[], double)}
   * of the merged values.
   *
   * @param runs sorted runs, not null
   * @param count the number of values in the runs, at least one
   * @param p the probability in [0, 1]
   * @return the percentile
   */
  public static double percentile(long[][] runs, long count, double p) {
    if (count == 0) {
      throw new IllegalStateException("bug: percentile of no values");
    }
    double h = (count - 1) * p;
    long lo = (long) Math.floor(h);
    if (lo >= count - 1) {
      return select(runs, count - 1);
    }
    double fraction = h - lo;
    long low = select(runs, lo);
    long high = select(runs, lo + 1);
    return low + fraction * (double) (high - low);
  }
}
