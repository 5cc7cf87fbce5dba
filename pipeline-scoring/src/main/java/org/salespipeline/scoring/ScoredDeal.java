package org.salespipeline.scoring;

import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * A deal and its score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deal the deal, not null
 * @param score its score, not null
 */
public record ScoredDeal(Deal deal, Score score) {
  /**
   * Creates the value.
   *
   * @param deal the deal, not null
   * @param score its score, not null
   */
  public ScoredDeal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(score, "score");
  }
}
