package org.salespipeline.bench;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.openjdk.jol.info.GraphLayout;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * The side-by-side benchmark harness (the {@code bench} command, main class of
 * {@code pipeline-benchmarks-<version>-all.jar}): generates one
 * seeded, realistic data set, checks that every approach computes the same results as this library,
 * then times each the same way (warm-up, then the median of several runs, loading not timed) and
 * prints one line per comparison:
 *
 * <pre>
 * COMPARE &lt;what&gt; ours=&lt;ms&gt; &lt;other&gt;=&lt;ms&gt; speedup=&lt;other/ours&gt;
 * PARALLEL metrics sequential=&lt;ms&gt; parallel=&lt;ms&gt; speedup=&lt;sequential/parallel&gt;
 * SCALE metrics deals=&lt;n&gt; ours=&lt;ms&gt; parallel=&lt;ms&gt; duckdb=&lt;ms&gt; streams=&lt;ms&gt; ours_ns_per_deal=&lt;x&gt;
 * SCORING &lt;scorer&gt; deals_per_second=&lt;n&gt;
 * TOPK k=100 deals=&lt;N&gt; ms=&lt;ms&gt;
 * MEMORY bytes_per_deal=&lt;n&gt;
 * </pre>
 *
 * then a readable table. Only comparisons that really ran are printed. Exit code 0 when every
 * approach agrees with ours, 1 when one does not ({@code DISAGREE} lines say which figures), 2 for
 * bad arguments.
 *
 * <p>Comparisons: {@code metrics} — the report's core figures (funnel, win rate, cycle length,
 * deal size, time in stage, velocity) as of one instant by this library (sequential and parallel),
 * DuckDB and plain Java streams ({@link MetricsComparison}), and, with {@code --sizes}, at several
 * sizes; {@code transitions} — the same deal lifecycles (open, moves with skips and backward moves,
 * wins, losses, reopens) through our pipeline's commands, Spring Statemachine and stateless4j;
 * scoring — deals per second of the scorecard and naive Bayes, and the top-100 prioritisation
 * ({@link ScoringBench}); memory — the retained heap per deal.
 *
 * <p>The as-of instant of metrics and scoring is {@code --as-of}, or the latest event of the data
 * set (as if it were exported right after it).
 */
public final class Bench {

  /**
   * The shortest timed run of the transition drivers: a run repeats its passes over the lifecycles
   * for at least a second and until the JVM has collected garbage (see {@link Timing#medianPerPass}).
   */
  private static final long MIN_RUN_NANOS = 1_000_000_000L;
  /** The longest timed run of the transition drivers, collection or not: a minute. */
  private static final long MAX_RUN_NANOS = 60_000_000_000L;

  private static final int MEMORY_SAMPLE = 20_000;

  private final BenchOptions options;
  private final PrintStream out;
  private final Timing timing;
  private final ResultsTable table = new ResultsTable();
  private final Pipeline pipeline = Pipeline.standard();
  private final UnaryOperator<MetricsFigures> otherMetrics;

  private Bench(BenchOptions options, PrintStream out, UnaryOperator<MetricsFigures> otherMetrics) {
    this.options = options;
    this.out = out;
    this.timing = new Timing(options.warmups(), options.runs());
    this.otherMetrics = otherMetrics;
  }

  /**
   * Runs the harness from the command line and exits the JVM with its status: {@code java -jar
   * pipeline-benchmarks-<version>-all.jar [bench] --deals N ...}; the command name {@code bench} may
   * lead, as it did when the harness was a command of the analyst's jar.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = runCommandLine(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** {@link #run(String[], PrintStream, PrintStream)} after an optional leading command name {@code bench}. */
  static int runCommandLine(String[] args, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    boolean named = args.length > 0 && args[0].equals("bench");
    return run(named ? Arrays.copyOfRange(args, 1, args.length) : args, out, err);
  }

  /**
   * Runs the harness.
   *
   * @param args the options after the command name: {@code --deals N [--seed S] [--warmups W]
   *     [--runs R] [--transition-deals K] [--transition-rounds T] [--transition-against MACHINE,...]
   *     [--only PART,...] [--memory-detail]}, not null
   * @param out where results go, not null
   * @param err where a bad argument is reported, not null
   * @return 0 when every approach agrees with ours, 1 when one does not, 2 for bad arguments
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, MetricsFigures.unchanged());
  }

  /**
   * Runs the harness, passing the other approaches' metrics figures through a function before they
   * are compared with ours: for tests, to see a disagreement reported.
   */
  static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<MetricsFigures> otherMetrics) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Either<String, BenchOptions> parsed = BenchOptions.parse(args);
    if (parsed.isLeft()) {
      err.println("bench: " + parsed.getLeft() + " (bench --help for usage)");
      return 2;
    }
    if (parsed.get().help()) {
      out.print(BenchOptions.usage());
      return 0;
    }
    return new Bench(parsed.get(), out, Objects.requireNonNull(otherMetrics, "otherMetrics")).execute();
  }

  private int execute() {
    Runtime runtime = Runtime.getRuntime();
    out.printf(Locale.ROOT, "bench: %,d deals, seed %d; %d warm-up runs, then the median of %d runs%n",
        options.deals(), options.seed(), timing.warmups(), timing.runs());
    out.printf(Locale.ROOT, "java %s (%s, %s), %d cores, max heap %,d MiB%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.vendor"), runtime.availableProcessors(),
        runtime.maxMemory() >> 20);
    out.printf(Locale.ROOT, "cpu: %s%n", cpuModel());

    long heapBefore = HeapMeasure.usedAfterGc();
    long start = System.nanoTime();
    List<Deal> deals = BenchDeals.standard(options.seed()).deals(options.deals());
    double generatedSeconds = (System.nanoTime() - start) / 1e9;
    long heapAfter = HeapMeasure.usedAfterGc();
    out.printf(Locale.ROOT, "data: %s; generated in %.1f s (not timed)%n", BenchDeals.describe(deals),
        generatedSeconds);

    Instant asOf = options.asOf().getOrElse(() -> latestEvent(deals));
    boolean agree = true;
    if (options.runs(BenchOptions.Part.METRICS)) {
      agree = new MetricsComparison(pipeline, timing, table, out, otherMetrics).run(deals, asOf, options.sizes());
    }
    if (options.runs(BenchOptions.Part.TRANSITIONS)) {
      agree &= transitions(deals);
    }
    if (options.runs(BenchOptions.Part.SCORING)) {
      new ScoringBench(pipeline, timing, table, out).run(deals, asOf);
    }
    if (options.runs(BenchOptions.Part.MEMORY)) {
      memory(deals, heapAfter - heapBefore);
    }

    table.print(out);
    return agree ? 0 : 1;
  }

  /**
   * The processor's model name, for the header: ratios are the machine's, never the library's. Read
   * from {@code /proc/cpuinfo} on Linux; elsewhere the architecture only.
   */
  static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    try (Stream<String> lines = Files.lines(cpuinfo)) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElseGet(Bench::unknownCpu);
    } catch (IOException | UncheckedIOException e) {
      return unknownCpu();
    }
  }

  private static String unknownCpu() {
    return "unknown model (" + System.getProperty("os.arch") + ", " + System.getProperty("os.name") + ")";
  }

  private static Instant latestEvent(List<Deal> deals) {
    return deals.stream().map(Deal::lastEventAt).max(Instant::compareTo).orElseThrow();
  }

  /**
   * The same lifecycles through our pipeline, Spring Statemachine and stateless4j, as many rounds
   * as {@code --transition-rounds} asks: each round times every driver in turn and prints its
   * {@code COMPARE} lines, so that rounds show how much a ratio moves within one JVM; the table
   * keeps the last round.
   */
  private boolean transitions(List<Deal> deals) {
    List<Lifecycle> lifecycles = deals.subList(0, options.transitionDeals()).stream().map(Lifecycle::of).toList();
    long transitions = lifecycles.stream().mapToLong(Lifecycle::transitions).sum();
    out.printf(Locale.ROOT, "transitions: %,d deal lifecycles, %,d transitions%n", lifecycles.size(), transitions);

    List<String> names = new java.util.ArrayList<>(List.of("ours", "ours+events"));
    if (options.transitionAgainst("spring-statemachine")) {
      names.add("spring-statemachine");
    }
    if (options.transitionAgainst("stateless4j")) {
      names.addAll(List.of("stateless4j", "stateless4j-host"));
    }
    List<LifecycleDriver> drivers = names.stream().map(name -> LifecycleDriver.named(name, pipeline)).toList();
    boolean agree = true;
    int rounds = options.transitionRounds();
    for (int round = 1; round <= rounds; round++) {
      if (rounds > 1) {
        out.printf(Locale.ROOT, "transitions: round %d of %d%n", round, rounds);
      }
      agree &= transitionRound(drivers, lifecycles, transitions, round == rounds);
    }
    return agree;
  }

  /**
   * One round: every driver timed in turn. The first two are ours, keeping the deals only and
   * keeping every command's events too; every other machine is compared with both
   * ({@code COMPARE transitions} and {@code COMPARE transitions-with-events}).
   */
  private boolean transitionRound(List<LifecycleDriver> drivers, List<Lifecycle> lifecycles, long transitions,
      boolean tabled) {
    List<Timing.PerPass<LifecycleDriver.Outcome>> ours = new java.util.ArrayList<>();
    Agreement agreement = new Agreement("transitions");
    List<Comparison> comparisons = new java.util.ArrayList<>();
    for (LifecycleDriver driver : drivers) {
      LifecycleDriver.Run run = driver.prepare(lifecycles);
      // a full collection now keeps the input where it was made, lifecycle after lifecycle, as a host's freshly
      // received requests lie: left to the first young collection, it would be copied in whatever order the
      // collector's threads reach it, a layout that changes from round to round and the time of every pass with it
      System.gc();
      Timing.PerPass<LifecycleDriver.Outcome> measured = timing.medianPerPass(run::drive, MIN_RUN_NANOS, MAX_RUN_NANOS);
      out.printf(Locale.ROOT, "transitions: %s drove the lifecycles %,d times in %d timed runs (each at least %d s "
          + "and until a collection), %,d garbage collections%n", driver.name(), measured.passes(), timing.runs(),
          MIN_RUN_NANOS / 1_000_000_000, measured.collections());
      LifecycleDriver.Outcome outcome = measured.result();
      if (outcome.refused() > 0) {
        agreement.differ("refused-steps", driver.name(), "0", Integer.toString(outcome.refused()));
      }
      if (ours.size() < 2) {
        if (!ours.isEmpty()) {
          compareStates(agreement, driver.name(), lifecycles, ours.get(0).result(), outcome);
        }
        ours.add(measured);
      } else {
        compareStates(agreement, driver.name(), lifecycles, ours.get(0).result(), outcome);
        comparisons.add(new Comparison("transitions", driver.name(), ours.get(0).medianMillis(),
            measured.medianMillis()));
        comparisons.add(new Comparison("transitions-with-events", driver.name(), ours.get(1).medianMillis(),
            measured.medianMillis()));
        if (ours.get(0).medianCpuMillis() > 0 && measured.medianCpuMillis() > 0) {
          comparisons.add(new Comparison("transitions-cpu", driver.name(), ours.get(0).medianCpuMillis(),
              measured.medianCpuMillis()));
        }
      }
      if (tabled) {
        table.timed("transitions", driver.name(), measured.medianMillis(), transitions, "transitions",
            ours.get(0).medianMillis());
      }
    }
    agreement.print(out);
    comparisons.forEach(c -> out.println(c.line()));
    return agreement.agrees();
  }

  private static void compareStates(Agreement agreement, String other, List<Lifecycle> lifecycles,
      LifecycleDriver.Outcome ours, LifecycleDriver.Outcome theirs) {
    for (int i = 0; i < lifecycles.size(); i++) {
      agreement.compare("final-state " + lifecycles.get(i).draft().id(), other, ours.finalStates().get(i),
          theirs.finalStates().get(i));
    }
  }

  /**
   * Retained heap per deal: JOL's object graph of the list (reported), and heap after GC. Without
   * the opens JOL needs to walk fast, it walks the first {@value #MEMORY_SAMPLE} deals only.
   */
  private void memory(List<Deal> deals, long heapDelta) {
    boolean whole = HeapMeasure.fastWalk() || deals.size() <= MEMORY_SAMPLE;
    List<Deal> walked = whole ? deals : deals.subList(0, MEMORY_SAMPLE);
    GraphLayout layout = HeapMeasure.graph(List.copyOf(walked));
    long graph = layout.totalSize();
    long perDeal = Math.round((double) graph / walked.size());
    out.printf(Locale.ROOT, "MEMORY bytes_per_deal=%d%n", perDeal);
    table.figure("memory, JOL graph of the deal list", String.format(Locale.ROOT,
        "%,d bytes per deal (%,d bytes for %,d deals%s; objects shared across deals counted once)", perDeal, graph,
        walked.size(), whole ? "" : ", a sample: run with " + HeapMeasure.addOpensOptions() + " to walk all"));
    table.figure("memory, used heap after GC", String.format(Locale.ROOT, "%,d bytes per deal (cross-check)",
        Math.round((double) heapDelta / deals.size())));
    if (options.memoryDetail()) {
      out.println();
      out.println("heap of " + walked.size() + " deals by class (JOL footprint):");
      out.print(layout.toFootprint());
    }
  }
}
