package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * Scores a deal with points: every {@link PointsRule} it matches adds its points, and the total is
 * mapped linearly onto [0, 1] between the lowest and the highest total possible (the sum of the
 * negative points, and of the positive ones). Id {@code points} unless given.
 *
 * <pre>{@code
 * Scorer points = PointsScorer.of(
 *     PointsRule.attributeEquals("source", "referral", 30),
 *     PointsRule.amountAtLeast(Money.parse("10000", "USD"), 20),
 *     PointsRule.attributeEquals("segment", "SMB", -10));
 * }</pre>
 *
 * <p>The explanation's baseline is where a deal matching no rule stands; each matched rule is a
 * factor worth its points divided by the range. Does not learn. Immutable and thread-safe if its
 * rules are.
 */
public final class PointsScorer implements Scorer {

  /** The default id of this scorer: {@code points}. */
  public static final String ID = "points";

  private final String id;
  private final PointsRule[] rules;
  private final double lowest;
  private final double range;

  private PointsScorer(String id, List<PointsRule> rules) {
    this.id = id;
    this.rules = rules.toArray(new PointsRule[0]);
    double low = 0;
    double high = 0;
    for (PointsRule rule : this.rules) {
      if (rule.points() < 0) {
        low += rule.points();
      } else {
        high += rule.points();
      }
    }
    this.lowest = low;
    this.range = high - low;
  }

  /**
   * Returns a scorer over rules.
   *
   * @param rules the rules, at least one, none null
   * @return the scorer, never null
   * @throws IllegalArgumentException if there is no rule
   */
  public static PointsScorer of(PointsRule... rules) {
    return of(List.of(Objects.requireNonNull(rules, "rules")));
  }

  /**
   * Returns a scorer over rules.
   *
   * @param rules the rules, at least one, none null
   * @return the scorer, never null
   * @throws IllegalArgumentException if there is no rule
   */
  public static PointsScorer of(List<PointsRule> rules) {
    List<PointsRule> copy = List.copyOf(Objects.requireNonNull(rules, "rules"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("rules must not be empty");
    }
    return new PointsScorer(ID, copy);
  }

  /**
   * Returns a copy with another id.
   *
   * @param scorerId lower-case words joined by hyphens or dots, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the id is not of that form
   */
  public PointsScorer withId(String scorerId) {
    return new PointsScorer(ScoringChecks.requireId(scorerId, "scorerId"), List.of(rules));
  }

  /**
   * Returns the rules.
   *
   * @return the rules in order, never empty
   */
  public List<PointsRule> rules() {
    return List.of(rules);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    double total = 0;
    for (PointsRule rule : rules) {
      if (rule.condition().test(deal)) {
        total += rule.points();
      }
    }
    return clamp((total - lowest) / range);
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    List<Factor> factors = new ArrayList<>();
    for (PointsRule rule : rules) {
      if (rule.condition().test(deal)) {
        factors.add(new Factor(rule.name(), "", rule.points() / range,
            String.format(Locale.ROOT, "%+.0f points", rule.points())));
      }
    }
    return new Score(probability(deal, context), clamp(-lowest / range), factors);
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  @Override
  public String toString() {
    return "PointsScorer[" + id + ", " + rules.length + " rules]";
  }
}
