package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * One row of a calibration table: the deals whose predicted probability fell in
 * {@code [lower, upper)} (the last bin includes 1), how likely the scorer said they were to be won,
 * and how many were.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower the lower bound of predicted probability, inclusive
 * @param upper the upper bound, exclusive (inclusive for the last bin)
 * @param count how many test deals fell in the bin
 * @param won how many of them were won
 * @param meanPredicted the mean predicted probability; none for an empty bin
 * @param observedWinRate won / count; none for an empty bin
 */
public record CalibrationBin(double lower, double upper, int count, int won, Option<Double> meanPredicted,
    Option<Double> observedWinRate) {
  /**
   * Creates the value.
   *
   * @param lower the lower bound
   * @param upper the upper bound
   * @param count how many test deals fell in the bin, 0 or more
   * @param won how many were won, within [0, count]
   * @param meanPredicted the mean predicted probability, not null
   * @param observedWinRate won / count, not null
   * @throws IllegalArgumentException if the counts are inconsistent
   */
  public CalibrationBin {
    Objects.requireNonNull(meanPredicted, "meanPredicted");
    Objects.requireNonNull(observedWinRate, "observedWinRate");
    if (count < 0 || won < 0 || won > count) {
      throw new IllegalArgumentException("won must be within [0, count] but was " + won + " of " + count);
    }
  }
}
