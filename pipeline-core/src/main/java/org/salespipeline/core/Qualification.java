package org.salespipeline.core;

import java.util.Objects;

/**
 * What is known about a deal's qualification: budget, authority (a decision maker identified),
 * need, timeline (BANT), and the prospect's level of interest.
 *
 * <p>Immutable and thread-safe.
 *
 * @param budget whether the prospect has the budget, not null
 * @param authority whether the decision maker is identified, not null
 * @param need whether the need is confirmed, not null
 * @param timeline whether the timeline is known, not null
 * @param interest how interested the prospect is, not null
 */
public record Qualification(
    QualificationLevel budget,
    QualificationLevel authority,
    QualificationLevel need,
    QualificationLevel timeline,
    QualificationLevel interest) {

  /** Nothing known yet: every criterion {@link QualificationLevel#UNKNOWN}. */
  public static final Qualification UNKNOWN =
      new Qualification(
          QualificationLevel.UNKNOWN,
          QualificationLevel.UNKNOWN,
          QualificationLevel.UNKNOWN,
          QualificationLevel.UNKNOWN,
          QualificationLevel.UNKNOWN);
  /**
   * Creates the value, checking that no component is null.
   *
   * @param budget whether the prospect has the budget, not null
   * @param authority whether the decision maker is identified, not null
   * @param need whether the need is confirmed, not null
   * @param timeline whether the timeline is known, not null
   * @param interest how interested the prospect is, not null
   */
  public Qualification {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(need, "need");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(interest, "interest");
  }

  /**
   * Returns a copy with the budget criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public Qualification withBudget(QualificationLevel level) {
    return new Qualification(level, authority, need, timeline, interest);
  }

  /**
   * Returns a copy with the authority criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public Qualification withAuthority(QualificationLevel level) {
    return new Qualification(budget, level, need, timeline, interest);
  }

  /**
   * Returns a copy with the need criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public Qualification withNeed(QualificationLevel level) {
    return new Qualification(budget, authority, level, timeline, interest);
  }

  /**
   * Returns a copy with the timeline criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public Qualification withTimeline(QualificationLevel level) {
    return new Qualification(budget, authority, need, level, interest);
  }

  /**
   * Returns a copy with the interest criterion changed.
   *
   * @param level the new level, not null
   * @return the copy, never null
   */
  public Qualification withInterest(QualificationLevel level) {
    return new Qualification(budget, authority, need, timeline, level);
  }
}
