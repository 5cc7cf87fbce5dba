package org.salespipeline.metrics;

import java.time.Instant;

/**
 * A half-open window of time {@code [from, to)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first instant in the window
 * @param to the first instant after the window, after from
 */
public record Window(Instant from, Instant to) {

  /**
   * Creates the value, checking that it is not empty.
   *
   * @param from the first instant in the window, not null
   * @param to the first instant after the window, not null, after from
   * @throws IllegalArgumentException if to is not after from
   */
  public Window {
    HalfOpen.check(from, to, "from", "to");
  }

  /**
   * Tells whether an instant falls in the window.
   *
   * @param instant the instant, not null
   * @return true if {@code from <= instant < to}
   */
  public boolean contains(Instant instant) {
    return HalfOpen.contains(from, to, instant);
  }

  @Override
  public String toString() {
    return HalfOpen.toString(from, to);
  }
}
