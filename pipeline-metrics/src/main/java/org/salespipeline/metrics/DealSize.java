package org.salespipeline.metrics;

import org.salespipeline.core.Money;

/**
 * The size of the deals won in the window, in one currency: how many, their total, mean and
 * median amount.
 *
 * <p>Each figure is computed exactly and rounded half-even once: the total to the currency's minor
 * unit, the mean and the median (the mean of the two middle amounts of an even count), which are
 * the average deal size, to two decimals beyond it (4 for USD, 2 for JPY), so the median of
 * amounts in the minor unit is exact. Immutable and thread-safe.
 *
 * @param count the number of priced won deals in this currency, positive
 * @param total the sum of their amounts
 * @param mean the mean amount
 * @param median the median amount
 */
public record DealSize(long count, Money total, Money mean, Money median) {

  @Override
  public String toString() {
    return count + " won, mean " + FigureFormat.PLAIN.money(mean) + ", median " + FigureFormat.PLAIN.money(median);
  }
}
