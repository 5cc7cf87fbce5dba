package org.salespipeline.metrics;

import java.util.Map;

/**
 * The forecast for a period: over the deals open at the as-of instant whose expected close date
 * falls in the period, the probability-weighted sum of their amounts, and the distribution of the
 * revenue they bring in from a seeded Monte Carlo simulation in which each deal is won
 * independently with its probability. Same seed, same numbers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period of expected close dates
 * @param deals the number of open deals expected to close in the period
 * @param unpriced how many of them have no amount (left out of the amounts)
 * @param trials the number of simulated outcomes
 * @param seed the seed of the simulation
 * @param byCurrency the amounts per currency, ordered by currency code
 */
public record Forecast(DateRange period, long deals, long unpriced, int trials, long seed,
    Map<java.util.Currency, CurrencyForecast> byCurrency) {

  /**
   * Creates the value, copying the map.
   *
   * @param period the period of expected close dates
   * @param deals the number of open deals expected to close in the period
   * @param unpriced how many of them have no amount
   * @param trials the number of simulated outcomes
   * @param seed the seed of the simulation
   * @param byCurrency the amounts per currency
   */
  public Forecast {
    byCurrency = Maps.byCurrency(byCurrency);
  }
}
