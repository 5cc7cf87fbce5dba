/**
 * Sales pipeline metrics: win rate, deal size, sales cycle, Kaplan–Meier time to close, the
 * stage funnel, the transition matrix and its absorbing-chain win probabilities, time in stage,
 * stuck deals, bottlenecks, weighted pipeline, forecast, velocity, coverage and trends, computed
 * in one mergeable pass over any collection or stream of deals.
 *
 * <p>Start with {@link org.salespipeline.metrics.PipelineMetrics#of(org.salespipeline.core.Pipeline)}
 * and a {@link org.salespipeline.metrics.MetricsQuery}.
 */
@org.jspecify.annotations.NullMarked
module org.salespipeline.metrics {
  requires transitive org.salespipeline.core;
  requires static org.jspecify;
  requires static org.immutables.value.annotations; // compile-only: the report's generated value class

  exports org.salespipeline.metrics;
}
