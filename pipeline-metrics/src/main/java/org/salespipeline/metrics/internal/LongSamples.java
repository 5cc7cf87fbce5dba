package org.salespipeline.metrics.internal;

import java.util.Arrays;

/**
 * A growable sample of {@code long} values (durations in milliseconds) kept as one primitive
 * array: cheap to append, to merge and to sort once when the calculation finishes. Exact order
 * statistics need every value, and a {@code long[]} is the most compact way to keep them.
 *
 * <p>Mutable and not thread-safe: each partial result of a calculation owns its own samples.
 */
public final class LongSamples {

  private static final long[] EMPTY = {};

  private long[] values = EMPTY;
  private int size;
  private long sum;

  /** Creates an empty sample. */
  public LongSamples() {}

  /**
   * Appends a value.
   *
   * @param value the value
   */
  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(8, size + (size >> 1)));
    }
    values[size++] = value;
    sum = Math.addExact(sum, value);
  }

  /**
   * Appends every value of another sample.
   *
   * @param other the other sample
   */
  public void addAll(LongSamples other) {
    if (other.size == 0) {
      return;
    }
    if (size + other.size > values.length) {
      values = Arrays.copyOf(values, Math.max(size + other.size, size + (size >> 1)));
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size += other.size;
    sum = Math.addExact(sum, other.sum);
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
   * @return the sum
   */
  public long sum() {
    return sum;
  }

  /**
   * Returns the values sorted ascending, in a new array.
   *
   * @return the sorted values
   */
  public long[] sorted() {
    long[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  /**
   * Returns the values in insertion order, in a new array.
   *
   * @return the values
   */
  public long[] toArray() {
    return Arrays.copyOf(values, size);
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
