package org.salespipeline.core;

import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

/**
 * What is known about a deal's qualification: budget, authority (a decision maker identified),
 * need, timeline (BANT), and the prospect's level of interest.
 *
 * <p>Start from {@link #UNKNOWN} and change what is known with the {@code with…} methods, or give
 * all five with {@link #of}. Immutable and thread-safe.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class Qualification {

  /** Nothing known yet: every criterion {@link QualificationLevel#UNKNOWN}. */
  public static final Qualification UNKNOWN = of(QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN,
      QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN);

  Qualification() {}

  /**
   * Returns the qualification with every criterion given.
   *
   * @param budget whether the prospect has the budget, not null
   * @param authority whether the decision maker is identified, not null
   * @param need whether the need is confirmed, not null
   * @param timeline whether the timeline is known, not null
   * @param interest how interested the prospect is, not null
   * @return the qualification, never null
   */
  public static Qualification of(QualificationLevel budget, QualificationLevel authority, QualificationLevel need,
      QualificationLevel timeline, QualificationLevel interest) {
    return ImmutableQualification.of(budget, authority, need, timeline, interest);
  }

  /**
   * Returns whether the prospect has the budget.
   *
   * @return the level, never null
   */
  @Value.Parameter
  public abstract QualificationLevel budget();

  /**
   * Returns whether the decision maker is identified.
   *
   * @return the level, never null
   */
  @Value.Parameter
  public abstract QualificationLevel authority();

  /**
   * Returns whether the need is confirmed.
   *
   * @return the level, never null
   */
  @Value.Parameter
  public abstract QualificationLevel need();

  /**
   * Returns whether the timeline is known.
   *
   * @return the level, never null
   */
  @Value.Parameter
  public abstract QualificationLevel timeline();

  /**
   * Returns how interested the prospect is.
   *
   * @return the level, never null
   */
  @Value.Parameter
  public abstract QualificationLevel interest();

  /**
   * Returns a copy with the budget criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public abstract Qualification withBudget(QualificationLevel level);

  /**
   * Returns a copy with the authority criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public abstract Qualification withAuthority(QualificationLevel level);

  /**
   * Returns a copy with the need criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public abstract Qualification withNeed(QualificationLevel level);

  /**
   * Returns a copy with the timeline criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public abstract Qualification withTimeline(QualificationLevel level);

  /**
   * Returns a copy with the interest criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public abstract Qualification withInterest(QualificationLevel level);
}
