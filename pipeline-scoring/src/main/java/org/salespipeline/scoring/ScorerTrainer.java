package org.salespipeline.scoring;

import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * Trains a scorer on deals given one at a time, so that a host reading deals from a file or a
 * database need not hold them all: {@link Scorer#trainer(ScoringContext)} starts one,
 * {@link #add(Deal)} learns from each deal of the history, {@link #trained()} gives the scorer.
 *
 * <pre>{@code
 * ScorerTrainer trainer = NaiveBayesScorer.of().trainer(ScoringContext.of(pipeline, asOf));
 * reader.read(file, trainer::add, rejection -> { });       // one deal at a time
 * Scorer trained = trainer.trained();
 * }</pre>
 *
 * <p>Adding the deals {@code d1 ... dn} to {@code scorer.trainer(context)} and calling
 * {@link #trained()} gives the scorer {@code scorer.trainedOn(context.withHistory(h))}, where
 * {@code h} is the context's own history followed by {@code d1 ... dn}: the same model, to the
 * last bit of every probability. Each deal is taken as it was at the context's as-of instant and
 * learned from only if it was closed then and runs through the context's pipeline, as
 * {@link ScoringContext#closedHistory()} says. The built-in learners keep only their counts
 * (bounded by the number of stages, teams and distinct attribute values, not by the number of
 * deals); the default of {@link Scorer#trainer} keeps the closed deals, as of the as-of instant,
 * until {@link #trained()}.
 *
 * <p>Mutable and not thread-safe: one trainer per thread of deals.
 */
public interface ScorerTrainer {

  /**
   * Learns from one more deal of the history.
   *
   * @param deal the deal, not null; open at the as-of instant, opened after it, or of another
   *     pipeline: ignored
   * @return this trainer
   * @throws IllegalStateException if {@link #trained()} was called already
   */
  ScorerTrainer add(Deal deal);

  /**
   * Learns from more deals of the history, in their order.
   *
   * @param deals the deals, not null, none null
   * @return this trainer
   * @throws IllegalStateException if {@link #trained()} was called already
   */
  default ScorerTrainer addAll(Iterable<? extends Deal> deals) {
    Objects.requireNonNull(deals, "deals");
    for (Deal deal : deals) {
      add(Objects.requireNonNull(deal, "deals must not contain null"));
    }
    return this;
  }

  /**
   * Returns the scorer trained on every deal added, and on the context's own history before them.
   * The trainer is done: it takes no more deals.
   *
   * @return the trained scorer, never null
   * @throws IllegalStateException if called twice
   */
  Scorer trained();
}
