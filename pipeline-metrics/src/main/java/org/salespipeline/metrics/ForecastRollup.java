package org.salespipeline.metrics;

import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * Computes the forecast roll-up of a pipeline's deals as of {@code T} (SPEC §4.1): per month or
 * quarter of the expected close date (the close date for closed deals), closed won, commit, best
 * case, pipeline and omitted, cumulative as the CRMs show them, with quota attainment and coverage
 * per owner (see {@link ForecastFigures} for what each figure includes).
 *
 * <pre>{@code
 * ForecastReport forecast = ForecastRollup.of(Pipeline.standard()).calculate(deals,
 *     ForecastQuery.of(exportedAt, CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
 *         .withQuota(TrendPeriod.parse("2026-Q3"), "ana", Money.parse("50000", "EUR")));
 * forecast.period(TrendPeriod.parse("2026-Q3")).get().owners().get("ana").attainment();
 * }</pre>
 *
 * <p>Input rules, as {@link PipelineMetrics}: every deal of this pipeline, each id once; each deal
 * is taken as it was at {@code T}, and deals opened after {@code T} are not counted. Immutable and
 * thread-safe.
 */
public final class ForecastRollup {

  private final Pipeline pipeline;

  private ForecastRollup(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Returns the calculator of a pipeline's forecast roll-up.
   *
   * @param pipeline the pipeline, not null
   * @return the calculator, never null
   */
  public static ForecastRollup of(Pipeline pipeline) {
    return new ForecastRollup(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /**
   * Computes the roll-up of some deals.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException if a deal belongs to another pipeline or appears twice, the
   *     category rule says CLOSED for an open deal, or a quota names an owner who owns none of the
   *     deals as of {@code T} (a misspelt name would otherwise show as an owner with nothing)
   */
  public ForecastReport calculate(Iterable<? extends Deal> deals, ForecastQuery query) {
    Objects.requireNonNull(deals, "deals");
    return accumulator(query).addAll(deals).result();
  }

  /**
   * Computes the roll-up of a stream of deals, in parallel if the stream is parallel.
   *
   * @param deals the deals, not null, none null, each id once
   * @param query what to compute, not null
   * @return the report, never null
   * @throws IllegalArgumentException as {@link #calculate(Iterable, ForecastQuery)}
   */
  public ForecastReport calculate(Stream<? extends Deal> deals, ForecastQuery query) {
    Objects.requireNonNull(deals, "deals");
    Collector<Deal, ?, ForecastReport> collector = collector(query);
    return deals.collect(collector);
  }

  /**
   * Returns a collector of deals into their roll-up; it works on parallel streams.
   *
   * @param query what to compute, not null
   * @return the collector, never null
   */
  public Collector<Deal, ?, ForecastReport> collector(ForecastQuery query) {
    Objects.requireNonNull(query, "query");
    return PartialResult.collector(() -> new ForecastPart(pipeline, query));
  }

  /**
   * Returns an empty partial result, to fill and merge by hand.
   *
   * @param query what to compute, not null
   * @return a new partial result, never null
   */
  public PartialResult<ForecastReport> accumulator(ForecastQuery query) {
    Objects.requireNonNull(query, "query");
    return new PartialResult<>(new ForecastPart(pipeline, query));
  }

  @Override
  public String toString() {
    return "ForecastRollup of " + pipeline.id();
  }
}
