package org.salespipeline.scoring;

import java.util.Objects;

/**
 * One reason for a score: a named factor, its value for the deal, and how much it moved the
 * probability.
 *
 * <p>The contribution is in probability points (0.12 means twelve percentage points), signed:
 * positive factors raise the probability, negative ones lower it. A {@link Score}'s baseline plus
 * the contributions of its factors is its probability.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name what the factor is, such as {@code budget} or {@code source}; not blank
 * @param value the deal's value for it, such as {@code YES} or {@code web}; not null, may be empty
 * @param contribution the signed change of probability, finite
 * @param note the evidence in words, such as {@code "won 12.1 / lost 3.1"}; not null, may be empty
 */
public record Factor(String name, String value, double contribution, String note) {

  /**
   * Creates the factor, checking its components.
   *
   * @param name what the factor is; not blank
   * @param value the deal's value for it; not null
   * @param contribution the signed change of probability, finite
   * @param note the evidence in words; not null
   * @throws IllegalArgumentException if the name is blank or the contribution is not finite
   */
  public Factor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(note, "note");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException("contribution of factor '" + name + "' must be finite but was " + contribution);
    }
  }

  @Override
  public String toString() {
    String sign = contribution >= 0 ? "+" : "-";
    return String.format(java.util.Locale.ROOT, "%s%.2f pts %s%s%s", sign, Math.abs(contribution) * 100, name,
        value.isEmpty() ? "" : " = " + value, note.isEmpty() ? "" : " (" + note + ")");
  }
}
