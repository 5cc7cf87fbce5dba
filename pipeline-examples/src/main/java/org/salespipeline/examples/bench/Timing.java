package org.salespipeline.examples.bench;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Times a task the harness way: a few warm-up runs for the JIT (not counted), then the median of
 * several timed runs, each after a full GC so that one approach's garbage is not charged to the
 * next. The task's result is kept, so the work cannot be optimised away, and returned for the
 * agreement check.
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

  /** The median time of the timed runs, and the result of the last one. */
  record Measured<T>(double medianMillis, T result) {}

  <T> Measured<T> median(Supplier<T> task) {
    Objects.requireNonNull(task, "task");
    T result = null;
    for (int i = 0; i < warmups; i++) {
      result = task.get();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      System.gc();
      long start = System.nanoTime();
      result = task.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double median = runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2.0;
    return new Measured<>(median / 1e6, Objects.requireNonNull(result, "the task returned null"));
  }
}
