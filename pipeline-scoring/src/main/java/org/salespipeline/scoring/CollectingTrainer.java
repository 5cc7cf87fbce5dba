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
final class CollectingTrainer extends OneTimeTrainer<Scorer> {

  private final Scorer scorer;
  private final ScoringContext context;
  private @Nullable List<Deal> closed;

  CollectingTrainer(Scorer scorer, ScoringContext context) {
    super(context);
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.context = context;
    this.closed = scorer.learns() ? new ArrayList<>(context.closedHistory()) : null;
  }

  @Override
  void learn(Deal deal) {
    if (closed != null) {
      closed.add(deal);
    }
  }

  @Override
  Scorer build() {
    List<Deal> learned = closed;
    closed = null;
    return Objects.requireNonNull(scorer.trainedOn(learned == null ? context : context.withHistory(learned)),
        () -> "scorer '" + scorer.id() + "' returned null from trainedOn");
  }
}
