package org.salespipeline.scoring;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Pipeline;
import org.salespipeline.scoring.internal.Metrics;

/**
 * Evaluates a scorer on closed deals with a time split: it learns from what was known at the split
 * instant and predicts the deals that closed after it.
 *
 * <p>Learning: the deals as they were at {@code splitAt}, those closed then (see
 * {@link ScoringContext#closedHistory()}). Testing: every deal of the pipeline that is now closed
 * and closed after {@code splitAt}, scored as it was at {@code splitAt} (or when it was opened, if
 * later) and compared with its outcome. A deal that was closed at {@code splitAt} and reopened is
 * not a test deal. Nothing after {@code splitAt} is learned from.
 *
 * <pre>{@code
 * BacktestReport report = Backtest.run(NaiveBayesScorer.of("source", "segment"), pipeline, deals,
 *     Instant.parse("2025-09-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Backtest {

  private Backtest() {}

  /**
   * Runs the backtest.
   *
   * @param scorer the scorer, not null; trained on the deals known at the split if it learns
   * @param pipeline the pipeline, not null
   * @param deals every deal, not null, none null
   * @param splitAt the split instant, not null
   * @return the report, never null; its figures are empty where undefined, with a note saying why
   */
  public static BacktestReport run(Scorer scorer, Pipeline pipeline, Collection<Deal> deals, Instant splitAt) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(splitAt, "splitAt");
    ScoringContext training = ScoringContext.of(pipeline, splitAt).withHistory(deals);
    int trainingDeals = training.closedHistory().size();
    List<String> notes = new ArrayList<>();
    if (trainingDeals == 0 && scorer.learns()) {
      notes.add("no deal was closed at or before " + splitAt + ": '" + SafeScoring.safeId(scorer) + "' has nothing to learn from");
    }
    Either<RuntimeException, Scorer> trained = SafeScoring.train(scorer, training);
    List<Double> predicted = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    List<ScoringFailure> failures = new ArrayList<>();
    for (Deal deal : deals) {
      Objects.requireNonNull(deal, "deals must not contain null");
      if (!deal.pipelineId().equals(pipeline.id()) || deal.isOpen() || !deal.closedAt().get().isAfter(splitAt)) {
        continue;
      }
      Instant point = deal.createdAt().isAfter(splitAt) ? deal.createdAt() : splitAt;
      Option<Deal> then = deal.asOf(point).filter(Deal::isOpen);
      if (then.isEmpty()) {
        continue;
      }
      if (trained.isLeft()) {
        RuntimeException cause = trained.getLeft();
        failures.add(cause instanceof NotScorableException
            ? new ScoringFailure.NotScorable(SafeScoring.safeId(scorer), deal.id(), String.valueOf(cause.getMessage()))
            : new ScoringFailure.Threw(SafeScoring.safeId(scorer), deal.id(), cause));
        continue;
      }
      Either<ScoringFailure, Double> p = SafeScoring.probability(trained.get(), then.get(), training.withAsOf(point));
      if (p.isLeft()) {
        failures.add(p.getLeft());
        continue;
      }
      predicted.add(p.get());
      outcomes.add(deal.status() == DealStatus.WON);
    }
    int n = predicted.size();
    double[] ps = new double[n];
    boolean[] ys = new boolean[n];
    int won = 0;
    for (int i = 0; i < n; i++) {
      ps[i] = predicted.get(i);
      ys[i] = outcomes.get(i);
      won += ys[i] ? 1 : 0;
    }
    if (n == 0) {
      notes.add("no deal closed after " + splitAt + " could be scored: nothing to test on");
    } else if (won == 0 || won == n) {
      notes.add("ROC AUC is undefined: every one of the " + n + " test deals was " + (won == 0 ? "lost" : "won"));
    }
    if (!failures.isEmpty()) {
      notes.add(failures.size() + " test deals could not be scored: " + failures.get(0).message()
          + (failures.size() > 1 ? " (and others)" : ""));
    }
    return new BacktestReport(SafeScoring.safeId(scorer), splitAt, trainingDeals, n, won, Metrics.rocAuc(ps, ys),
        Metrics.brier(ps, ys), Metrics.logLoss(ps, ys), Metrics.calibration(ps, ys, 10), failures, notes);
  }
}
