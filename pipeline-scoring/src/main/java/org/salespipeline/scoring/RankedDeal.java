package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;

/**
 * One open deal in a {@link Ranking}: its rank, probability, expected value and priority.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rank the position, 1 for the first
 * @param deal the deal, not null
 * @param probability its win probability within [0, 1]
 * @param expectedValue amount × probability, exact; none for a deal without an amount
 * @param urgency the urgency multiplier, 1 or more
 * @param priority what the ranking sorts by (descending), as a double: expected value (or the
 *     valuation's number × probability) × urgency for a priced deal, probability × urgency for an
 *     unpriced one. The ranking compares these exactly, as decimals; this double is within a few
 *     units in the last place of the exact value, at most {@code Double.MAX_VALUE} (for amounts
 *     beyond the double range), and never increases down a ranking among priced (or unpriced) deals
 */
public record RankedDeal(int rank, Deal deal, double probability, Option<Money> expectedValue, double urgency,
    double priority) {

  /**
   * Creates the value.
   *
   * @param rank the position, 1 or more
   * @param deal the deal, not null
   * @param probability within [0, 1]
   * @param expectedValue the expected value or none, not null
   * @param urgency the urgency multiplier
   * @param priority the sort key
   * @throws IllegalArgumentException if rank is below 1 or probability outside [0, 1]
   */
  public RankedDeal {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(expectedValue, "expectedValue");
    ScoringChecks.requireProbability(probability, "probability");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1 but was " + rank);
    }
  }

  /**
   * Tells whether the deal has an amount: unpriced deals rank after all priced ones.
   *
   * @return true if priced
   */
  public boolean isPriced() {
    return expectedValue.isDefined();
  }
}
