package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.metrics.internal.AbsorbingChain;

/**
 * The observed stage changes and the absorbing-Markov-chain win probability of each open stage.
 *
 * <p>Counts every from→to change that happened in the window at or before the as-of instant:
 * forward moves, skips, backward moves, wins, losses and reopens (from the won or lost stage).
 * Opening a deal is not a change. The chain treats the open stages as transient and the won and
 * lost stages as absorbing; its transition probabilities are the observed shares of each open
 * stage's changes; its fundamental matrix is N = (I − Q)⁻¹ and its absorption probabilities
 * B = N·R. Unlike chained stage-to-stage conversions, this stays right when deals skip or revisit
 * stages. A stage's probability is undefined when it, or a stage it leads to, was never seen
 * leaving, or cannot lead to a close.
 *
 * <p>Immutable and thread-safe; equal when the stages and the counts are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class Transitions {

  Transitions() {}

  /**
   * @param stageIds the stages in matrix order: the open ones, then won and lost
   * @param counts the counts, row-major: from the i-th stage to the j-th at {@code i * n + j}
   */
  static Transitions of(List<String> stageIds, long[] counts) {
    return ImmutableTransitions.builder().stageIds(stageIds).counts(Arrays.stream(counts).boxed().toList()).build();
  }

  /**
   * Returns the ids of the stages, in matrix order: the open stages in pipeline order, then the
   * won and the lost stage.
   *
   * @return an unmodifiable list, never null
   */
  public abstract List<String> stageIds();

  /** The counts, row-major: from the i-th stage to the j-th at {@code i * n + j}, n stages. */
  abstract List<Long> counts();

  /** The absorbing chain's probabilities, computed once when first asked for. */
  @Value.Lazy
  double[][] absorption() {
    int n = stageIds().size();
    long[][] matrix = new long[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        matrix[i][j] = counts().get(i * n + j);
      }
    }
    return AbsorbingChain.absorption(matrix, n - 2);
  }

  @Value.Check
  void check() {
    if (counts().size() != stageIds().size() * stageIds().size()) {
      throw new IllegalStateException("bug: " + counts().size() + " transition counts for " + stageIds().size()
          + " stages");
    }
  }

  /**
   * Returns how many times deals moved from one stage to another.
   *
   * @param fromStageId the stage left, not null
   * @param toStageId the stage entered, not null
   * @return the count, zero if never
   * @throws IllegalArgumentException if a stage is not one of {@link #stageIds()}
   */
  public long count(String fromStageId, String toStageId) {
    return counts().get(index(fromStageId, "fromStageId") * stageIds().size() + index(toStageId, "toStageId"));
  }

  /**
   * Returns the total number of stage changes counted.
   *
   * @return the total
   */
  public long total() {
    long total = 0;
    for (long c : counts()) {
      total += c;
    }
    return total;
  }

  /**
   * Returns the probability that a deal in an open stage is eventually won, by the absorbing
   * chain estimated from the counts.
   *
   * @param stageId an open stage, not null
   * @return the probability in [0, 1], or none if undefined
   * @throws IllegalArgumentException if the stage is not an open stage of the pipeline
   */
  public Option<Double> winProbability(String stageId) {
    return absorbed(stageId, 0);
  }

  /**
   * Returns the probability that a deal in an open stage is eventually lost.
   *
   * @param stageId an open stage, not null
   * @return the probability in [0, 1], or none if undefined
   * @throws IllegalArgumentException if the stage is not an open stage of the pipeline
   */
  public Option<Double> lossProbability(String stageId) {
    return absorbed(stageId, 1);
  }

  private Option<Double> absorbed(String stageId, int column) {
    int i = index(stageId, "stageId");
    double[][] absorption = absorption();
    if (i >= absorption.length) {
      throw new IllegalArgumentException("stageId must be an open stage but was '" + stageId + "'");
    }
    double[] row = absorption[i];
    return row == null ? Option.none() : Option.some(Math.max(0.0, Math.min(1.0, row[column])));
  }

  private int index(String stageId, String name) {
    int i = stageIds().indexOf(Objects.requireNonNull(stageId, name));
    if (i < 0) {
      throw new IllegalArgumentException(name + " must be one of " + stageIds() + " but was '" + stageId + "'");
    }
    return i;
  }

  @Override
  public String toString() {
    return "Transitions over " + stageIds() + ": " + total() + " changes";
  }
}
