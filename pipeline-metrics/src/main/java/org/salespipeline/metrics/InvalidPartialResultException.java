package org.salespipeline.metrics;

import java.util.Objects;

/**
 * Thrown when bytes cannot be read back as a partial result of this calculation: they are not a
 * partial result at all, are of a format version this library does not read, are truncated or
 * corrupted, or were written for another pipeline or query. Reading never gives a partial result
 * from bad bytes: it throws this instead, and {@link #problem()} says which of the four it was.
 *
 * @see MetricsAccumulator#toBytes()
 * @see PipelineMetrics#accumulatorFrom(byte[], MetricsQuery)
 */
public final class InvalidPartialResultException extends IllegalArgumentException {

  /** Serialization version. */
  @java.io.Serial
  private static final long serialVersionUID = 1L;

  /** What is wrong with the bytes. */
  public enum Problem {
    /** The bytes do not start with the partial-result header: they are something else. */
    NOT_A_PARTIAL_RESULT,
    /** A partial result of a format version this library cannot read (a newer library wrote it). */
    UNSUPPORTED_VERSION,
    /** The bytes are truncated, have bytes appended, or were changed on the way (checksum or layout). */
    CORRUPTED,
    /** A sound partial result, but of another pipeline or of a query that computes other figures. */
    OTHER_PIPELINE_OR_QUERY
  }

  /** What is wrong. */
  private final Problem problem;

  InvalidPartialResultException(Problem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Returns what is wrong with the bytes.
   *
   * @return the problem, never null
   */
  public Problem problem() {
    return problem;
  }
}
