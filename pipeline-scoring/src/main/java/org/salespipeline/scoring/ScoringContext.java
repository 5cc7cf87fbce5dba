package org.salespipeline.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * What a scorer needs besides the deal: the pipeline, the instant to score at, and the deals a
 * learning scorer learns from (its history of other deals).
 *
 * <p>Only what happened at or before {@code asOf} counts: learning scorers use
 * {@link #closedHistory()}, the history's deals as they were then and already closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pipeline the pipeline the deals run through, not null
 * @param asOf the instant to score at, not null
 * @param history the deals to learn from, not null, may be empty; copied
 */
public record ScoringContext(Pipeline pipeline, Instant asOf, List<Deal> history) {

  /**
   * Creates the context, copying the history.
   *
   * @param pipeline the pipeline the deals run through, not null
   * @param asOf the instant to score at, not null
   * @param history the deals to learn from, not null, may be empty; copied
   */
  public ScoringContext {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(asOf, "asOf");
    history = List.copyOf(Objects.requireNonNull(history, "history"));
  }

  /**
   * Returns a context with no history, for scorers that do not learn.
   *
   * @param pipeline the pipeline, not null
   * @param asOf the instant to score at, not null
   * @return the context, never null
   */
  public static ScoringContext of(Pipeline pipeline, Instant asOf) {
    return new ScoringContext(pipeline, asOf, List.of());
  }

  /**
   * Returns a copy with the deals to learn from.
   *
   * @param deals the deals, not null; open ones are ignored by learners, closed ones learned from
   * @return the copy, never null
   */
  public ScoringContext withHistory(Collection<Deal> deals) {
    return new ScoringContext(pipeline, asOf, List.copyOf(Objects.requireNonNull(deals, "deals")));
  }

  /**
   * Returns a copy scoring at another instant, with the same history.
   *
   * @param instant the instant to score at, not null
   * @return the copy, never null
   */
  public ScoringContext withAsOf(Instant instant) {
    return new ScoringContext(pipeline, instant, history);
  }

  /**
   * Returns the history's deals of this context's pipeline as they were at {@code asOf}, keeping
   * those that were closed (won or lost) then: what a learning scorer learns from.
   *
   * @return the closed deals, in history order, never null
   */
  public List<Deal> closedHistory() {
    List<Deal> closed = new ArrayList<>();
    for (Deal deal : history) {
      if (deal.pipelineId().equals(pipeline.id())) {
        for (Deal then : deal.asOf(asOf)) {
          if (!then.isOpen()) {
            closed.add(then);
          }
        }
      }
    }
    return closed;
  }

  @Override
  public String toString() {
    return "ScoringContext[pipeline " + pipeline.id() + ", as of " + asOf + ", " + history.size() + " deals of history]";
  }
}
