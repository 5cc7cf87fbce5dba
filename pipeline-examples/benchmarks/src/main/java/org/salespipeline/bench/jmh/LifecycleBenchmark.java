package org.salespipeline.bench.jmh;

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

/**
 * The harness's transition comparison, one machine per trial, each in fresh JVMs: a pass drives
 * the lifecycles of {@value #LIFECYCLES} generated deals (about 57,000 transitions) through the
 * machine, given the input the harness gives it. The score is the time of one pass.
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

  private LifecyclePass pass;

  /**
   * Generates the deals, prepares the machine's input (checking it refuses no step), then collects
   * the garbage once, which keeps the input in the order it was made, as the harness does.
   */
  @Setup
  public void setUp() {
    BenchDeals generator = BenchDeals.standard(42);
    pass = LifecyclePass.prepare(machine, generator.pipeline(), generator.deals(LIFECYCLES));
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
