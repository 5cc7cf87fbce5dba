package org.salespipeline.metrics;

import org.salespipeline.core.Money;

/**
 * The size of the deals won in the window, in one currency: how many, their total, mean and
 * median amount.
 *
 * <p>The mean is rounded half-even to 16 significant digits (an exact quotient may not end), or
 * to the currency's minor unit where that takes more digits, so it is never coarser than a cent
 * (of a currency with cents), however large the amounts; the median is exact (the mean of the two middle amounts of an even count). Immutable and
 * thread-safe.
 *
 * @param count the number of priced won deals in this currency, positive
 * @param total the sum of their amounts
 * @param mean the mean amount
 * @param median the median amount
 */
public record DealSize(long count, Money total, Money mean, Money median) {

  @Override
  public String toString() {
    return count + " won, mean " + Format.money(mean) + ", median " + Format.money(median);
  }
}
