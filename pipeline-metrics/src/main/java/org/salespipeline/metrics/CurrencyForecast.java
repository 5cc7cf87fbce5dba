package org.salespipeline.metrics;

import org.salespipeline.core.Money;

/**
 * The forecast in one currency: the probability-weighted sum (the expected revenue), the
 * unweighted sum, and the 10th, 50th and 90th percentiles (type 7) of the simulated revenue.
 * Each is computed exactly and rounded half-even once to the currency's minor unit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deals the number of priced deals in this currency
 * @param pipeline the sum of their amounts
 * @param expected the sum of amount × probability
 * @param p10 the 10th percentile of simulated won revenue (exceeded in 90% of the trials)
 * @param p50 the median of simulated won revenue
 * @param p90 the 90th percentile of simulated won revenue
 */
public record CurrencyForecast(long deals, Money pipeline, Money expected, Money p10, Money p50, Money p90) {}
