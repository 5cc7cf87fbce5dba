package org.salespipeline.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Deal;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;

/**
 * Scores a deal by its qualification: budget, authority, need, timeline and the prospect's
 * interest, each weighted. Id {@code scorecard}.
 *
 * <p>The probability is the weighted mean of the criteria's credits:
 * {@code sum(weight(c) * credit(level(c))) / sum(weight)}. By default the weights are BANT's (budget,
 * authority, need and timeline a quarter each, interest not counted) and the credits are YES 1,
 * PARTIAL 0.5, NO 0, UNKNOWN 0. The explanation has one factor per criterion, its share of the
 * probability (baseline 0), so the factors add up to the score.
 *
 * <pre>{@code
 * Scorer withInterest = QualificationScorecard.bant().withWeight(Criterion.INTEREST, 1);
 * }</pre>
 *
 * <p>The status of the deal is not looked at: a won deal scores by its qualification too. Does not
 * learn. Immutable and thread-safe; equal when the ids, weights and credits are equal;
 * {@link #probability} allocates nothing.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class QualificationScorecard implements Scorer {

  /** The default id of this scorer: {@code scorecard}. */
  public static final String ID = "scorecard";

  /** A qualification criterion the scorecard weighs. */
  public enum Criterion {
    /** Whether the prospect has the budget. */
    BUDGET,
    /** Whether the decision maker is identified. */
    AUTHORITY,
    /** Whether the need is confirmed. */
    NEED,
    /** Whether the timeline is known. */
    TIMELINE,
    /** How interested the prospect is. */
    INTEREST;

    QualificationLevel levelOf(Qualification q) {
      switch (this) {
        case BUDGET:
          return q.budget();
        case AUTHORITY:
          return q.authority();
        case NEED:
          return q.need();
        case TIMELINE:
          return q.timeline();
        default:
          return q.interest();
      }
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Criterion[] CRITERIA = Criterion.values();
  private static final QualificationLevel[] LEVELS = QualificationLevel.values();
  private static final QualificationScorecard BANT = ImmutableQualificationScorecard.builder()
      .weights(byOrdinal(CRITERIA, new double[] {1, 1, 1, 1, 0}))
      .credits(byOrdinal(LEVELS, new double[] {0, 0, 0.5, 1}))
      .build();

  QualificationScorecard() {}

  /**
   * Returns the BANT scorecard: budget, authority, need and timeline weigh a quarter each, interest
   * nothing; YES earns 1, PARTIAL 0.5, NO and UNKNOWN 0.
   *
   * @return the scorecard, never null
   */
  public static QualificationScorecard bant() {
    return BANT;
  }

  /**
   * Returns a copy with another weight for a criterion. Weights are relative: only their ratios
   * matter.
   *
   * @param criterion the criterion, not null
   * @param weight a finite number, 0 or more
   * @return the copy, never null
   * @throws IllegalArgumentException if the weight is negative, NaN or infinite, or all weights would be zero
   */
  public QualificationScorecard withWeight(Criterion criterion, double weight) {
    Objects.requireNonNull(criterion, "criterion");
    ScoringChecks.requireWeight(weight, "weight of " + criterion.label());
    Map<Criterion, Double> copy = new EnumMap<>(weights());
    copy.put(criterion, weight);
    return ImmutableQualificationScorecard.builder().from(this).weights(copy).build();
  }

  /**
   * Returns a copy in which a qualification level earns another credit.
   *
   * @param level the level, not null
   * @param credit the credit within [0, 1]
   * @return the copy, never null
   * @throws IllegalArgumentException if credit is NaN or outside [0, 1]
   */
  public QualificationScorecard withCredit(QualificationLevel level, double credit) {
    Objects.requireNonNull(level, "level");
    ScoringChecks.requireProbability(credit, "credit of " + level);
    Map<QualificationLevel, Double> copy = new EnumMap<>(credits());
    copy.put(level, credit);
    return ImmutableQualificationScorecard.builder().from(this).credits(copy).build();
  }

  /**
   * Returns a copy with another id, to register several scorecards side by side.
   *
   * @param id lower-case words joined by hyphens or dots, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the id is not of that form
   */
  public abstract QualificationScorecard withId(String id);

  /**
   * Returns the weight of a criterion.
   *
   * @param criterion the criterion, not null
   * @return the weight, 0 or more
   */
  public double weight(Criterion criterion) {
    return weights().get(Objects.requireNonNull(criterion, "criterion"));
  }

  @Override
  @Value.Default
  public String id() {
    return ID;
  }

  /** The weight of every criterion. */
  abstract Map<Criterion, Double> weights();

  /** The credit of every qualification level. */
  abstract Map<QualificationLevel, Double> credits();

  /** The weights normalised to sum 1, and the credits, by ordinal: what {@link #probability} reads. */
  @Value.Derived
  @Value.Auxiliary
  Table table() {
    double total = 0;
    for (Criterion c : CRITERIA) {
      total += weights().get(c);
    }
    double[] shares = new double[CRITERIA.length];
    for (Criterion c : CRITERIA) {
      shares[c.ordinal()] = weights().get(c) / total;
    }
    double[] credits = new double[LEVELS.length];
    for (QualificationLevel level : LEVELS) {
      credits[level.ordinal()] = credits().get(level);
    }
    return new Table(shares, credits);
  }

  /**
   * @param shares the weights normalised to sum 1, by criterion ordinal
   * @param credits the credits by level ordinal
   */
  record Table(double[] shares, double[] credits) {}

  @Value.Check
  void check() {
    ScoringChecks.requireId(id(), "id");
    if (weights().size() != CRITERIA.length || credits().size() != LEVELS.length) {
      throw new IllegalStateException("bug: a scorecard needs a weight per criterion and a credit per level");
    }
    double total = 0;
    for (double w : weights().values()) {
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
  }

  private static <E extends Enum<E>> Map<E, Double> byOrdinal(E[] keys, double[] values) {
    Map<E, Double> map = new LinkedHashMap<>();
    for (E key : keys) {
      map.put(key, values[key.ordinal()]);
    }
    return map;
  }

  @Override
  public double probability(Deal deal, ScoringContext context) {
    Qualification q = deal.qualification();
    Table t = table();
    double[] shares = t.shares();
    double[] credits = t.credits();
    double p = shares[0] * credits[q.budget().ordinal()]
        + shares[1] * credits[q.authority().ordinal()]
        + shares[2] * credits[q.need().ordinal()]
        + shares[3] * credits[q.timeline().ordinal()]
        + shares[4] * credits[q.interest().ordinal()];
    return Math.min(1.0, p); // rounding may exceed 1 by an ulp
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    Objects.requireNonNull(context, "context");
    Qualification q = deal.qualification();
    double[] shares = table().shares();
    double[] credits = table().credits();
    List<Factor> factors = new ArrayList<>(CRITERIA.length);
    for (Criterion c : CRITERIA) {
      QualificationLevel level = c.levelOf(q);
      double contribution = shares[c.ordinal()] * credits[level.ordinal()];
      factors.add(new Factor(c.label(), level.name(), contribution, String.format(Locale.ROOT,
          "credit %.2f x weight %.2f", credits[level.ordinal()], shares[c.ordinal()])));
    }
    return new Score(probability(deal, context), 0.0, factors);
  }

  @Override
  public String toString() {
    double[] weights = new double[CRITERIA.length];
    for (Criterion c : CRITERIA) {
      weights[c.ordinal()] = weights().get(c);
    }
    return "QualificationScorecard[" + id() + ", weights " + Arrays.toString(weights) + ", credits "
        + Arrays.toString(table().credits()) + "]";
  }
}
