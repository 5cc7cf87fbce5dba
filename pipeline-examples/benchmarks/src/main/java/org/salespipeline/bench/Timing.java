package org.salespipeline.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Times a task the harness way: a few warm-up runs for the JIT (not counted), then the median of
 * several timed runs, each after a full GC so that one approach's garbage is not charged to the
 * next. The task's result is kept, so the work cannot be optimised away, and returned for the
 * agreement check. The process's CPU time over the timed runs is measured too: divided by their
 * wall time it says how many cores were busy on average, which on a shared machine tells whether
 * a parallel run had a second core at all.
 */
final class Timing {

  private final int warmups;
  private final int runs;

  Timing(int warmups, int runs) {
    if (warmups < 0) {
      throw new IllegalArgumentException("warmups must not be negative but was " + warmups);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1 but was " + runs);
    }
    this.warmups = warmups;
    this.runs = runs;
  }

  int warmups() {
    return warmups;
  }

  int runs() {
    return runs;
  }

  /**
   * The median time of the timed runs, the result of the last one, the cores busy on average
   * during the timed runs (process CPU time / wall time; NaN where the JVM cannot say), and the
   * median process CPU time of a run (every thread's, the collector's too; NaN where the JVM cannot
   * say): on a shared machine, where a run waits for a core, closer to the work than the wall time.
   */
  record Measured<T>(double medianMillis, T result, double busyCores, double medianCpuMillis) {}

  <T> Measured<T> median(Supplier<T> task) {
    Objects.requireNonNull(task, "task");
    T result = null;
    for (int i = 0; i < warmups; i++) {
      result = task.get();
    }
    long[] nanos = new long[runs];
    long[] cpus = new long[runs];
    long cpu = 0;
    long wall = 0;
    for (int i = 0; i < runs; i++) {
      System.gc();
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      result = task.get();
      nanos[i] = System.nanoTime() - start;
      cpus[i] = processCpuNanos() - cpuStart;
      cpu += cpus[i];
      wall += nanos[i];
    }
    double busyCores = cpuStartUnknown() || wall == 0 ? Double.NaN : (double) cpu / wall;
    double cpuMedian = cpuStartUnknown() ? Double.NaN : median(cpus) / 1e6;
    return new Measured<>(median(nanos) / 1e6, Objects.requireNonNull(result, "the task returned null"), busyCores,
        cpuMedian);
  }

  /**
   * A task timed by passes: the median over the timed runs of a pass's wall time and process CPU
   * time, the passes of all timed runs, and the garbage collections during them.
   */
  record PerPass<T>(double medianMillis, T result, double medianCpuMillis, long passes, long collections) {}

  /**
   * Times {@code pass} in runs that repeat it until at least {@code minRunNanos} have passed and
   * the JVM has collected garbage at least once since the run began, or until {@code maxRunNanos}
   * have passed: a run's time per pass then holds the collection of the garbage its passes made,
   * whatever the size of the young generation. As many warm-up runs as this timing has (not
   * counted), then its timed runs, each after a full GC; a run's time per pass is its time divided
   * by its passes, so no calibration on a warming JIT decides how long a run is.
   */
  <T> PerPass<T> medianPerPass(Supplier<T> pass, long minRunNanos, long maxRunNanos) {
    Objects.requireNonNull(pass, "pass");
    if (minRunNanos < 1) {
      throw new IllegalArgumentException("minRunNanos must be positive but was " + minRunNanos);
    }
    if (maxRunNanos < minRunNanos) {
      throw new IllegalArgumentException("maxRunNanos must be at least minRunNanos (" + minRunNanos + ") but was "
          + maxRunNanos);
    }
    T result = null;
    for (int i = 0; i < warmups; i++) {
      long start = System.nanoTime();
      do {
        result = pass.get();
      } while (System.nanoTime() - start < minRunNanos);
    }
    long[] nanos = new long[runs];
    long[] cpus = new long[runs];
    long passes = 0;
    long collections = 0;
    for (int i = 0; i < runs; i++) {
      System.gc();
      long collectionsBefore = collections();
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      long elapsed;
      long collected;
      int n = 0;
      do {
        result = pass.get();
        n++;
        elapsed = System.nanoTime() - start;
        collected = collections() - collectionsBefore;
      } while (elapsed < maxRunNanos && (elapsed < minRunNanos || collected == 0));
      cpus[i] = (processCpuNanos() - cpuStart) / n;
      nanos[i] = elapsed / n;
      passes += n;
      collections += collected;
    }
    double cpuMedian = cpuStartUnknown() ? Double.NaN : median(cpus) / 1e6;
    return new PerPass<>(median(nanos) / 1e6, Objects.requireNonNull(result, "the pass returned null"), cpuMedian,
        passes, collections);
  }

  /** The JVM's collectors, young and old: asked for once, read after every pass. */
  private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

  /** The collections of every collector of the JVM so far (young and old). */
  private static long collections() {
    long count = 0;
    for (GarbageCollectorMXBean collector : COLLECTORS) {
      count += Math.max(0, collector.getCollectionCount());
    }
    return count;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static boolean cpuStartUnknown() {
    return processCpuNanos() < 0;
  }

  /** The CPU time of the whole process so far, or a negative number where the JVM cannot say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
