package org.salespipeline.metrics;

import org.salespipeline.metrics.internal.Wilson;

/**
 * A proportion with its 95% Wilson score interval (Newcombe 1998, method 3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the observed proportion, within [0, 1]
 * @param lower the lower bound of the 95% interval, within [0, value]
 * @param upper the upper bound of the 95% interval, within [value, 1]
 * @param trials the number of trials the proportion is over, positive (for a value rate: the
 *     number of priced deals)
 */
public record Rate(double value, double lower, double upper, long trials) {

  /**
   * Creates the value, checking its bounds.
   *
   * @param value the observed proportion, within [0, 1]
   * @param lower the lower bound of the 95% interval, within [0, value]
   * @param upper the upper bound of the 95% interval, within [value, 1]
   * @param trials the number of trials, positive
   * @throws IllegalArgumentException if a bound is out of order or outside [0, 1], or trials is
   *     not positive
   */
  public Rate {
    if (!(0 <= lower && lower <= value && value <= upper && upper <= 1)) {
      throw new IllegalArgumentException("rate must satisfy 0 <= lower <= value <= upper <= 1 but was "
          + lower + ", " + value + ", " + upper);
    }
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be positive but was " + trials);
    }
  }

  /**
   * Returns the rate of {@code successes} out of {@code trials} with its Wilson interval.
   *
   * @param successes the number of successes, within [0, trials]
   * @param trials the number of trials, positive
   * @return the rate, never null
   * @throws IllegalArgumentException if trials is not positive or successes is outside [0, trials]
   */
  public static Rate of(long successes, long trials) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("successes must be within [0, trials] and trials positive but were "
          + successes + " and " + trials);
    }
    return ofProportion((double) successes / trials, trials);
  }

  /**
   * Returns a proportion observed over {@code trials} with its Wilson interval.
   *
   * @param proportion the proportion, within [0, 1]
   * @param trials the number of trials, positive
   * @return the rate, never null
   * @throws IllegalArgumentException if the proportion is outside [0, 1] or trials is not positive
   */
  public static Rate ofProportion(double proportion, long trials) {
    if (!(proportion >= 0 && proportion <= 1)) {
      throw new IllegalArgumentException("proportion must be within [0, 1] but was " + proportion);
    }
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be positive but was " + trials);
    }
    double[] interval = Wilson.interval95(proportion, trials);
    return new Rate(proportion, Math.min(interval[0], proportion), Math.max(interval[1], proportion), trials);
  }

  /**
   * Returns the rate as a percentage with its interval, such as {@code "35.7% [32.2%, 39.3%]"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return FigureFormat.PLAIN.percent(value) + " [" + FigureFormat.PLAIN.percent(lower) + ", " + FigureFormat.PLAIN.percent(upper) + "]";
  }
}
