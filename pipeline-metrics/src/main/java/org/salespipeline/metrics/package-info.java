/**
 * Pipeline metrics: {@link org.salespipeline.metrics.PipelineMetrics} computes a
 * {@link org.salespipeline.metrics.MetricsReport} over deals for a
 * {@link org.salespipeline.metrics.MetricsQuery}, in one pass with mergeable partial results
 * ({@link org.salespipeline.metrics.MetricsAccumulator}).
 *
 * <p>Every figure means exactly what SPEC §4 says; the Javadoc of each accessor of
 * {@link org.salespipeline.metrics.MetricsReport} repeats the definition. An undefined figure
 * (zero denominator, no samples) is an empty {@link io.vavr.control.Option} or an absent map
 * entry, never NaN and never an exception. Money is exact and never mixed across currencies.
 */
package org.salespipeline.metrics;
