package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;

/**
 * The trainer of a scorer that has no trainer of its own ({@link Scorer#trainer}): keeps the
 * closed deals, as of the as-of instant, and trains on them all at the end with
 * {@link Scorer#trainedOn}. A scorer that does not learn keeps nothing.
 */
final class CollectingTrainer implements ScorerTrainer {

  private final Scorer scorer;
  private final ScoringContext context;
  private @Nullable List<Deal> closed;
  private boolean done;

  CollectingTrainer(Scorer scorer, ScoringContext context) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.context = Objects.requireNonNull(context, "context");
    this.closed = scorer.learns() ? new ArrayList<>(context.closedHistory()) : null;
  }

  @Override
  public ScorerTrainer add(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    if (done) {
      throw new IllegalStateException("this trainer has given its scorer already: start another");
    }
    if (closed != null) {
      context.closedThen(deal).forEach(closed::add);
    }
    return this;
  }

  @Override
  public Scorer trained() {
    if (done) {
      throw new IllegalStateException("this trainer has given its scorer already: start another");
    }
    done = true;
    List<Deal> learned = closed;
    closed = null;
    return Objects.requireNonNull(scorer.trainedOn(learned == null ? context : context.withHistory(learned)),
        () -> "scorer '" + scorer.id() + "' returned null from trainedOn");
  }
}
