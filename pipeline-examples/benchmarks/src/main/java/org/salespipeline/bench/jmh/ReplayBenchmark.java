package org.salespipeline.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Pipeline;
import org.salespipeline.bench.BenchDeals;

/**
 * Rebuilding deals from stored events ({@link Deal#replay}), which re-checks every event against
 * the pipeline's rules, over the bench's realistic deals (about seven events each); and
 * {@link Deal#asOf}, which rebuilds a deal as it was at an earlier instant. Times are per deal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayBenchmark {

  private static final int DEALS = 1_000;

  private Pipeline pipeline;
  private List<Deal> deals;
  private List<List<DealEvent>> histories;

  /** Generates the deals and keeps their histories as a host's store would hold them. */
  @Setup
  public void setUp() {
    BenchDeals generator = BenchDeals.standard(42);
    pipeline = generator.pipeline();
    deals = generator.deals(DEALS);
    histories = deals.stream().map(Deal::history).toList();
  }

  /**
   * Replays every deal's history.
   *
   * @param blackhole takes each rebuilt deal
   */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public void replay(Blackhole blackhole) {
    for (List<DealEvent> history : histories) {
      blackhole.consume(Deal.replay(pipeline, history));
    }
  }

  /**
   * Rebuilds every deal as it was one second after its second event.
   *
   * @param blackhole takes each rebuilt deal
   */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public void asOf(Blackhole blackhole) {
    for (Deal deal : deals) {
      List<DealEvent> history = deal.history();
      blackhole.consume(deal.asOf(history.get(Math.min(1, history.size() - 1)).at().plusSeconds(1)));
    }
  }
}
