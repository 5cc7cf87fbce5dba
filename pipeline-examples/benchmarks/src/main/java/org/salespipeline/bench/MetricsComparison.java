package org.salespipeline.bench;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.metrics.MetricsAccumulator;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * The metrics comparison: the report's core figures as of one instant (no window) computed by this
 * library (sequentially, and on a parallel stream through its collector), by DuckDB (the deals
 * loaded into its tables beforehand) and by plain Java streams. First the figures are checked
 * against ours ({@code AGREE metrics} or {@code DISAGREE metrics …}); only if all agree is each
 * approach timed:
 *
 * <pre>
 * COMPARE metrics ours=&lt;ms&gt; duckdb=&lt;ms&gt; speedup=&lt;duckdb/ours&gt;
 * COMPARE metrics ours=&lt;ms&gt; streams=&lt;ms&gt; speedup=&lt;streams/ours&gt;
 * COMPARE metrics-1thread ours=&lt;ms&gt; duckdb=&lt;ms&gt; speedup=&lt;duckdb/ours&gt;
 * COMPARE metrics-parallel ours=&lt;ms&gt; duckdb=&lt;ms&gt; speedup=&lt;duckdb/ours&gt;
 * PARALLEL metrics sequential=&lt;ms&gt; parallel=&lt;ms&gt; speedup=&lt;sequential/parallel&gt;
 * PARALLEL-CORES metrics sequential=&lt;busy cores&gt; parallel=&lt;busy cores&gt;
 * PARALLEL-BOUND metrics leaves=&lt;ms&gt; merge=&lt;ms&gt; report=&lt;ms&gt; amdahl=&lt;x&gt; cores=&lt;n&gt;
 * SCALE metrics deals=&lt;n&gt; ours=&lt;ms&gt; parallel=&lt;ms&gt; duckdb=&lt;ms&gt; duckdb_1thread=&lt;ms&gt; streams=&lt;ms&gt; ours_ns_per_deal=&lt;x&gt;
 * </pre>
 *
 * ({@code SCALE} once per size asked for). The first two lines compare our one thread with DuckDB
 * on all cores (its default); the comparisons at equal threads are {@code metrics-1thread} (ours on
 * one thread, DuckDB with {@code threads=1}) and {@code metrics-parallel} (ours on a parallel
 * stream, DuckDB on all cores). Loading DuckDB is not timed; every timed run of ours and
 * of the streams starts from the same in-memory deals.
 *
 * <p>On a shared machine the parallel speed-up says little by itself, so two lines qualify it.
 * {@code PARALLEL-CORES}: the cores busy on average during the timed runs (process CPU time / wall
 * time); a parallel run near 1.0 never had a second core. {@code PARALLEL-BOUND}: the same work on
 * one thread, split as a fork/join pool of two threads splits a list (four quarters, merged in
 * pairs: the part that runs in parallel), then the last merge and the report (the serial part);
 * {@code amdahl} is the speed-up that split allows on the machine's cores, whatever the load.
 */
final class MetricsComparison {

  private final Pipeline pipeline;
  private final PipelineMetrics metrics;
  private final StreamsMetrics streams;
  private final Timing timing;
  private final ResultsTable table;
  private final PrintStream out;
  private final UnaryOperator<MetricsFigures> others;

  /**
   * @param others applied to the figures of every other approach before they are compared with
   *     ours: the identity, except in tests that inject a disagreement
   */
  MetricsComparison(Pipeline pipeline, Timing timing, ResultsTable table, PrintStream out,
      UnaryOperator<MetricsFigures> others) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.metrics = PipelineMetrics.of(pipeline);
    this.streams = new StreamsMetrics(pipeline);
    this.timing = Objects.requireNonNull(timing, "timing");
    this.table = Objects.requireNonNull(table, "table");
    this.out = Objects.requireNonNull(out, "out");
    this.others = Objects.requireNonNull(others, "others");
  }

  /** Checks, then times, the approaches on the deals; then repeats the timing at each size. */
  boolean run(List<Deal> deals, Instant asOf, List<Integer> sizes) {
    MetricsQuery query = MetricsQuery.asOf(asOf);
    try (DuckDbMetrics duckdb = new DuckDbMetrics(pipeline)) {
      long stays = load(duckdb, deals);
      long allThreads = duckdb.threads();
      out.printf(Locale.ROOT, "metrics: %,d deals as of %s, no window; duckdb %,d stays, %d threads (and 1 for"
          + " metrics-1thread)%n", deals.size(), asOf, stays, allThreads);

      Agreement agreement = new Agreement("metrics");
      MetricsReport sequential = metrics.calculate(deals, query);
      MetricsReport parallel = metrics.calculate(deals.parallelStream(), query);
      MetricsFigures ours = MetricsFigures.of(sequential);
      if (!parallel.equals(sequential)) {
        MetricsFigures.compare(agreement, "parallel", ours, others.apply(MetricsFigures.of(parallel)));
        agreement.compare("report", "parallel", "the sequential report", "another report");
      }
      MetricsFigures.compare(agreement, "duckdb", ours, others.apply(duckdb.calculate(asOf)));
      MetricsFigures.compare(agreement, "streams", ours, others.apply(streams.calculate(deals, asOf)));
      agreement.print(out);
      if (!agreement.agrees()) {
        return false;
      }

      Times times = time(deals, query, duckdb, allThreads);
      Comparison withDuckdb = new Comparison("metrics", "duckdb", times.ours(), times.duckdb());
      Comparison withStreams = new Comparison("metrics", "streams", times.ours(), times.streams());
      out.println(withDuckdb.line());
      out.println(withStreams.line());
      out.println(new Comparison("metrics-1thread", "duckdb", times.ours(), times.duckdbOneThread()).line());
      out.println(new Comparison("metrics-parallel", "duckdb", times.parallel(), times.duckdb()).line());
      out.printf(Locale.ROOT, "PARALLEL metrics sequential=%.3f parallel=%.3f speedup=%.2f%n", times.ours(),
          times.parallel(), times.ours() / times.parallel());
      out.printf(Locale.ROOT, "PARALLEL-CORES metrics sequential=%.2f parallel=%.2f%n", times.oursCores(),
          times.parallelCores());
      Bound bound = bound(deals, query);
      int cores = Runtime.getRuntime().availableProcessors();
      out.printf(Locale.ROOT, "PARALLEL-BOUND metrics leaves=%.3f merge=%.3f report=%.3f amdahl=%.2f cores=%d%n",
          bound.leaves(), bound.merge(), bound.report(), bound.amdahl(cores), cores);
      long work = deals.size();
      table.timed("metrics", "ours, sequential", times.ours(), work, "deals", times.ours());
      table.timed("metrics", "ours, parallel", times.parallel(), work, "deals", times.ours());
      table.timed("metrics", "duckdb, " + allThreads + " threads", times.duckdb(), work, "deals", times.ours());
      table.timed("metrics", "duckdb, 1 thread", times.duckdbOneThread(), work, "deals", times.ours());
      table.timed("metrics", "java-streams", times.streams(), work, "deals", times.ours());
      table.figure("metrics, parallel speed-up", String.format(Locale.ROOT, "%.2fx on %d cores (sequential %.1f ms,"
          + " parallel %.1f ms; busy cores %.2f and %.2f)", times.ours() / times.parallel(), cores, times.ours(),
          times.parallel(), times.oursCores(), times.parallelCores()));
      table.figure("metrics, parallel bound", String.format(Locale.ROOT, "%.2fx on %d idle cores (one thread: leaves"
          + " %.1f ms in parallel, then merge %.1f ms and report %.1f ms in series)", bound.amdahl(cores), cores,
          bound.leaves(), bound.merge(), bound.report()));

      for (int size : sizes) {
        List<Deal> prefix = deals.subList(0, size);
        load(duckdb, prefix);
        Times at = time(prefix, query, duckdb, allThreads);
        out.printf(Locale.ROOT, "SCALE metrics deals=%d ours=%.3f parallel=%.3f duckdb=%.3f duckdb_1thread=%.3f"
            + " streams=%.3f ours_ns_per_deal=%.0f%n", size, at.ours(), at.parallel(), at.duckdb(),
            at.duckdbOneThread(), at.streams(), at.ours() * 1e6 / size);
        table.figure("metrics at " + String.format(Locale.ROOT, "%,d", size) + " deals", String.format(Locale.ROOT,
            "ours %.1f ms (%.0f ns/deal), parallel %.1f ms, duckdb %.1f ms (1 thread %.1f ms), streams %.1f ms",
            at.ours(), at.ours() * 1e6 / size, at.parallel(), at.duckdb(), at.duckdbOneThread(), at.streams()));
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("duckdb failed: " + e.getMessage(), e);
    }
  }

  /** Median times in ms: DuckDB on all its threads and on one; the busy cores of our two runs. */
  private record Times(double ours, double parallel, double duckdb, double duckdbOneThread, double streams,
      double oursCores, double parallelCores) {}

  private Times time(List<Deal> deals, MetricsQuery query, DuckDbMetrics duckdb, long allThreads)
      throws SQLException {
    Timing.Measured<MetricsReport> ours = timing.median(() -> metrics.calculate(deals, query));
    Timing.Measured<MetricsReport> parallel = timing.median(() -> metrics.calculate(deals.parallelStream(), query));
    double sql = timeDuckdb(duckdb, query.asOf());
    duckdb.threads(1);
    double sqlOneThread;
    try {
      sqlOneThread = timeDuckdb(duckdb, query.asOf());
    } finally {
      duckdb.threads(allThreads);
    }
    double plain = timing.median(() -> streams.calculate(deals, query.asOf())).medianMillis();
    return new Times(ours.medianMillis(), parallel.medianMillis(), sql, sqlOneThread, plain, ours.busyCores(),
        parallel.busyCores());
  }

  private double timeDuckdb(DuckDbMetrics duckdb, Instant asOf) {
    return timing.median(() -> {
      try {
        return duckdb.calculate(asOf);
      } catch (SQLException e) {
        throw new IllegalStateException("duckdb failed: " + e.getMessage(), e);
      }
    }).medianMillis();
  }

  /** Medians of the parallel part (leaves), and of the serial part (last merge, report), in ms. */
  private record Bound(double leaves, double merge, double report) {

    double amdahl(int cores) {
      return (leaves + merge + report) / (leaves / cores + merge + report);
    }
  }

  private Bound bound(List<Deal> deals, MetricsQuery query) {
    int n = deals.size();
    List<List<Deal>> quarters = List.of(deals.subList(0, n / 4), deals.subList(n / 4, n / 2),
        deals.subList(n / 2, 3 * n / 4), deals.subList(3 * n / 4, n));
    long[][] nanos = new long[3][timing.runs()];
    for (int run = -timing.warmups(); run < timing.runs(); run++) {
      System.gc();
      long start = System.nanoTime();
      List<MetricsAccumulator> parts = quarters.stream().map(q -> metrics.accumulator(query).addAll(q)).toList();
      MetricsAccumulator left = parts.get(0).merge(parts.get(1));
      MetricsAccumulator right = parts.get(2).merge(parts.get(3));
      long leaves = System.nanoTime();
      left.merge(right);
      long merged = System.nanoTime();
      MetricsReport report = left.report();
      long end = System.nanoTime();
      if (report.deals() > n) {
        throw new IllegalStateException("bug: " + report.deals() + " deals reported of " + n);
      }
      if (run >= 0) {
        nanos[0][run] = leaves - start;
        nanos[1][run] = merged - leaves;
        nanos[2][run] = end - merged;
      }
    }
    return new Bound(medianMillis(nanos[0]), medianMillis(nanos[1]), medianMillis(nanos[2]));
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return (sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0) / 1e6;
  }

  private long load(DuckDbMetrics duckdb, List<Deal> deals) throws SQLException {
    long start = System.nanoTime();
    long stays = duckdb.load(deals);
    out.printf(Locale.ROOT, "duckdb: loaded %,d deals and %,d stays through the appender in %.1f s (not timed)%n",
        deals.size(), stays, (System.nanoTime() - start) / 1e9);
    return stays;
  }
}
