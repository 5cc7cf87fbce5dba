package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.internal.ValueStyle;

/**
 * What a scorer needs besides the deal: the pipeline, the instant to score at, and the deals a
 * learning scorer learns from (its history of other deals).
 *
 * <p>Only what happened at or before {@code asOf} counts: learning scorers use
 * {@link #closedHistory()}, the history's deals as they were then and already closed.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class ScoringContext {

  ScoringContext() {}

  /**
   * Returns the pipeline the deals run through.
   *
   * @return the pipeline, never null
   */
  public abstract Pipeline pipeline();

  /**
   * Returns the instant to score at.
   *
   * @return the instant, never null
   */
  public abstract Instant asOf();

  /**
   * Returns the deals to learn from.
   *
   * @return the deals, unmodifiable, may be empty, never null
   */
  public abstract List<Deal> history();

  /**
   * Returns a context with no history, for scorers that do not learn.
   *
   * @param pipeline the pipeline, not null
   * @param asOf the instant to score at, not null
   * @return the context, never null
   */
  public static ScoringContext of(Pipeline pipeline, Instant asOf) {
    return ImmutableScoringContext.builder().pipeline(pipeline).asOf(asOf).build();
  }

  /**
   * Returns a copy with the deals to learn from.
   *
   * @param deals the deals, not null; open ones are ignored by learners, closed ones learned from
   * @return the copy, never null
   */
  public ScoringContext withHistory(Collection<Deal> deals) {
    return ImmutableScoringContext.builder().from(this).history(Objects.requireNonNull(deals, "deals")).build();
  }

  /**
   * Returns a copy scoring at another instant, with the same history.
   *
   * @param asOf the instant to score at, not null
   * @return the copy, never null
   */
  public abstract ScoringContext withAsOf(Instant asOf);

  /**
   * Returns the history's deals of this context's pipeline as they were at {@code asOf}, keeping
   * those that were closed (won or lost) then: what a learning scorer learns from.
   *
   * @return the closed deals, in history order, never null
   */
  public List<Deal> closedHistory() {
    List<Deal> closed = new ArrayList<>();
    for (Deal deal : history()) {
      closedThen(deal).forEach(closed::add);
    }
    return closed;
  }

  /**
   * Returns a deal of the history as it was at {@code asOf} if it was closed then and is of this
   * context's pipeline: the one rule of what a learner learns from, for the whole history
   * ({@link #closedHistory()}) and one deal at a time ({@link ScorerTrainer}).
   */
  Option<Deal> closedThen(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    if (!deal.pipelineId().equals(pipeline().id())) {
      return Option.none();
    }
    return deal.asOf(asOf()).filter(then -> !then.isOpen());
  }

  @Override
  public String toString() {
    return "ScoringContext[pipeline " + pipeline().id() + ", as of " + asOf() + ", " + history().size()
        + " deals of history]";
  }
}
