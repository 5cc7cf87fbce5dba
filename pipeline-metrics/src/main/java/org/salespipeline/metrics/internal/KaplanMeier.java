package org.salespipeline.metrics.internal;


/**
 * The Kaplan–Meier product-limit estimate of a survival function from event times and censoring
 * times. At a time where both occur, the events are counted first: a subject censored at {@code t}
 * is still at risk at {@code t} (the usual convention, as in R's {@code survival} and lifelines).
 *
 * <p>Immutable once built.
 */
public final class KaplanMeier {

  private final long[] times;
  private final long[] atRisk;
  private final long[] events;
  private final double[] survival;

  private KaplanMeier(long[] times, long[] atRisk, long[] events, double[] survival) {
    this.times = times;
    this.atRisk = atRisk;
    this.events = events;
    this.survival = survival;
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
      s *= 1.0 - (double) d / risk;
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
   * Returns the index of the first step whose survival is at or below one half (the median
   * survival time as lifelines defines it), or -1 if the curve never gets there.
   *
   * @return the step index, or -1
   */
  public int medianStep() {
    for (int i = 0; i < survival.length; i++) {
      if (survival[i] <= 0.5) {
        return i;
      }
    }
    return -1;
  }
}
