package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Arrays;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * Count, mean, median, 90th and any other percentile of a sample of durations, in days
 * (milliseconds / 86,400,000). Percentiles interpolate linearly between order statistics
 * (Hyndman and Fan's type 7, the default of R, NumPy and pandas).
 *
 * <p>Every figure but the count is empty when the sample is. Immutable and thread-safe.
 *
 * <p>Design: the durations are kept as the sorted runs of the partial results that were merged
 * (one run after a sequential calculation, one per leaf after a parallel one), and percentiles
 * select their order statistics from the runs: the end of a parallel calculation copies none of
 * the millions of stays.
 */
public final class DurationSummary {

  private static final double MILLIS_PER_DAY = 86_400_000.0;
  private static final DurationSummary EMPTY = new DurationSummary(new long[0][], 0, 0);

  /** Sorted runs of milliseconds, shared with the accumulator they came from: never modified. */
  private final long[][] runs;
  private final long count;
  private final long sumMillis;

  private DurationSummary(long[][] runs, long count, long sumMillis) {
    this.runs = runs;
    this.count = count;
    this.sumMillis = sumMillis;
  }

  static DurationSummary of(LongSamples samples) {
    return samples.size() == 0 ? EMPTY : new DurationSummary(samples.runs(), samples.size(), samples.sum());
  }

  /**
   * Returns the summary of no durations.
   *
   * @return the empty summary, never null
   */
  public static DurationSummary empty() {
    return EMPTY;
  }

  /**
   * Returns the number of durations.
   *
   * @return the count, never negative
   */
  public long count() {
    return count;
  }

  /**
   * Returns the mean duration in days.
   *
   * @return the mean, or none if there are no durations
   */
  public Option<Double> meanDays() {
    return count() == 0 ? Option.none() : Option.some(sumMillis / (double) count() / MILLIS_PER_DAY);
  }

  /**
   * Returns the sum of the durations in days.
   *
   * @return the total, zero if there are no durations
   */
  public double totalDays() {
    return sumMillis / MILLIS_PER_DAY;
  }

  /**
   * Returns the median duration in days (type 7: the mean of the two middle values of an even
   * count).
   *
   * @return the median, or none if there are no durations
   */
  public Option<Double> medianDays() {
    return percentileDays(0.5);
  }

  /**
   * Returns the 90th percentile in days (type 7).
   *
   * @return the percentile, or none if there are no durations
   */
  public Option<Double> p90Days() {
    return percentileDays(0.9);
  }

  /**
   * Returns a percentile in days, by linear interpolation between order statistics (type 7).
   *
   * @param p the probability, within [0, 1]
   * @return the percentile, or none if there are no durations
   * @throws IllegalArgumentException if p is NaN or outside [0, 1]
   */
  public Option<Double> percentileDays(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be within [0, 1] but was " + p);
    }
    return count() == 0 ? Option.none() : Option.some(LongSamples.percentile(runs, count, p) / MILLIS_PER_DAY);
  }

  /** The percentile in milliseconds, for norms compared with ages. */
  double percentileMillis(double p) {
    return LongSamples.percentile(runs, count, p);
  }

  /**
   * The p90 (type 7) as an exact test on durations, read from the runs once: with h = (count − 1)
   * × 9/10 = lo + f/10, the p90 is x[lo] + f/10 × (x[lo + 1] − x[lo]), so a duration d exceeds it
   * when 10 × (d − x[lo]) &gt; f × (x[lo + 1] − x[lo]). The double p90 can land a hair either side
   * of a whole millisecond that a duration equals.
   *
   * <p>Selecting an order statistic from unmerged runs is a search, so the bound is found once and
   * then compared with every age (each open deal's, for stuck deals) in constant time.
   */
  P90Bound p90Bound() {
    if (count == 0) {
      throw new IllegalStateException("bug: p90 of no durations");
    }
    long tenthsOfH = Math.multiplyExact(count - 1, 9L);
    long lo = tenthsOfH / 10;
    long f = tenthsOfH % 10;
    long low = LongSamples.select(runs, lo);
    long spread = f == 0 ? 0 : LongSamples.select(runs, lo + 1) - low;
    return new P90Bound(low, f, spread);
  }

  /**
   * The p90 of durations as x[lo] + tenths/10 × spread (see {@link #p90Bound()}).
   *
   * @param low the order statistic x[lo]
   * @param tenths the fraction of the way to x[lo + 1], in tenths (0..9)
   * @param spread x[lo + 1] − x[lo], or 0 where tenths is 0
   */
  record P90Bound(long low, long tenths, long spread) {

    /** Whether a duration exceeds the p90, exactly. */
    boolean exceededBy(long millis) {
      return Math.multiplyExact(10L, Math.subtractExact(millis, low)) > Math.multiplyExact(tenths, spread);
    }
  }

  /**
   * Equal summaries are of the same durations, however they were split into runs. Written by hand:
   * generated equality would compare the runs as split, and merging them first would copy what the
   * design note keeps from being copied.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof DurationSummary other && count == other.count && sumMillis == other.sumMillis
        && Arrays.equals(LongSamples.merged(runs), LongSamples.merged(other.runs));
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Long.hashCode(sumMillis);
  }

  /**
   * Returns count, mean, median and p90 in days, such as
   * {@code "n=12 mean=30.5 median=28.0 p90=55.1 days"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return "n=" + count() + " mean=" + FigureFormat.PLAIN.days(meanDays()) + " median=" + FigureFormat.PLAIN.days(medianDays())
        + " p90=" + FigureFormat.PLAIN.days(p90Days()) + " days";
  }
}
