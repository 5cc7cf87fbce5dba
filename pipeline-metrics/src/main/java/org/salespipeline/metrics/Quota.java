package org.salespipeline.metrics;

import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * A salesperson's quota for one calendar period of the {@linkplain ForecastRollup forecast
 * roll-up}: what they should close (won) in it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the month or quarter
 * @param owner the salesperson, as deals name their owner
 * @param amount the quota, not negative
 */
public record Quota(TrendPeriod period, String owner, Money amount) {

  /**
   * Creates the value, checking it.
   *
   * @param period the month or quarter, not null
   * @param owner the salesperson, not null, not blank
   * @param amount the quota, not null, not negative
   * @throws IllegalArgumentException if the period is a week, the owner is blank or the amount negative
   */
  public Quota {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(amount, "amount");
    if (period.unit() == CalendarUnit.WEEK) {
      throw new IllegalArgumentException("period must be a month or a quarter but was week " + period);
    }
    if (owner.isBlank()) {
      throw new IllegalArgumentException("owner must not be blank but was '" + owner + "'");
    }
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative but was " + amount);
    }
  }
}
