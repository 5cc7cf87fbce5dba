package org.salespipeline.scoring.internal;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.salespipeline.scoring.CalibrationBin;

/** Evaluation figures over predicted probabilities and outcomes (true = won). Undefined figures are empty. */
public final class Metrics {

  /** Probabilities are clipped to [EPSILON, 1 - EPSILON] for the log loss, as scikit-learn does. */
  static final double EPSILON = 1e-15;

  private Metrics() {}

  /**
   * ROC AUC as the Mann–Whitney U statistic over (won, lost) pairs, a tie counting half.
   *
   * @param p predicted probabilities
   * @param won outcomes
   * @return the AUC, or none unless both outcomes occur
   */
  public static Option<Double> rocAuc(double[] p, boolean[] won) {
    int n = p.length;
    long positives = 0;
    for (boolean w : won) {
      positives += w ? 1 : 0;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Option.none();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double rankSumPositives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1; // ranks i+1 .. j+1 share their mean
      for (int t = i; t <= j; t++) {
        if (won[order[t]]) {
          rankSumPositives += averageRank;
        }
      }
      i = j + 1;
    }
    double u = rankSumPositives - positives * (positives + 1) / 2.0;
    return Option.some(u / ((double) positives * negatives));
  }

  /**
   * The Brier score: mean of (p - outcome)².
   *
   * @param p predicted probabilities
   * @param won outcomes
   * @return the score, or none without data
   */
  public static Option<Double> brier(double[] p, boolean[] won) {
    if (p.length == 0) {
      return Option.none();
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double d = p[i] - (won[i] ? 1 : 0);
      sum += d * d;
    }
    return Option.some(sum / p.length);
  }

  /**
   * The log loss: mean of -ln(p) for won and -ln(1 - p) for lost, p clipped to [1e-15, 1 - 1e-15].
   *
   * @param p predicted probabilities
   * @param won outcomes
   * @return the loss, or none without data
   */
  public static Option<Double> logLoss(double[] p, boolean[] won) {
    if (p.length == 0) {
      return Option.none();
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.max(EPSILON, Math.min(1 - EPSILON, p[i]));
      sum -= won[i] ? Math.log(q) : Math.log(1 - q);
    }
    return Option.some(sum / p.length);
  }

  /**
   * The calibration table in equal-width bins; the last bin includes 1.
   *
   * @param p predicted probabilities
   * @param won outcomes
   * @param bins how many bins
   * @return the bins, lowest first
   */
  public static List<CalibrationBin> calibration(double[] p, boolean[] won, int bins) {
    int[] count = new int[bins];
    int[] wins = new int[bins];
    double[] sum = new double[bins];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(bins - 1, (int) Math.floor(p[i] * bins));
      count[b]++;
      wins[b] += won[i] ? 1 : 0;
      sum[b] += p[i];
    }
    List<CalibrationBin> table = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      table.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, count[b], wins[b],
          count[b] == 0 ? Option.none() : Option.some(sum[b] / count[b]),
          count[b] == 0 ? Option.none() : Option.some((double) wins[b] / count[b])));
    }
    return table;
  }
}
