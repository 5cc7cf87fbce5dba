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
 *
 * <p>SPEC §4.1's predictable-revenue views have calculators of their own, with the same
 * mergeable partial results ({@link org.salespipeline.metrics.PartialResult}):
 * {@link org.salespipeline.metrics.PipelineMovement} (how the pipeline moved over an interval),
 * {@link org.salespipeline.metrics.ForecastRollup} (closed won, commit, best case, pipeline and
 * omitted per month or quarter, against quotas) and {@link org.salespipeline.metrics.PipelineHygiene}
 * (the flags of each open deal, worst first).
 */
package org.salespipeline.metrics;
