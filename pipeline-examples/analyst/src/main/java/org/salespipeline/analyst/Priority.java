package org.salespipeline.analyst;

import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.scoring.Factor;

/**
 * One open deal in {@link Priorities}: where it stands in the order to work the deals, its win
 * probability, its expected value and why the scorer gave that probability.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rank the position, 1 for the deal to work first
 * @param deal the deal as it was at the as-of instant
 * @param stageName the display name of the deal's stage
 * @param probability the scorer's win probability within [0, 1]
 * @param expectedValue amount × probability; none for a deal without an amount
 * @param factors the scorer's explanation, largest contribution first; empty if the scorer gave none
 */
public record Priority(int rank, Deal deal, String stageName, double probability, Option<Money> expectedValue,
    List<Factor> factors) {

  /**
   * Creates the value, copying the factors.
   *
   * @param rank the position, at least 1
   * @param deal the deal, not null
   * @param stageName the stage's name, not null
   * @param probability within [0, 1]
   * @param expectedValue the expected value or none, not null
   * @param factors the factors, not null
   * @throws IllegalArgumentException if the rank or the probability is out of range
   */
  public Priority {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1 but was " + rank);
    }
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(stageName, "stageName");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be within [0, 1] but was " + probability);
    }
    Objects.requireNonNull(expectedValue, "expectedValue");
    factors = List.copyOf(factors);
  }
}
