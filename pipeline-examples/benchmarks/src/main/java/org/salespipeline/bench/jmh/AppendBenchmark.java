package org.salespipeline.bench.jmh;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Rejection;

/**
 * The cost of appending an event to a deal that already has {@code prior} events (SPEC §7: the
 * same at 5 and at 10,000): a chain of {@value #CHAIN} commands, each on the deal the previous one
 * returned, as a host applies a deal's commands one after another; the time is per command.
 *
 * <p>Each chain starts from a deal made afresh in an untimed setup, because a deal shares its
 * history with the deals evolved from it: a second chain from the same deal would branch from it,
 * and branching copies the history once. Run it with
 * {@code org.openjdk.jmh.Main AppendBenchmark}; {@code -p prior=5,100,10000} adds sizes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AppendBenchmark {

  static final int CHAIN = 256;
  private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

  /** How many events the deal has before the chain: the opening and activities, a minute apart. */
  @Param({"5", "10000"})
  public int prior;

  private final Pipeline pipeline = Pipeline.standard();
  private Deal deal;
  private Instant next;

  /** Makes a deal with {@code prior} events whose history no command has extended yet. */
  @Setup(Level.Invocation)
  public void setUp() {
    Instant at = OPENED;
    Deal d = accept(pipeline.open(NewDeal.of("D-1").withTitle("Long history").withOwner("ana")
        .withAttribute("source", "web").withAttribute("segment", "SMB").withAttribute("product", "Pro"), at));
    for (int i = 1; i < prior; i++) {
      at = at.plusSeconds(60);
      d = accept(pipeline.recordActivity(d, at));
    }
    deal = d;
    next = at.plusSeconds(60);
  }

  /**
   * Appends {@value #CHAIN} activities in a chain.
   *
   * @return the last deal
   */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public Deal appendChain() {
    Deal d = deal;
    Instant at = next;
    for (int i = 0; i < CHAIN; i++) {
      d = accept(pipeline.recordActivity(d, at));
      at = at.plusSeconds(60);
    }
    return d;
  }

  private static Deal accept(Either<Rejection, Change> result) {
    if (result.isLeft()) {
      throw new IllegalStateException("bug: the benchmark's command was rejected: " + result.getLeft().message());
    }
    return result.get().deal();
  }
}
