package org.salespipeline.metrics.internal;

/**
 * The Wilson score interval for a binomial proportion, without continuity correction (method 3 of
 * Newcombe, "Two-sided confidence intervals for the single proportion", Statistics in Medicine
 * 17, 1998).
 */
public final class Wilson {

  /** The standard normal quantile for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /**
   * Returns the lower and upper bound of the 95% interval.
   *
   * @param proportion the observed proportion in [0, 1]
   * @param n the number of trials, positive
   * @return {lower, upper}, both within [0, 1]
   */
  public static double[] interval95(double proportion, double n) {
    if (n <= 0) {
      throw new IllegalStateException("bug: a Wilson interval needs trials but n was " + n);
    }
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (proportion + z2 / (2 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(proportion * (1 - proportion) / n + z2 / (4 * n * n));
    return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
  }
}
