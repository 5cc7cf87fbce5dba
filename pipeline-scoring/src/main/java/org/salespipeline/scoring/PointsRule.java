package org.salespipeline.scoring;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Predicate;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.QualificationLevel;

/**
 * A rule of a {@link PointsScorer}: when the deal matches, it earns the points (negative points
 * penalise).
 *
 * <pre>{@code
 * PointsRule.attributeEquals("source", "referral", 20)
 * PointsRule.of("big deal", d -> d.amount().exists(m -> m.amount().compareTo(TEN_THOUSAND) >= 0), 15)
 * }</pre>
 *
 * <p>Immutable and thread-safe if its condition is.
 *
 * @param name what the rule checks, shown in explanations; not blank
 * @param condition when the rule applies, not null; must not throw and be thread-safe
 * @param points what a matching deal earns, finite and not zero
 */
public record PointsRule(String name, Predicate<Deal> condition, double points) {

  /**
   * Creates the rule.
   *
   * @param name what the rule checks; not blank
   * @param condition when the rule applies, not null
   * @param points what a matching deal earns, finite and not zero
   * @throws IllegalArgumentException if the name is blank or points is zero, NaN or infinite
   */
  public PointsRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (!Double.isFinite(points) || points == 0) {
      throw new IllegalArgumentException("points of rule '" + name + "' must be finite and not zero but was " + points);
    }
  }

  /**
   * Returns a rule over any deal field.
   *
   * @param name what the rule checks; not blank
   * @param condition when the rule applies, not null
   * @param points what a matching deal earns, finite and not zero
   * @return the rule, never null
   */
  public static PointsRule of(String name, Predicate<Deal> condition, double points) {
    return new PointsRule(name, condition, points);
  }

  /**
   * Returns a rule matching deals whose attribute has a value (compared exactly).
   *
   * @param key the attribute key, not null
   * @param value the value, not null
   * @param points what a matching deal earns, finite and not zero
   * @return the rule, never null
   */
  public static PointsRule attributeEquals(String key, String value, double points) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return new PointsRule(key + " = " + value, d -> value.equals(d.attributes().get(key)), points);
  }

  /**
   * Returns a rule matching deals whose amount is at least a threshold, in the threshold's currency
   * (deals without an amount or in another currency do not match).
   *
   * @param threshold the least amount, not null
   * @param points what a matching deal earns, finite and not zero
   * @return the rule, never null
   */
  public static PointsRule amountAtLeast(Money threshold, double points) {
    Objects.requireNonNull(threshold, "threshold");
    BigDecimal least = threshold.amount();
    return new PointsRule("amount >= " + threshold, d -> d.amount()
        .exists(m -> m.currency().equals(threshold.currency()) && m.amount().compareTo(least) >= 0), points);
  }

  /**
   * Returns a rule matching deals whose qualification criterion is at a level.
   *
   * @param criterion the criterion, not null
   * @param level the level, not null
   * @param points what a matching deal earns, finite and not zero
   * @return the rule, never null
   */
  public static PointsRule qualification(QualificationScorecard.Criterion criterion, QualificationLevel level,
      double points) {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(level, "level");
    return new PointsRule(criterion.label() + " = " + level, d -> criterion.levelOf(d.qualification()) == level,
        points);
  }

  /**
   * Returns a rule matching deals in a stage.
   *
   * @param stageId the stage id, not null
   * @param points what a matching deal earns, finite and not zero
   * @return the rule, never null
   */
  public static PointsRule inStage(String stageId, double points) {
    Objects.requireNonNull(stageId, "stageId");
    return new PointsRule("stage = " + stageId, d -> stageId.equals(d.stageId()), points);
  }

  @Override
  public String toString() {
    return name + " -> " + points + " points";
  }
}
