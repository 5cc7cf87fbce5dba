package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stay of a deal in a stage: when it entered and, unless it is still there, when it left.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stageId the stage
 * @param enteredAt when the deal entered it
 * @param leftAt when the deal left it, or none for the current stay
 */
public record StageStay(String stageId, Instant enteredAt, Option<Instant> leftAt) {
  /**
   * Creates the value, checking that no component is null.
   *
   * @param stageId the stage
   * @param enteredAt when the deal entered it
   * @param leftAt when the deal left it, or none for the current stay
   */
  public StageStay {
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(leftAt, "leftAt");
    for (Instant left : leftAt) {
      if (left.isBefore(enteredAt)) {
        throw new IllegalArgumentException("leftAt must not be before enteredAt " + enteredAt + " but was " + left);
      }
    }
  }

  /**
   * Tells whether the deal is still in this stay.
   *
   * @return true for the current stay
   */
  public boolean isCurrent() {
    return leftAt.isEmpty();
  }

  /**
   * Returns how long the stay lasted, or has lasted until an instant if it is current.
   *
   * @param asOf the end of a current stay, not null; not used for completed stays
   * @return the duration, never negative
   * @throws IllegalArgumentException if the stay is current and asOf is before it began
   */
  public Duration duration(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Instant end = leftAt.getOrElse(asOf);
    if (end.isBefore(enteredAt)) {
      throw new IllegalArgumentException("asOf must not be before " + enteredAt + " but was " + asOf);
    }
    return Duration.between(enteredAt, end);
  }
}
