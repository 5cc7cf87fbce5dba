package org.salespipeline.scoring;

import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * What every trainer of this package shares: each deal given is learned from if it had closed by
 * the as-of instant (as it was then), and the scorer is given once.
 *
 * @param <S> the scorer it trains
 */
abstract class OneTimeTrainer<S extends Scorer> implements ScorerTrainer {

  private final ScoringContext context;
  private boolean done;

  OneTimeTrainer(ScoringContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** Learns from one deal closed at the as-of instant. */
  abstract void learn(Deal closed);

  /** The scorer of what was learned; called once. */
  abstract S build();

  @Override
  public final ScorerTrainer add(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    checkNotDone();
    context.closedThen(deal).forEach(this::learn);
    return this;
  }

  @Override
  public final S trained() {
    checkNotDone();
    done = true;
    return build();
  }

  private void checkNotDone() {
    if (done) {
      throw new IllegalStateException("this trainer has given its scorer already: start another");
    }
  }
}
