package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A deal's win probability and why: a baseline and the factors that moved it, largest first.
 *
 * <p>{@code baseline + sum(factor contributions) == probability} (to rounding) for every built-in
 * scorer; plugins should keep that rule, so that explanations add up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param probability the win probability within [0, 1]
 * @param baseline the probability before any factor (a prior, or 0), within [0, 1]
 * @param factors the factors, sorted by decreasing absolute contribution (then by name and value); copied
 */
public record Score(double probability, double baseline, List<Factor> factors) {

  private static final Comparator<Factor> LARGEST_FIRST =
      Comparator.comparingDouble((Factor f) -> -Math.abs(f.contribution()))
          .thenComparing(Factor::name)
          .thenComparing(Factor::value);

  /**
   * Creates the score, checking the ranges and sorting the factors largest first.
   *
   * @param probability the win probability within [0, 1]
   * @param baseline the probability before any factor, within [0, 1]
   * @param factors the factors in any order, not null; copied and sorted
   * @throws IllegalArgumentException if probability or baseline is NaN or outside [0, 1]
   */
  public Score {
    ScoringChecks.requireProbability(probability, "probability");
    ScoringChecks.requireProbability(baseline, "baseline");
    List<Factor> sorted = new ArrayList<>(Objects.requireNonNull(factors, "factors"));
    sorted.sort(LARGEST_FIRST);
    factors = List.copyOf(sorted);
  }

  /**
   * Returns a score with no explanation beyond its value.
   *
   * @param probability the win probability within [0, 1]
   * @return the score, never null
   * @throws IllegalArgumentException if probability is NaN or outside [0, 1]
   */
  public static Score of(double probability) {
    return new Score(probability, 0.0, List.of());
  }

  /**
   * Returns the baseline plus the contributions of the factors: equal to {@link #probability()}
   * up to rounding when the explanation is consistent.
   *
   * @return the explained probability
   */
  public double explainedProbability() {
    double sum = baseline;
    for (Factor factor : factors) {
      sum += factor.contribution();
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.2f %% (baseline %.2f %%)",
        probability * 100, baseline * 100));
    for (Factor factor : factors) {
      text.append(System.lineSeparator()).append("  ").append(factor);
    }
    return text.toString();
  }
}
