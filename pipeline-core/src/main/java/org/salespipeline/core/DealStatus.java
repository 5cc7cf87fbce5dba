package org.salespipeline.core;

import io.vavr.control.Option;

/** Where a deal stands: still being worked, won or lost. */
public enum DealStatus {
  /** The deal is in one of the pipeline's open stages. */
  OPEN,
  /** The deal was won. */
  WON,
  /** The deal was lost. */
  LOST;

  /**
   * Tells whether the deal is closed, won or lost.
   *
   * @return true for {@link #WON} and {@link #LOST}
   */
  public boolean isClosed() {
    return this != OPEN;
  }

  /**
   * Returns the win probability that the outcome fixes: 1 for a won deal, 0 for a lost one; an
   * open deal's probability is the caller's rule (a stage default, an override, a model).
   *
   * <p>The one place of the rule "won counts 1, lost counts 0" that {@link Pipeline#probabilityOf}
   * and the scorers apply.
   *
   * @return 1.0 for {@link #WON}, 0.0 for {@link #LOST}, empty for {@link #OPEN}; never null
   */
  public Option<Double> closedProbability() {
    return switch (this) {
      case WON -> CERTAIN;
      case LOST -> NEVER;
      case OPEN -> Option.none();
    };
  }

  // shared so that asking costs no allocation
  private static final Option<Double> CERTAIN = Option.some(1.0);
  private static final Option<Double> NEVER = Option.some(0.0);
}
