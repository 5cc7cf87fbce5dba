package org.salespipeline.scoring;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.salespipeline.core.Deal;
import org.slf4j.LoggerFactory;

/**
 * Runs scorers safely: a scorer that throws, returns {@code NaN} or a value outside [0, 1] gives
 * a {@link ScoringFailure} naming the scorer and the deal, and every other deal is still scored.
 *
 * <pre>{@code
 * ScoredBatch result = SafeScoring.scoreAll(NaiveBayesScorer.of("source", "segment"), openDeals,
 *     ScoringContext.of(pipeline, asOf).withHistory(allDeals));
 * result.failures().forEach(f -> log.warn(f.message()));
 * }</pre>
 *
 * <p>Exceptions are contained, not swallowed: a {@link ScoringFailure.Threw} keeps the exception.
 * Errors other than {@link LinkageError} (a plugin built against another version) are not
 * contained. Stateless and thread-safe.
 */
public final class SafeScoring {

  private SafeScoring() {}

  /**
   * Scores one deal with its explanation, containing the scorer's failures. A learning scorer
   * must already be trained ({@link Scorer#trainedOn}).
   *
   * @param scorer the scorer, not null
   * @param deal the deal, not null
   * @param context the context, not null
   * @return the score, or the failure naming the scorer and the deal
   */
  public static Either<ScoringFailure, Score> score(Scorer scorer, Deal deal, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    String scorerId = safeId(scorer);
    Score score;
    try {
      score = scorer.score(deal, context);
    } catch (NotScorableException e) {
      return Either.left(new ScoringFailure.NotScorable(scorerId, deal.id(), String.valueOf(e.getMessage())));
    } catch (RuntimeException | LinkageError e) {
      return Either.left(new ScoringFailure.Threw(scorerId, deal.id(), e));
    }
    if (score == null) { // a plugin may ignore the contract
      return Either.left(new ScoringFailure.Threw(scorerId, deal.id(),
          new NullPointerException("score(deal, context) returned null")));
    }
    return Either.right(score);
  }

  /**
   * Returns one deal's probability through the scorer's fast path, containing its failures.
   *
   * @param scorer the scorer, not null, already trained if it learns
   * @param deal the deal, not null
   * @param context the context, not null
   * @return the probability within [0, 1], or the failure naming the scorer and the deal
   */
  public static Either<ScoringFailure, Double> probability(Scorer scorer, Deal deal, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    double p;
    try {
      p = scorer.probability(deal, context);
    } catch (NotScorableException e) {
      return Either.left(new ScoringFailure.NotScorable(safeId(scorer), deal.id(), String.valueOf(e.getMessage())));
    } catch (RuntimeException | LinkageError e) {
      return Either.left(new ScoringFailure.Threw(safeId(scorer), deal.id(), e));
    }
    if (!(p >= 0.0 && p <= 1.0)) {
      return Either.left(new ScoringFailure.InvalidProbability(safeId(scorer), deal.id(), p));
    }
    return Either.right(p);
  }

  /**
   * Trains the scorer on the context if it is not {@linkplain Scorer#isTrained() trained}, then
   * scores every deal with its explanation.
   * If training itself fails, every deal gets that failure.
   *
   * @param scorer the scorer, not null
   * @param deals the deals to score, not null
   * @param context the context (with the history to learn from), not null
   * @return the scores in input order and the failures, never null
   */
  public static ScoredBatch scoreAll(Scorer scorer, Iterable<Deal> deals, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(context, "context");
    List<ScoredDeal> scored = new ArrayList<>();
    List<ScoringFailure> failures = new ArrayList<>();
    Either<RuntimeException, Scorer> trained = scorer.isTrained() ? Either.right(scorer) : train(scorer, context);
    for (Deal deal : deals) {
      Objects.requireNonNull(deal, "deals must not contain null");
      if (trained.isLeft()) {
        failures.add(trainingFailure(safeId(scorer), deal.id(), trained.getLeft()));
        continue;
      }
      score(trained.get(), deal, context).fold(failures::add, s -> scored.add(new ScoredDeal(deal, s)));
    }
    return new ScoredBatch(scored, failures);
  }

  /**
   * Trains a scorer, containing its failure: what {@link Prioritiser} and {@link Backtest} use.
   *
   * @param scorer the scorer, not null
   * @param context the context to learn from, not null
   * @return the trained scorer, or what training threw
   */
  static Either<RuntimeException, Scorer> train(Scorer scorer, ScoringContext context) {
    try {
      Scorer trained = scorer.trainedOn(context);
      return trained == null
          ? Either.left(new NullPointerException("scorer '" + safeId(scorer) + "' returned null from trainedOn"))
          : Either.right(trained);
    } catch (RuntimeException e) {
      return Either.left(e);
    }
  }

  /** What a deal gets when its scorer could not be trained. */
  static ScoringFailure trainingFailure(String scorerId, String dealId, RuntimeException cause) {
    return cause instanceof NotScorableException
        ? new ScoringFailure.NotScorable(scorerId, dealId, String.valueOf(cause.getMessage()))
        : new ScoringFailure.Threw(scorerId, dealId, cause);
  }

  /**
   * Returns scoring that gives up on a scorer call that does not return within a timeout: the deal
   * gets a {@link ScoringFailure.TimedOut} naming the scorer and the deal, the call is cancelled
   * (its thread interrupted), and the other deals are still scored. Failures are contained as by
   * this class's own methods.
   *
   * <pre>{@code
   * ExecutorService pool = Executors.newCachedThreadPool();   // owned, and shut down, by the caller
   * ScoredBatch result = SafeScoring.withTimeout(Duration.ofMillis(200), pool).scoreAll(plugin, deals, context);
   * }</pre>
   *
   * <p>Each call is handed to the executor and waited for with {@link java.util.concurrent.Future#get(long,
   * java.util.concurrent.TimeUnit) Future.get(timeout)}, so this library starts no thread of its own and
   * reads no clock. See {@link TimeLimitedScoring} for the cost and for how to choose the executor.
   *
   * @param timeout how long to wait for each scorer call, positive, not null
   * @param executor runs the scorer calls; it must run them on other threads than the caller's; not null
   * @return the time-limited scoring, never null
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public static TimeLimitedScoring withTimeout(Duration timeout, Executor executor) {
    return new TimeLimitedScoring(timeout, executor, LoggerFactory.getLogger(TimeLimitedScoring.class));
  }

  /** The id of a scorer, even of one whose id() misbehaves. */
  static String safeId(Scorer scorer) {
    try {
      String id = scorer.id();
      return id == null ? scorer.getClass().getName() : id;
    } catch (RuntimeException e) {
      return scorer.getClass().getName();
    }
  }
}
