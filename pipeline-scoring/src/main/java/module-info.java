/**
 * Deal scoring: how likely is a deal to close, why, and which deals to work first.
 *
 * <p>A {@link org.salespipeline.scoring.Scorer} turns a deal into a probability with an
 * explanation. Built-ins: {@link org.salespipeline.scoring.QualificationScorecard},
 * {@link org.salespipeline.scoring.PointsScorer}, {@link org.salespipeline.scoring.StageProbabilityScorer},
 * {@link org.salespipeline.scoring.HistoricalWinRateScorer},
 * {@link org.salespipeline.scoring.NaiveBayesScorer} (Odoo-compatible) and
 * {@link org.salespipeline.scoring.CompositeScorer}. Plugins are found with
 * {@link java.util.ServiceLoader} through {@link org.salespipeline.scoring.ScorerRegistry}.
 * {@link org.salespipeline.scoring.SafeScoring} contains misbehaving scorers,
 * {@link org.salespipeline.scoring.Prioritiser} ranks open deals by expected value and
 * {@link org.salespipeline.scoring.Backtest} evaluates a scorer on closed deals.
 *
 * <p>Logs through the SLF4J API only (the host chooses the binding): a scorer plugin that cannot be
 * loaded and a scorer cut off by its timeout at WARN, once per problem; nothing else, and never
 * on the path that scores each deal.
 */
@org.jspecify.annotations.NullMarked
module org.salespipeline.scoring {
  requires transitive org.salespipeline.core;
  requires org.slf4j;
  requires static org.jspecify;
  // compile-only: core's value types carry Immutables annotations that javadoc must resolve
  requires static org.immutables.value.annotations;

  exports org.salespipeline.scoring;

  uses org.salespipeline.scoring.Scorer;
}
