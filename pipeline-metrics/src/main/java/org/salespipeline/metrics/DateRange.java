package org.salespipeline.metrics;

import java.time.LocalDate;
import java.util.Objects;

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
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start " + start + " but was " + end);
    }
  }

  /**
   * Tells whether a date falls in the range.
   *
   * @param date the date, not null
   * @return true if {@code start <= date < end}
   */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && date.isBefore(end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
