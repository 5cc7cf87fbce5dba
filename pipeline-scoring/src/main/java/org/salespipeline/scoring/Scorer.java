package org.salespipeline.scoring;

import org.salespipeline.core.Deal;

/**
 * The scoring SPI: turns a deal into a win probability in [0, 1] with an explanation.
 *
 * <p>A scorer has a stable {@link #id()} (lower-case words joined by hyphens, such as
 * {@code naive-bayes}) by which hosts, registries and command lines name it. It is found through
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.salespipeline.scoring.Scorer} and declare
 * {@code provides org.salespipeline.scoring.Scorer with ...} in {@code module-info}; a public
 * no-argument constructor is required) by {@link ScorerRegistry#discover()}, or passed explicitly.
 *
 * <p>Two paths score a deal: {@link #score} returns the explained {@link Score};
 * {@link #probability} returns the bare number and is the hot path when millions of deals are
 * ranked, so implementations should override it to avoid building the explanation. Both must
 * agree.
 *
 * <p>A scorer that learns (naive Bayes, historical win rate) is first trained with
 * {@link #trainedOn(ScoringContext)}, which returns an immutable trained scorer with the same id;
 * {@link SafeScoring}, {@link Prioritiser} and {@link Backtest} do that for you. A scorer that does not
 * learn returns itself.
 *
 * <p>Implementations must be thread-safe and should be immutable. They must not read the clock:
 * the instant to score at is {@link ScoringContext#asOf()}. A scorer that cannot score a deal
 * throws {@link NotScorableException}; any other exception, a {@code NaN} or a value outside
 * [0, 1] is a misbehaving scorer, contained by {@link SafeScoring} as a {@link ScoringFailure}.
 */
public interface Scorer {

  /**
   * Returns the stable id of this scorer, such as {@code scorecard}.
   *
   * @return the id, never null or blank
   */
  String id();

  /**
   * Scores a deal and explains the score.
   *
   * @param deal the deal, not null
   * @param context the pipeline, the instant to score at and, for learners, the deals learned from; not null
   * @return the score, never null
   * @throws NotScorableException if this scorer cannot score the deal (for instance, it learned from no deals)
   */
  Score score(Deal deal, ScoringContext context);

  /**
   * Returns the deal's win probability without an explanation: the fast path. It must equal
   * {@code score(deal, context).probability()}; the default does exactly that.
   *
   * @param deal the deal, not null
   * @param context the pipeline, the instant to score at and the deals learned from; not null
   * @return the probability within [0, 1]
   * @throws NotScorableException if this scorer cannot score the deal
   */
  default double probability(Deal deal, ScoringContext context) {
    return score(deal, context).probability();
  }

  /**
   * Tells whether this scorer learns from closed deals, so needs {@link #trainedOn} before scoring.
   *
   * @return true for learning scorers; false by default
   */
  default boolean learns() {
    return false;
  }

  /**
   * Tells whether this scorer is ready to score: true for scorers that do not learn and for trained
   * ones. {@link SafeScoring#scoreAll} and {@link Prioritiser} train a scorer that is not ready on their
   * context, and use a ready one as it is; {@link Backtest} always trains at its split.
   *
   * @return true if ready; by default, true unless {@link #learns()}
   */
  default boolean isTrained() {
    return !learns();
  }

  /**
   * Returns this scorer trained on the closed deals of a context, as they were at its as-of
   * instant: an immutable model with the same id. Scorers that do not learn return themselves.
   *
   * @param context the pipeline, the as-of instant and the deals to learn from; not null
   * @return the trained scorer, never null
   */
  default Scorer trainedOn(ScoringContext context) {
    java.util.Objects.requireNonNull(context, "context");
    return this;
  }

  /**
   * Returns a trainer that learns from deals given one at a time and then gives this scorer
   * trained, equal to {@link #trainedOn} over the same deals ({@link ScorerTrainer} says exactly
   * how): for hosts that read deals from a file or a database and should not hold them all. The
   * built-in learners count as the deals come; this default keeps the closed deals (as of the
   * context's as-of instant) and calls {@link #trainedOn} at the end, and for a scorer that does
   * not learn keeps nothing and gives this scorer.
   *
   * @param context the pipeline and the as-of instant; its history, if any, is learned from first;
   *     not null
   * @return a new trainer, never null
   */
  default ScorerTrainer trainer(ScoringContext context) {
    return new CollectingTrainer(this, context);
  }
}
