package org.salespipeline.metrics.internal;

import java.math.BigInteger;

/**
 * The Kaplan–Meier product-limit estimate of a survival function from event times and censoring
 * times. At a time where both occur, the events are counted first: a subject censored at {@code t}
 * is still at risk at {@code t} (the usual convention, as in R's {@code survival} and lifelines).
 *
 * <p>The median is decided exactly. The survival after step {@code k} is the fraction
 * Π(n<sub>i</sub> − d<sub>i</sub>) / Π n<sub>i</sub> of the counts at risk and the events, and a
 * product of doubles can miss an exact one half (9/10 · 7/9 · 5/7 is 0.5000000000000001 in
 * doubles). Each double factor and product is correctly rounded, so after {@code k} steps the
 * double is within a relative {@code 2k·2^-53} of the fraction: outside a band of twice that
 * around one half the double decides, and inside it the fraction is compared with one half in
 * {@link BigInteger}s. The survival is monotone, so at most a few steps fall in the band; a step
 * whose fraction is exactly one half stores {@code 0.5}.
 *
 * <p>Immutable once built.
 */
public final class KaplanMeier {

  private final long[] times;
  private final long[] atRisk;
  private final long[] events;
  private final double[] survival;
  private final int medianStep;

  private KaplanMeier(long[] times, long[] atRisk, long[] events, double[] survival) {
    this.times = times;
    this.atRisk = atRisk;
    this.events = events;
    this.survival = survival;
    this.medianStep = findMedianStep();
  }

  /**
   * Estimates the curve.
   *
   * @param eventTimes times of the events, sorted ascending
   * @param censorTimes times of the censorings, sorted ascending
   * @return the curve, with one step per distinct event time
   */
  public static KaplanMeier estimate(long[] eventTimes, long[] censorTimes) {
    int n = eventTimes.length + censorTimes.length;
    int distinct = 0;
    for (int e = 0; e < eventTimes.length; e++) {
      if (e == 0 || eventTimes[e] != eventTimes[e - 1]) {
        distinct++;
      }
    }
    long[] times = new long[distinct];
    long[] atRisk = new long[distinct];
    long[] events = new long[distinct];
    double[] survival = new double[distinct];
    int steps = 0;
    int e = 0;
    int c = 0;
    double s = 1.0;
    while (e < eventTimes.length) {
      long t = eventTimes[e];
      while (c < censorTimes.length && censorTimes[c] < t) {
        c++;
      }
      long risk = n - e - c;
      int d = 0;
      while (e < eventTimes.length && eventTimes[e] == t) {
        e++;
        d++;
      }
      s *= (double) (risk - d) / risk; // both integers exact in a double: one rounding
      times[steps] = t;
      atRisk[steps] = risk;
      events[steps] = d;
      survival[steps] = s;
      steps++;
    }
    return new KaplanMeier(times, atRisk, events, survival);
  }

  /**
   * Returns the number of steps (distinct event times).
   *
   * @return the count
   */
  public int steps() {
    return times.length;
  }

  /**
   * Returns the time of a step.
   *
   * @param step the step index
   * @return the time
   */
  public long time(int step) {
    return times[step];
  }

  /**
   * Returns how many were at risk just before a step.
   *
   * @param step the step index
   * @return the count
   */
  public long atRisk(int step) {
    return atRisk[step];
  }

  /**
   * Returns how many events happened at a step.
   *
   * @param step the step index
   * @return the count
   */
  public long events(int step) {
    return events[step];
  }

  /**
   * Returns the estimated survival just after a step.
   *
   * @param step the step index
   * @return the survival in [0, 1]
   */
  public double survival(int step) {
    return survival[step];
  }

  /**
   * Returns the estimated survival at a time: the value of the last step at or before it.
   *
   * @param time the time
   * @return the survival in [0, 1]
   */
  public double survivalAt(long time) {
    double s = 1.0;
    for (int i = 0; i < times.length && times[i] <= time; i++) {
      s = survival[i];
    }
    return s;
  }

  /**
   * Returns the index of the first step whose survival is at or below one half, decided exactly
   * on the counts (the median survival time as lifelines defines it, without its floating-point
   * miss at an exact one half), or -1 if the curve never gets there.
   *
   * @return the step index, or -1
   */
  public int medianStep() {
    return medianStep;
  }

  private int findMedianStep() {
    for (int i = 0; i < survival.length; i++) {
      double tolerance = 4.0 * (i + 1) * 0x1p-53; // twice the bound on the product's relative error
      if (survival[i] > 0.5 * (1 + tolerance)) {
        continue;
      }
      if (survival[i] < 0.5 * (1 - tolerance)) {
        return i;
      }
      int versusHalf = compareWithHalf(i);
      if (versusHalf == 0) {
        survival[i] = 0.5;
      }
      if (versusHalf <= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The sign of S(step) − 1/2, exactly. S = Π(n_i − d_i) / Π n_i over steps 0..step; where no deal
   * was censored between steps i and i + 1, n_(i+1) = n_i − d_i and the two cancel, so only
   * (n_step − d_step) / n_0 and the pairs (n_i − d_i) / n_(i+1) across censorings are multiplied.
   */
  private int compareWithHalf(int step) {
    long[] numerators = new long[step + 1];
    long[] denominators = new long[step + 1];
    int factors = 0;
    numerators[factors] = atRisk[step] - events[step];
    denominators[factors] = atRisk[0];
    factors++;
    for (int i = 0; i < step; i++) {
      long survivors = atRisk[i] - events[i];
      if (survivors != atRisk[i + 1]) {
        numerators[factors] = survivors;
        denominators[factors] = atRisk[i + 1];
        factors++;
      }
    }
    BigInteger twiceNumerator = product(numerators, 0, factors).shiftLeft(1);
    return twiceNumerator.compareTo(product(denominators, 0, factors));
  }

  /** The product of {@code factors[from..to)}, halving the range so the operands grow evenly. */
  private static BigInteger product(long[] factors, int from, int to) {
    if (to - from <= 8) {
      BigInteger p = BigInteger.ONE;
      for (int i = from; i < to; i++) {
        p = p.multiply(BigInteger.valueOf(factors[i]));
      }
      return p;
    }
    int middle = (from + to) >>> 1;
    return product(factors, from, middle).multiply(product(factors, middle, to));
  }
}
