package org.salespipeline.metrics;

import io.vavr.control.Option;
import org.salespipeline.core.Money;

/**
 * Pipeline coverage against a quota: the open pipeline expected to close in the forecast period,
 * unweighted and weighted by probability, divided by the quota. The two sums are rounded
 * half-even once to the currency's minor unit; the ratios are of the exact sums.
 *
 * <p>Immutable and thread-safe.
 *
 * @param quota the quota the caller gave
 * @param pipeline the sum of the amounts of open deals expected to close in the period
 * @param weighted the sum of amount × probability of the same deals
 * @param ratio pipeline / quota, or none if the quota is zero
 * @param weightedRatio weighted / quota, or none if the quota is zero
 */
public record Coverage(Money quota, Money pipeline, Money weighted, Option<Double> ratio, Option<Double> weightedRatio) {}
