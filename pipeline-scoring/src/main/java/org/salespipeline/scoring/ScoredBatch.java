package org.salespipeline.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scoring many deals: the scores, and the failures of the deals that could not be
 * scored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scored the scored deals, in input order; copied
 * @param failures one failure per deal not scored, in input order; copied
 */
public record ScoredBatch(List<ScoredDeal> scored, List<ScoringFailure> failures) {
  /**
   * Creates the value, copying the lists.
   *
   * @param scored the scored deals, not null
   * @param failures the failures, not null
   */
  public ScoredBatch {
    scored = List.copyOf(Objects.requireNonNull(scored, "scored"));
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
  }
}
