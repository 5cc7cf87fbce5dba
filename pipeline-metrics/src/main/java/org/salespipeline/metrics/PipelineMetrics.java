package org.salespipeline.metrics;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * Computes the metrics of a pipeline's deals: every figure of SPEC §4 in one pass over each
 * deal's history, with partial results that merge exactly, so that a sequential stream, a
 * parallel stream and partitions merged afterwards all give equal reports.
 *
 * <pre>{@code
 * PipelineMetrics metrics = PipelineMetrics.of(Pipeline.standard());
 * MetricsReport report = metrics.calculate(deals, MetricsQuery.asOf(exportedAt).withGrouping(Grouping.owner()));
 * report.winRate();                                      // Option<Rate>
 * deals.parallelStream().collect(metrics.collector(query)); // the same report, on every core
 * }</pre>
 *
 * <p>Input rules: every deal must belong to this pipeline (a deal of another pipeline is a
 * programmer error; {@link #perPipeline} splits deals of several pipelines, each with its own
 * stages, into one report per pipeline), and each deal id may appear once per
 * calculation (a repeated id throws {@link IllegalArgumentException} naming it, since counting a
 * deal twice would silently skew every figure). Immutable and thread-safe.
 */
public final class PipelineMetrics {

  private final Pipeline pipeline;

  private PipelineMetrics(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Returns the calculator of a pipeline's metrics.
   *
   * @param pipeline the pipeline, not null
   * @return the calculator, never null
   */
  public static PipelineMetrics of(Pipeline pipeline) {
    return new PipelineMetrics(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /**
   * Returns the pipeline.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Computes the report of some deals.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException if a deal belongs to another pipeline or appears twice, or
   *     the query's functions misbehave (see {@link MetricsAccumulator#add(Deal)})
   */
  public MetricsReport calculate(Iterable<? extends Deal> deals, MetricsQuery query) {
    Objects.requireNonNull(deals, "deals");
    return accumulator(query).addAll(deals).report();
  }

  /**
   * Computes the report of a stream of deals, in parallel if the stream is parallel.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException as {@link #calculate(Iterable, MetricsQuery)}
   */
  public MetricsReport calculate(Stream<? extends Deal> deals, MetricsQuery query) {
    Objects.requireNonNull(deals, "deals");
    Collector<Deal, ?, MetricsReport> collector = collector(query);
    return deals.collect(collector);
  }

  /**
   * Returns a collector of deals into their report; it works on parallel streams.
   *
   * @param query what to compute, not null
   * @return the collector, never null
   */
  public Collector<Deal, ?, MetricsReport> collector(MetricsQuery query) {
    checkQuery(query);
    return Collector.of(() -> accumulator(query), MetricsAccumulator::add, MetricsAccumulator::merge,
        MetricsAccumulator::report, Collector.Characteristics.UNORDERED);
  }

  /**
   * Returns an empty partial result, to fill and merge by hand (on partitions of the data, for
   * instance).
   *
   * @param query what to compute, not null
   * @return a new accumulator, never null
   * @throws IllegalArgumentException if the query has quotas but no forecast period
   */
  public MetricsAccumulator accumulator(MetricsQuery query) {
    checkQuery(query);
    return new MetricsAccumulator(new Accumulator(pipeline, query, true));
  }

  /**
   * Reads a partial result written by {@link MetricsAccumulator#toBytes()}, possibly in another
   * process or by another machine, to merge with others or to report. The bytes must have been
   * written for this calculator's pipeline and a query that computes the same figures (same as-of
   * instant, window, grouping, trends, forecast period, and probability function and converter
   * present or not); the report is made with {@code query}.
   *
   * @param bytes the partial result's bytes, not null; left unchanged
   * @param query the query the partial result was computed with, not null
   * @return a new accumulator holding the partial result, never null
   * @throws InvalidPartialResultException if the bytes are not a partial result, are of a format
   *     version this library cannot read, are truncated or corrupted, or were written for another
   *     pipeline or query ({@link InvalidPartialResultException#problem()} says which)
   * @throws IllegalArgumentException if the query has quotas but no forecast period
   */
  public MetricsAccumulator accumulatorFrom(byte[] bytes, MetricsQuery query) {
    Objects.requireNonNull(bytes, "bytes");
    checkQuery(query);
    return new MetricsAccumulator(Accumulator.fromBytes(bytes, pipeline, query));
  }

  /**
   * Computes one report per pipeline in one pass over deals of several pipelines: SPEC §4's
   * grouping by pipeline. Each pipeline has its own stages, so each gets a whole report of its
   * own (funnel, win rate, time in stage…), which {@link MetricsQuery#grouping()} may split
   * further.
   *
   * <pre>{@code
   * Map<String, MetricsReport> byPipeline = PipelineMetrics.perPipeline(List.of(newBusiness, renewals), deals, query);
   * byPipeline.get("renewals").winRate();
   * }</pre>
   *
   * @param pipelines the pipelines, not null, none null, their ids distinct
   * @param deals the deals, not null, none null, each of one of the pipelines, each id once per pipeline
   * @param query what to compute for each pipeline, not null
   * @return the reports by pipeline id, in the order of {@code pipelines}; a pipeline without
   *     deals has an empty report
   * @throws IllegalArgumentException if two pipelines share an id, a deal belongs to none of the
   *     pipelines, or as {@link #calculate(Iterable, MetricsQuery)}
   */
  public static Map<String, MetricsReport> perPipeline(Collection<Pipeline> pipelines,
      Iterable<? extends Deal> deals, MetricsQuery query) {
    Objects.requireNonNull(pipelines, "pipelines");
    Objects.requireNonNull(deals, "deals");
    Map<String, MetricsAccumulator> accumulators = new LinkedHashMap<>();
    for (Pipeline pipeline : pipelines) {
      Objects.requireNonNull(pipeline, "pipeline in pipelines");
      if (accumulators.put(pipeline.id(), of(pipeline).accumulator(query)) != null) {
        throw new IllegalArgumentException("pipelines has two pipelines with id '" + pipeline.id() + "'");
      }
    }
    for (Deal deal : deals) {
      Objects.requireNonNull(deal, "deal in deals");
      MetricsAccumulator accumulator = accumulators.get(deal.pipelineId());
      if (accumulator == null) {
        throw new IllegalArgumentException("deal " + deal.id() + " belongs to pipeline '" + deal.pipelineId()
            + "', which is not one of " + accumulators.keySet());
      }
      accumulator.add(deal);
    }
    Map<String, MetricsReport> reports = new LinkedHashMap<>();
    accumulators.forEach((id, accumulator) -> reports.put(id, accumulator.report()));
    return Collections.unmodifiableMap(reports);
  }

  /**
   * Returns the calculator of this pipeline's movement over an interval (SPEC §4.1).
   *
   * @return the calculator, never null
   */
  public PipelineMovement movement() {
    return PipelineMovement.of(pipeline);
  }

  /**
   * Returns the calculator of this pipeline's forecast roll-up (SPEC §4.1).
   *
   * @return the calculator, never null
   */
  public ForecastRollup forecastRollup() {
    return ForecastRollup.of(pipeline);
  }

  /**
   * Returns the calculator of this pipeline's hygiene review (SPEC §4.1).
   *
   * @return the calculator, never null
   */
  public PipelineHygiene hygiene() {
    return PipelineHygiene.of(pipeline);
  }

  private static void checkQuery(MetricsQuery query) {
    Objects.requireNonNull(query, "query");
    if (!query.quotas().isEmpty() && query.forecastPeriod().isEmpty()) {
      throw new IllegalArgumentException("query has quotas " + query.quotas().values()
          + " but no forecast period: coverage needs one (withForecast(start, end))");
    }
  }

  @Override
  public String toString() {
    return "PipelineMetrics of " + pipeline.id();
  }
}
