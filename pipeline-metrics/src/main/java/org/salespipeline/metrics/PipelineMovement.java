package org.salespipeline.metrics;

import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * Computes how a pipeline moved over an interval {@code [A, B)}: SPEC §4.1's waterfall of start,
 * created, moved in and out, reopened, won, lost, increased, decreased and end, replayed exactly
 * from each deal's events (see {@link Movement} for what each figure means).
 *
 * <pre>{@code
 * PipelineMovement movement = PipelineMovement.of(Pipeline.standard());
 * MovementReport week = movement.calculate(deals, MovementQuery.over(monday, nextMonday)
 *     .withTargetPeriod(TrendPeriod.parse("2026-Q3")));
 * week.total().pushedOut();                                          // Figure: count and amounts
 * deals.parallelStream().collect(movement.collector(query));         // the same report
 * }</pre>
 *
 * <p>Input rules, as {@link PipelineMetrics}: every deal of this pipeline, each id once. Each
 * deal is read through its public history ({@link Deal#history()}); events at or after {@code B}
 * are ignored, so passing deals exported later than {@code B} is right. Immutable and thread-safe.
 */
public final class PipelineMovement {

  private final Pipeline pipeline;

  private PipelineMovement(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Returns the calculator of a pipeline's movement.
   *
   * @param pipeline the pipeline, not null
   * @return the calculator, never null
   */
  public static PipelineMovement of(Pipeline pipeline) {
    return new PipelineMovement(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /**
   * Computes the movement of some deals.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException if a deal belongs to another pipeline or appears twice
   */
  public MovementReport calculate(Iterable<? extends Deal> deals, MovementQuery query) {
    Objects.requireNonNull(deals, "deals");
    return accumulator(query).addAll(deals).result();
  }

  /**
   * Computes the movement of a stream of deals, in parallel if the stream is parallel.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException as {@link #calculate(Iterable, MovementQuery)}
   */
  public MovementReport calculate(Stream<? extends Deal> deals, MovementQuery query) {
    Objects.requireNonNull(deals, "deals");
    Collector<Deal, ?, MovementReport> collector = collector(query);
    return deals.collect(collector);
  }

  /**
   * Returns a collector of deals into their movement; it works on parallel streams.
   *
   * @param query what to compute, not null
   * @return the collector, never null
   */
  public Collector<Deal, ?, MovementReport> collector(MovementQuery query) {
    Objects.requireNonNull(query, "query");
    return PartialResult.collector(() -> new MovementPart(pipeline, query));
  }

  /**
   * Returns an empty partial result, to fill and merge by hand.
   *
   * @param query what to compute, not null
   * @return a new partial result, never null
   */
  public PartialResult<MovementReport> accumulator(MovementQuery query) {
    Objects.requireNonNull(query, "query");
    return new PartialResult<>(new MovementPart(pipeline, query));
  }

  @Override
  public String toString() {
    return "PipelineMovement of " + pipeline.id();
  }
}
