package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Deal;
import org.salespipeline.core.internal.ValueStyle;

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
 * rules are; equal when the ids and the rules are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class PointsScorer implements Scorer {

  /** The default id of this scorer: {@code points}. */
  public static final String ID = "points";

  PointsScorer() {}

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
    return ImmutablePointsScorer.builder().rules(copy).build();
  }

  /**
   * Returns a copy with another id.
   *
   * @param id lower-case words joined by hyphens or dots, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the id is not of that form
   */
  public abstract PointsScorer withId(String id);

  /**
   * Returns the rules.
   *
   * @return the rules in order, never empty
   */
  public abstract List<PointsRule> rules();

  @Override
  @Value.Default
  public String id() {
    return ID;
  }

  /** Where totals can fall: what {@link #probability} maps onto [0, 1]. */
  @Value.Derived
  @Value.Auxiliary
  Span span() {
    double low = 0;
    double high = 0;
    for (PointsRule rule : rules()) {
      if (rule.points() < 0) {
        low += rule.points();
      } else {
        high += rule.points();
      }
    }
    return new Span(low, high - low);
  }

  /**
   * @param lowest the lowest total possible: the sum of the negative points
   * @param range the highest total possible (the sum of the positive points) minus the lowest
   */
  record Span(double lowest, double range) {}

  @Value.Check
  void check() {
    ScoringChecks.requireId(id(), "id");
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    List<PointsRule> rules = rules();
    double total = 0;
    for (int i = 0; i < rules.size(); i++) {
      PointsRule rule = rules.get(i);
      if (rule.condition().test(deal)) {
        total += rule.points();
      }
    }
    Span span = span();
    return clamp((total - span.lowest()) / span.range());
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    Objects.requireNonNull(deal, "deal");
    Span span = span();
    List<Factor> factors = new ArrayList<>();
    for (PointsRule rule : rules()) {
      if (rule.condition().test(deal)) {
        factors.add(new Factor(rule.name(), "", rule.points() / span.range(),
            String.format(Locale.ROOT, "%+.0f points", rule.points())));
      }
    }
    return new Score(probability(deal, context), clamp(-span.lowest() / span.range()), factors);
  }

  private static double clamp(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }

  @Override
  public String toString() {
    return "PointsScorer[" + id() + ", " + rules().size() + " rules]";
  }
}
