package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How well a scorer predicted the outcome of deals closed after a split instant, having learned only
 * from what was known at it.
 *
 * <p>An undefined figure is an empty {@code Option}, never NaN; {@link #notes()} says why (no test
 * deal, a single outcome, nothing to learn from). Immutable and thread-safe. {@link #toString()} is
 * a readable table.
 *
 * @param scorerId the scorer evaluated
 * @param splitAt the split instant: learned from deals closed at or before it, tested on deals closed after it
 * @param trainingDeals how many closed deals there were to learn from
 * @param testDeals how many test deals were scored
 * @param won how many of those were won
 * @param rocAuc the area under the ROC curve (Mann–Whitney, ties count half); none with one outcome only
 * @param brierScore the mean squared error of the probabilities (0 is perfect); none without test deals
 * @param logLoss the mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]; none without test deals
 * @param calibration ten bins of predicted probability, 0–10 % to 90–100 %; copied
 * @param failures the test deals the scorer failed on; copied
 * @param notes why a figure is undefined, or what else a reader must know; copied
 */
public record BacktestReport(String scorerId, Instant splitAt, int trainingDeals, int testDeals, int won,
    Option<Double> rocAuc, Option<Double> brierScore, Option<Double> logLoss, List<CalibrationBin> calibration,
    List<ScoringFailure> failures, List<String> notes) {

  /**
   * Creates the value, copying the lists.
   *
   * @param scorerId the scorer, not null
   * @param splitAt the split instant, not null
   * @param trainingDeals closed deals learned from
   * @param testDeals test deals scored
   * @param won test deals won
   * @param rocAuc ROC AUC, not null
   * @param brierScore Brier score, not null
   * @param logLoss log loss, not null
   * @param calibration the calibration table, not null
   * @param failures the failures, not null
   * @param notes the notes, not null
   */
  public BacktestReport {
    Objects.requireNonNull(scorerId, "scorerId");
    Objects.requireNonNull(splitAt, "splitAt");
    Objects.requireNonNull(rocAuc, "rocAuc");
    Objects.requireNonNull(brierScore, "brierScore");
    Objects.requireNonNull(logLoss, "logLoss");
    calibration = List.copyOf(Objects.requireNonNull(calibration, "calibration"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }

  /**
   * Returns how many test deals were lost.
   *
   * @return the count
   */
  public int lost() {
    return testDeals - won;
  }

  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder t = new StringBuilder();
    t.append("Backtest of '").append(scorerId).append("' split at ").append(splitAt).append(nl);
    t.append(String.format(Locale.ROOT, "learned from %d closed deals; tested on %d (%d won, %d lost)%n",
        trainingDeals, testDeals, won, lost()));
    t.append("ROC AUC     ").append(fmt(rocAuc)).append(nl);
    t.append("Brier score ").append(fmt(brierScore)).append(nl);
    t.append("log loss    ").append(fmt(logLoss)).append(nl);
    t.append(String.format(Locale.ROOT, "%-11s %6s %6s %10s %9s%n", "predicted", "deals", "won", "mean pred", "observed"));
    for (CalibrationBin b : calibration) {
      t.append(String.format(Locale.ROOT, "%3.0f-%3.0f %%   %6d %6d %10s %9s%n", b.lower() * 100, b.upper() * 100,
          b.count(), b.won(), fmt(b.meanPredicted()), fmt(b.observedWinRate())));
    }
    if (!failures.isEmpty()) {
      t.append(failures.size()).append(" test deals could not be scored").append(nl);
    }
    for (String note : notes) {
      t.append("note: ").append(note).append(nl);
    }
    return t.toString();
  }

  private static String fmt(Option<Double> value) {
    return value.map(v -> String.format(Locale.ROOT, "%.4f", v)).getOrElse("-");
  }
}
