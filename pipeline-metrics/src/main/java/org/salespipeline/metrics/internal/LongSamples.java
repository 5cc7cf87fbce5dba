package org.salespipeline.metrics.internal;

import java.util.Arrays;

/**
 * A growable sample of {@code long} values (durations in milliseconds, unscaled amounts, hashes)
 * kept as one primitive array: cheap to append, to merge and to sort once.
 *
 * <p>Exact order statistics need every value, and a {@code long[]} is the most compact way to
 * keep them. Merging with {@link #mergeSorted(LongSamples)} sorts each side (if it is not sorted
 * yet) and merges them in linear time, so that in a parallel calculation the sorting happens in
 * the leaves, on every core, and the final result is already sorted.
 *
 * <p>Mutable and not thread-safe: each partial result of a calculation owns its own samples.
 */
public final class LongSamples {

  private static final long[] EMPTY = {};

  private final boolean summed;
  private long[] values = EMPTY;
  private int size;
  private long sum;
  private boolean sorted = true;

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
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(8, size + (size >> 1)));
    }
    if (sorted && size > 0 && values[size - 1] > value) {
      sorted = false;
    }
    values[size++] = value;
    if (summed) {
      sum = Math.addExact(sum, value);
    }
  }

  /**
   * Adds every value of another sample, leaving this one sorted: both sides are sorted if they
   * are not yet, then merged in linear time.
   *
   * @param other the other sample, not this one; it is sorted in place
   */
  public void mergeSorted(LongSamples other) {
    if (other.size == 0) {
      return;
    }
    sortInPlace();
    other.sortInPlace();
    long[] merged = new long[size + other.size];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size && j < other.size) {
      merged[k++] = values[i] <= other.values[j] ? values[i++] : other.values[j++];
    }
    while (i < size) {
      merged[k++] = values[i++];
    }
    while (j < other.size) {
      merged[k++] = other.values[j++];
    }
    values = merged;
    size = merged.length;
    if (summed) {
      sum = Math.addExact(sum, other.sum);
    }
  }

  private void sortInPlace() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
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
   * Sorts the values (once) and returns them in a new array.
   *
   * @return the sorted values
   */
  public long[] sorted() {
    sortInPlace();
    return Arrays.copyOf(values, size);
  }

  /**
   * Returns the value at an index of the current order (the sorted order after {@link #sorted()}
   * or {@link #mergeSorted(LongSamples)}).
   *
   * @param index the index, within [0, size)
   * @return the value
   */
  public long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index must be within [0, " + size + ") but was " + index);
    }
    return values[index];
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
