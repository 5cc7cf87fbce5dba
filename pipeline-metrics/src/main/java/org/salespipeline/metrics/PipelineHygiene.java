package org.salespipeline.metrics;

import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * Computes the pipeline hygiene review of a pipeline's deals as of {@code T} (SPEC §4.1): for each
 * open deal the flags a sales manager reviews (close date passed, no close date, no recent
 * activity, no amount, no owner, stuck), counted per flag and per owner, the flagged deals listed
 * worst first (see {@link HygieneReport}).
 *
 * <pre>{@code
 * HygieneReport review = PipelineHygiene.of(Pipeline.standard()).calculate(deals, HygieneQuery.asOf(exportedAt));
 * review.total().count(HygieneFlag.CLOSE_DATE_PASSED);
 * review.deals().get(0);                                              // the worst deal
 * }</pre>
 *
 * <p>Stuck is decided by the metrics' own rule ({@link MetricsReport#stuck()} as of {@code T}, no
 * window), so the review needs every deal of the pipeline, closed ones too: their completed stays
 * set the norm of a stage without a rotting threshold. Input rules, as {@link PipelineMetrics}:
 * every deal of this pipeline, each id once. Immutable and thread-safe.
 */
public final class PipelineHygiene {

  private final Pipeline pipeline;

  private PipelineHygiene(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Returns the calculator of a pipeline's hygiene review.
   *
   * @param pipeline the pipeline, not null
   * @return the calculator, never null
   */
  public static PipelineHygiene of(Pipeline pipeline) {
    return new PipelineHygiene(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /**
   * Computes the review of some deals.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException if a deal belongs to another pipeline or appears twice, or as
   *     {@link PipelineMetrics#calculate(Iterable, MetricsQuery)} (a deal created before
   *     {@link MetricsQuery#EARLIEST})
   */
  public HygieneReport calculate(Iterable<? extends Deal> deals, HygieneQuery query) {
    Objects.requireNonNull(deals, "deals");
    return accumulator(query).addAll(deals).result();
  }

  /**
   * Computes the review of a stream of deals, in parallel if the stream is parallel.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException as {@link #calculate(Iterable, HygieneQuery)}
   */
  public HygieneReport calculate(Stream<? extends Deal> deals, HygieneQuery query) {
    Objects.requireNonNull(deals, "deals");
    Collector<Deal, ?, HygieneReport> collector = collector(query);
    return deals.collect(collector);
  }

  /**
   * Returns a collector of deals into their review; it works on parallel streams.
   *
   * @param query what to compute, not null
   * @return the collector, never null
   */
  public Collector<Deal, ?, HygieneReport> collector(HygieneQuery query) {
    Objects.requireNonNull(query, "query");
    return PartialResult.collector(() -> new HygienePart(pipeline, query));
  }

  /**
   * Returns an empty partial result, to fill and merge by hand.
   *
   * @param query what to compute, not null
   * @return a new partial result, never null
   */
  public PartialResult<HygieneReport> accumulator(HygieneQuery query) {
    Objects.requireNonNull(query, "query");
    return new PartialResult<>(new HygienePart(pipeline, query));
  }

  @Override
  public String toString() {
    return "PipelineHygiene of " + pipeline.id();
  }
}
