package org.salespipeline.metrics;

import java.time.LocalDate;

/**
 * A half-open range of calendar dates {@code [start, end)}, such as a forecast period.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first date in the range
 * @param end the first date after the range, after start
 */
public record DateRange(LocalDate start, LocalDate end) {

  /**
   * Creates the value, checking that it is not empty.
   *
   * @param start the first date in the range, not null
   * @param end the first date after the range, not null, after start
   * @throws IllegalArgumentException if end is not after start
   */
  public DateRange {
    HalfOpen.check(start, end, "start", "end");
  }

  /**
   * Tells whether a date falls in the range.
   *
   * @param date the date, not null
   * @return true if {@code start <= date < end}
   */
  public boolean contains(LocalDate date) {
    return HalfOpen.contains(start, end, date);
  }

  @Override
  public String toString() {
    return HalfOpen.toString(start, end);
  }
}
