package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

/**
 * One stage of a pipeline: a stable id, a display name, its kind (open, won or lost), a default
 * win probability, a forecast category, an optional rotting threshold and optional entry
 * criteria.
 *
 * <p>Build one with {@link #open(String, String)}, {@link #won(String, String)} or
 * {@link #lost(String, String)} and the {@code with…} methods; a {@link Pipeline} gives it its
 * {@link #order()}. Immutable and thread-safe.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class Stage {

  Stage() {}

  /**
   * Returns an open stage with probability 0, forecast category {@link ForecastCategory#PIPELINE},
   * no rotting threshold and no entry criteria.
   *
   * @param id the stable id, not blank
   * @param name the display name, not blank
   * @return the stage, never null
   */
  public static Stage open(String id, String name) {
    return ImmutableStage.builder().id(id).name(name).kind(StageKind.OPEN)
        .probability(0.0).forecastCategory(ForecastCategory.PIPELINE).build();
  }

  /**
   * Returns a won stage: probability 1, forecast category {@link ForecastCategory#CLOSED}.
   *
   * @param id the stable id, not blank
   * @param name the display name, not blank
   * @return the stage, never null
   */
  public static Stage won(String id, String name) {
    return ImmutableStage.builder().id(id).name(name).kind(StageKind.WON)
        .probability(1.0).forecastCategory(ForecastCategory.CLOSED).build();
  }

  /**
   * Returns a lost stage: probability 0, forecast category {@link ForecastCategory#OMITTED}.
   *
   * @param id the stable id, not blank
   * @param name the display name, not blank
   * @return the stage, never null
   */
  public static Stage lost(String id, String name) {
    return ImmutableStage.builder().id(id).name(name).kind(StageKind.LOST)
        .probability(0.0).forecastCategory(ForecastCategory.OMITTED).build();
  }

  /**
   * Returns the stable id, used in events and never shown to salespeople.
   *
   * @return the id, never null or blank
   */
  public abstract String id();

  /**
   * Returns the display name.
   *
   * @return the name, never null or blank
   */
  public abstract String name();

  /**
   * Returns what the stage means: open, won or lost.
   *
   * @return the kind, never null
   */
  public abstract StageKind kind();

  /**
   * Returns the default probability that a deal in this stage is won, within [0, 1].
   *
   * @return the probability
   */
  public abstract double probability();

  /**
   * Returns how deals in this stage count in a forecast.
   *
   * @return the category, never null
   */
  public abstract ForecastCategory forecastCategory();

  /**
   * Returns how long an open deal may stay in this stage before it is rotting.
   *
   * @return the threshold, or none if deals in this stage never rot
   */
  @Value.Default
  public Option<Duration> rottingAfter() {
    return Option.none();
  }

  /**
   * Returns the conditions a deal must meet to enter this stage.
   *
   * @return the criteria in the order they are checked, never null
   */
  public abstract List<EntryCriterion> entryCriteria();

  /**
   * Returns the stage's position in its pipeline: open stages count from 0 in pipeline order;
   * the won and lost stages both come right after the last open stage. A stage not yet in a
   * pipeline has order 0.
   *
   * @return the order, never negative
   */
  @Value.Default
  public int order() {
    return 0;
  }

  /**
   * Returns a copy with another display name.
   *
   * @param name the display name, not blank
   * @return the copy, never null
   */
  public abstract Stage withName(String name);

  /**
   * Returns a copy with another default win probability.
   *
   * @param probability within [0, 1]
   * @return the copy, never null
   * @throws IllegalArgumentException if probability is NaN or outside [0, 1]
   */
  public abstract Stage withProbability(double probability);

  /**
   * Returns a copy with another forecast category.
   *
   * @param category the category, not null
   * @return the copy, never null
   */
  public abstract Stage withForecastCategory(ForecastCategory category);

  /**
   * Returns a copy in which open deals rot after the given time in the stage.
   *
   * @param threshold a positive duration, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the threshold is zero or negative
   */
  public Stage withRottingAfter(Duration threshold) {
    return withRottingAfter(Option.of(Objects.requireNonNull(threshold, "threshold")));
  }

  abstract Stage withRottingAfter(Option<Duration> threshold);

  /**
   * Returns a copy with an entry criterion added after the existing ones.
   *
   * @param criterion the criterion, not null
   * @return the copy, never null
   */
  public Stage withEntryCriterion(EntryCriterion criterion) {
    return ImmutableStage.builder().from(this).addEntryCriteria(criterion).build();
  }

  abstract Stage withOrder(int order);

  /**
   * Tells whether deals in this stage are still being worked.
   *
   * @return true for open stages
   */
  public boolean isOpen() {
    return kind() == StageKind.OPEN;
  }

  @Value.Check
  void check() {
    Checks.notBlank(id(), "id");
    Checks.notBlank(name(), "name");
    Checks.probability(probability(), "probability");
    if (kind() == StageKind.WON && probability() != 1.0 || kind() == StageKind.LOST && probability() != 0.0) {
      throw new IllegalArgumentException("probability of the " + kind() + " stage '" + id() + "' must be "
          + (kind() == StageKind.WON ? "1" : "0") + " but was " + probability());
    }
    for (Duration threshold : rottingAfter()) {
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException("rottingAfter of stage '" + id() + "' must be positive but was " + threshold);
      }
    }
    if (order() < 0) {
      throw new IllegalArgumentException("order must not be negative but was " + order());
    }
  }

  @Override
  public String toString() {
    return name() + " [" + id() + ", " + kind() + ", " + Math.round(probability() * 100) + "%]";
  }
}
