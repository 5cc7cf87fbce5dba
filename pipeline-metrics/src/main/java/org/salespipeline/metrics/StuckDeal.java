package org.salespipeline.metrics;

import io.vavr.control.Option;
import org.salespipeline.core.Money;

/**
 * An open deal whose current stay in its stage exceeds the stage's norm: its rotting threshold,
 * or, for a stage without one, the 90th percentile of the completed stays in it (when there are
 * at least 20 of them).
 *
 * <p>The age compared is always the time since the deal entered its stage, as SPEC §4 defines
 * it, even for a pipeline whose rotting clock is the last activity ({@code Pipeline.isRotting}
 * answers that other question). Immutable and thread-safe.
 *
 * @param dealId the deal's id
 * @param owner the deal's owner at the as-of instant, empty if it has none (printed as {@link Grouping#NONE})
 * @param amount the deal's amount at the as-of instant (converted if the query converts), if any
 * @param stageId the stage the deal is in
 * @param stageName the stage's display name
 * @param ageDays how long the deal has been in the stage, in days
 * @param normDays the stage's norm, in days
 * @param norm where the norm comes from
 */
public record StuckDeal(
    String dealId,
    String owner,
    Option<Money> amount,
    String stageId,
    String stageName,
    double ageDays,
    double normDays,
    Norm norm) {

  /** Where a stage's norm for the time in it comes from. */
  public enum Norm {
    /** The stage's rotting threshold. */
    ROTTING_THRESHOLD,
    /** The 90th percentile of the completed stays in the stage (at least 20 of them). */
    P90_OF_COMPLETED_STAYS
  }

  /**
   * Returns how far over the norm the deal is.
   *
   * @return {@code ageDays - normDays}, positive
   */
  public double overDays() {
    return ageDays - normDays;
  }
}
