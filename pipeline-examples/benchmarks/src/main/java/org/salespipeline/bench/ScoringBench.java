package org.salespipeline.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.scoring.NaiveBayesScorer;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.QualificationScorecard;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * The scoring figures: how many deals per second one thread scores through a scorer's fast path
 * ({@link Scorer#probability}), for the BANT scorecard and naive Bayes (trained on the closed deals,
 * features source, segment and product), over every deal as it was at the as-of instant (and, in the
 * table, over the open ones alone: naive Bayes answers closed deals at once); and how long the
 * top-100 prioritisation of all the deals takes. Prints
 *
 * <pre>
 * SCORING &lt;scorer id&gt; deals_per_second=&lt;n&gt;
 * TOPK k=100 deals=&lt;N&gt; ms=&lt;ms&gt;
 * </pre>
 *
 * Training is not timed; the prioritiser gets the trained scorer and the raw deals (it takes each
 * as of the instant itself and ranks the open ones).
 */
final class ScoringBench {

  static final int TOP = 100;
  /** The least number of deals a timed scoring run scores (passes over the deals, repeated). */
  static final int LEAST_SCORED_PER_RUN = 200_000;
  static final List<String> FEATURES = List.of("source", "segment", "product");

  private final Pipeline pipeline;
  private final Timing timing;
  private final ResultsTable table;
  private final PrintStream out;

  ScoringBench(Pipeline pipeline, Timing timing, ResultsTable table, PrintStream out) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.table = Objects.requireNonNull(table, "table");
    this.out = Objects.requireNonNull(out, "out");
  }

  void run(List<Deal> deals, Instant asOf) {
    List<Deal> then = deals.stream().flatMap(deal -> deal.asOf(asOf).toJavaStream()).toList();
    List<Deal> open = then.stream().filter(Deal::isOpen).toList();
    ScoringContext context = ScoringContext.of(pipeline, asOf).withHistory(deals);
    long start = System.nanoTime();
    NaiveBayesScorer bayes = NaiveBayesScorer.of(FEATURES).trainedOn(context);
    out.printf(Locale.ROOT, "scoring: %,d deals as of %s (%,d open); naive Bayes trained on %,d closed deals in"
        + " %.1f s (not timed)%n", then.size(), asOf, open.size(), bayes.closedDealsLearned().getOrElse(0),
        (System.nanoTime() - start) / 1e9);

    Scorer ranker = bayes;
    List<Scorer> scorers = List.of(QualificationScorecard.bant(), bayes);
    if (bayes.closedDealsLearned().getOrElse(0) == 0) {
      out.println("scoring: no deal was closed by then, so naive Bayes cannot score; the scorecard ranks instead");
      ranker = scorers.get(0);
      scorers = scorers.subList(0, 1);
    }
    for (Scorer scorer : scorers) {
      double perSecond = perSecond(scorer, then, context);
      double openPerSecond = perSecond(scorer, open, context);
      out.printf(Locale.ROOT, "SCORING %s deals_per_second=%.0f%n", scorer.id(), perSecond);
      table.figure("scoring, " + scorer.id() + ", one thread", String.format(Locale.ROOT,
          "%,.0f deals/s over all %,d deals; %,.0f deals/s over the %,d open ones", perSecond, then.size(),
          openPerSecond, open.size()));
    }

    Prioritiser prioritiser = Prioritiser.of(ranker);
    Timing.Measured<Ranking> top = timing.median(() -> prioritiser.top(TOP, deals, context));
    int expected = Math.min(TOP, open.size());
    if (top.result().deals().size() != expected) {
      throw new IllegalStateException("bug: the top-" + TOP + " ranking has " + top.result().deals().size()
          + " deals but " + expected + " were expected");
    }
    out.printf(Locale.ROOT, "TOPK k=%d deals=%d ms=%.3f%n", TOP, deals.size(), top.medianMillis());
    table.figure("prioritisation, top " + TOP + " by " + ranker.id(), String.format(Locale.ROOT,
        "%.1f ms for %,d deals (%,d open ranked)", top.medianMillis(), deals.size(), top.result().considered()));
  }

  /**
   * Deals scored per second by one thread: the median run over the deals. A run scores the deals
   * as many times as it takes to score at least {@value #LEAST_SCORED_PER_RUN}, so that with a few
   * thousand deals the warm-up compiles the scorer and a run is not a fraction of a millisecond.
   */
  private double perSecond(Scorer scorer, List<Deal> deals, ScoringContext context) {
    if (deals.isEmpty()) {
      return 0;
    }
    int passes = (LEAST_SCORED_PER_RUN + deals.size() - 1) / deals.size();
    Timing.Measured<Double> measured = timing.median(() -> {
      double sum = 0;
      for (int pass = 0; pass < passes; pass++) {
        for (Deal deal : deals) {
          sum += scorer.probability(deal, context);
        }
      }
      return sum;
    });
    return (double) passes * deals.size() / (measured.medianMillis() / 1000.0);
  }
}
