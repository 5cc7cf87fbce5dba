package org.salespipeline.metrics;

import java.util.List;

/**
 * A partial result of {@link Accumulator}: the stage changes in the window counted by the stage
 * left and the stage entered (indexed as in {@link Accumulator}: open stages, won, lost), finished
 * into the {@link Transitions} matrix with its absorbing-chain win probabilities.
 *
 * <p>Mutable and not thread-safe; merging adds the counts, so any split gives the same matrix.
 */
final class TransitionCounts {

  private final int n;
  private final long[] counts;

  TransitionCounts(int stages) {
    this.n = stages;
    this.counts = new long[stages * stages];
  }

  void add(int from, int to) {
    counts[from * n + to]++;
  }

  void merge(TransitionCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  /** @param stageIds the ids of the stages by index: the open ones, then won and lost */
  Transitions finish(List<String> stageIds) {
    return Transitions.of(stageIds, counts);
  }

  void writeTo(PartialResultFormat.Out out) {
    for (long count : counts) {
      out.unsigned(count);
    }
  }

  void readFrom(PartialResultFormat.In in) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = in.count("a transition count");
    }
  }
}
