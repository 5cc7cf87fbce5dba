package org.salespipeline.metrics;

import org.salespipeline.metrics.internal.LongSamples;

/**
 * A partial result of {@link Accumulator}: the sales cycles (creation to close, in milliseconds)
 * of the deals won and lost in the window, finished into their {@link DurationSummary}s.
 *
 * <p>Mutable and not thread-safe; merging pools the samples, so any split gives the same figures.
 */
final class SalesCycles {

  final LongSamples won = LongSamples.keepingRuns();
  final LongSamples lost = LongSamples.keepingRuns();

  void add(boolean isWon, long millis) {
    (isWon ? won : lost).add(millis);
  }

  void merge(SalesCycles other) {
    won.mergeSorted(other.won);
    lost.mergeSorted(other.lost);
  }

  DurationSummary finishWon() {
    return DurationSummary.of(won);
  }

  DurationSummary finishLost() {
    return DurationSummary.of(lost);
  }

  void writeTo(PartialResultFormat.Out out) {
    out.samples(won);
    out.samples(lost);
  }

  void readFrom(PartialResultFormat.In in) {
    in.samples(won, "the sales cycles of won deals");
    in.samples(lost, "the sales cycles of lost deals");
  }
}
