package org.salespipeline.metrics;

import org.salespipeline.metrics.internal.LongSamples;

/**
 * A partial result of {@link Accumulator}: the cohort's times to close and, for its open deals,
 * their ages at T (censored), finished into the Kaplan–Meier {@link SurvivalCurve}.
 *
 * <p>Mutable and not thread-safe; merging pools the samples, so any split gives the same curve.
 */
final class TimeToClose {

  final LongSamples closed = new LongSamples();
  final LongSamples censored = new LongSamples();

  void addClosed(long millis) {
    closed.add(millis);
  }

  void addOpen(long ageMillis) {
    censored.add(ageMillis);
  }

  void merge(TimeToClose other) {
    closed.mergeSorted(other.closed);
    censored.mergeSorted(other.censored);
  }

  SurvivalCurve finish() {
    return SurvivalCurve.of(closed.sorted(), censored.sorted());
  }

  long subjects() {
    return closed.size() + (long) censored.size();
  }

  void writeTo(PartialResultFormat.Out out) {
    out.samples(closed);
    out.samples(censored);
  }

  void readFrom(PartialResultFormat.In in) {
    in.samples(closed, "the times to close");
    in.samples(censored, "the ages of open deals");
  }
}
