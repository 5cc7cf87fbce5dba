package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.Money;

/**
 * An open deal with at least one {@link HygieneFlag}, as it was at the review's as-of instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dealId the deal's id
 * @param owner the deal's owner, empty if it has none
 * @param stageId the stage the deal is in
 * @param stageName the stage's display name
 * @param amount the deal's amount, if any
 * @param expectedClose the deal's expected close date, if any
 * @param lastChangeAt the instant of the deal's latest event (activity or change) at or before {@code T}
 * @param quietDays the days from lastChangeAt to {@code T} (seconds / 86,400)
 * @param flags the deal's flags, at least one, in {@link HygieneFlag} order
 * @param stuck how far over its stage's norm the deal is, when flagged {@link HygieneFlag#STUCK}
 */
public record FlaggedDeal(
    String dealId,
    String owner,
    String stageId,
    String stageName,
    Option<Money> amount,
    Option<LocalDate> expectedClose,
    Instant lastChangeAt,
    double quietDays,
    Set<HygieneFlag> flags,
    Option<StuckDeal> stuck) {

  /**
   * Creates the value, checking that nothing is null and copying the flags.
   *
   * @param dealId the deal's id
   * @param owner the deal's owner
   * @param stageId the stage the deal is in
   * @param stageName the stage's display name
   * @param amount the amount, if any
   * @param expectedClose the expected close date, if any
   * @param lastChangeAt the instant of the latest event
   * @param quietDays the days from lastChangeAt to T
   * @param flags the flags, not empty
   * @param stuck the stuck-deal figures when flagged stuck
   * @throws IllegalArgumentException if flags is empty
   */
  public FlaggedDeal {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(expectedClose, "expectedClose");
    Objects.requireNonNull(lastChangeAt, "lastChangeAt");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(stuck, "stuck");
    if (flags.isEmpty()) {
      throw new IllegalArgumentException("flags must not be empty for deal " + dealId);
    }
    flags = java.util.Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  /**
   * Tells whether the deal has a flag.
   *
   * @param flag the flag, not null
   * @return true if flagged so
   */
  public boolean has(HygieneFlag flag) {
    return flags.contains(Objects.requireNonNull(flag, "flag"));
  }
}
