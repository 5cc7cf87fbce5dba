package org.salespipeline.bench.jmh;

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
import org.salespipeline.bench.BenchDeals;
import org.salespipeline.bench.LifecyclePass;
import org.salespipeline.core.Deal;

/**
 * The harness's transition comparison, one machine per trial, each in fresh JVMs: a pass drives
 * the lifecycles of the first {@value #LIFECYCLES} generated deals (57,190 transitions) through the
 * machine, given the input the harness gives it. The score is the time of one pass. As in the
 * harness, the heap holds every generated deal while the passes run: {@code -p deals=200000,1000000}
 * runs the harness's sizes (with {@code -jvmArgsAppend -Xmx…} as they need).
 *
 * <p>Why forks: which of our commands the JIT inlines into the loop that calls them is decided
 * anew in every JVM, and it moves our time per pass by up to half from one JVM to the next (the
 * stateless4j machine's far less); one JVM, the harness's, shows one draw. Five forks show the
 * spread, and the error JMH prints includes it. Each iteration lasts two seconds, long enough for
 * the young collections of the garbage its passes make (about 10 MB a pass). As in the harness,
 * each JVM has a fixed heap whose pages it touches when it starts (see the benchmarks README);
 * {@code -jvmArgsAppend -XX:+UseSerialGC} runs them with another collector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 5, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class LifecycleBenchmark {

  static final int LIFECYCLES = 10_000;

  /** The machine, by its name in the harness. */
  @Param({"ours", "stateless4j", "stateless4j-host"})
  public String machine;

  /** How many deals are generated and kept; the lifecycles are the first {@value #LIFECYCLES}. */
  @Param({"10000"})
  public int deals;

  /** Held, never read: the heap holds every generated deal, as the harness's does. */
  private List<Deal> kept;
  private LifecyclePass pass;

  /**
   * Generates and keeps the deals, prepares the machine's input from the first ones (checking it
   * refuses no step), then collects the garbage once, which keeps the input in the order it was
   * made, as the harness does.
   */
  @Setup
  public void setUp() {
    if (deals < LIFECYCLES) {
      throw new IllegalArgumentException("deals must be at least " + LIFECYCLES + " but was " + deals);
    }
    BenchDeals generator = BenchDeals.standard(42);
    kept = generator.deals(deals);
    pass = LifecyclePass.prepare(machine, generator.pipeline(), kept.subList(0, LIFECYCLES));
    System.gc();
  }

  /**
   * Drives every lifecycle once.
   *
   * @return where the deals ended
   */
  @Benchmark
  public Object pass() {
    return pass.drive();
  }
}
