package org.salespipeline.bench.jmh;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Deal;
import org.salespipeline.bench.BenchDeals;
import org.salespipeline.metrics.MetricsAccumulator;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * The metrics pass over the bench's realistic deals, as of their latest event, no window: the
 * whole report sequentially and on a parallel stream, and the two halves of a parallel
 * calculation apart (the partial results of the deals, then merging them and finishing the
 * report, which is the serial part). Times are per calculation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx6g")
public class MetricsBenchmark {

  /** How many deals. */
  @Param("100000")
  public int deals;

  private PipelineMetrics metrics;
  private MetricsQuery query;
  private List<Deal> all;
  private List<Deal> firstHalf;
  private List<Deal> secondHalf;

  /** Generates the deals. */
  @Setup
  public void setUp() {
    BenchDeals generator = BenchDeals.standard(42);
    metrics = PipelineMetrics.of(generator.pipeline());
    all = generator.deals(deals);
    firstHalf = all.subList(0, deals / 2);
    secondHalf = all.subList(deals / 2, deals);
    query = MetricsQuery.asOf(all.stream().map(Deal::lastEventAt).max(Instant::compareTo).orElseThrow());
  }

  /**
   * The report of every deal, on one thread.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport sequential() {
    return metrics.calculate(all, query);
  }

  /**
   * The report of every deal, on a parallel stream through the collector.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport parallel() {
    return metrics.calculate(all.parallelStream(), query);
  }

  /**
   * The partial results of the two halves, on one thread: the part of a calculation that runs in
   * parallel.
   *
   * @return the second partial result
   */
  @Benchmark
  public MetricsAccumulator partialResults() {
    metrics.accumulator(query).addAll(firstHalf);
    return metrics.accumulator(query).addAll(secondHalf);
  }

  /**
   * The partial results of the two halves, merged and finished into the report: subtract
   * {@link #partialResults()} to get the serial part of a parallel calculation.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport partialResultsMergedAndReported() {
    MetricsAccumulator first = metrics.accumulator(query).addAll(firstHalf);
    return first.merge(metrics.accumulator(query).addAll(secondHalf)).report();
  }
}
