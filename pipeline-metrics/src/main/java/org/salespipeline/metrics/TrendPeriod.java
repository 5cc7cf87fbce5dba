package org.salespipeline.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One calendar period of a trend, {@code [start, end)} in the query's time zone.
 *
 * <p>Ordered by start. Immutable and thread-safe.
 *
 * @param unit the calendar unit
 * @param start the first day of the period
 * @param end the first day after the period
 */
public record TrendPeriod(CalendarUnit unit, LocalDate start, LocalDate end) implements Comparable<TrendPeriod> {

  /**
   * Creates the value, checking that start begins a period of the unit and end is the next.
   *
   * @param unit the calendar unit, not null
   * @param start the first day of the period, not null
   * @param end the first day after the period, not null
   * @throws IllegalArgumentException if start and end do not bound one period of the unit
   */
  public TrendPeriod {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!unit.start(start).equals(start) || !unit.next(start).equals(end)) {
      throw new IllegalArgumentException("[start, end) must be one " + unit + " but was [" + start + ", " + end + ")");
    }
  }

  /**
   * Returns the period of a unit that contains a date.
   *
   * @param unit the calendar unit, not null
   * @param date the date, not null
   * @return the period, never null
   */
  public static TrendPeriod containing(CalendarUnit unit, LocalDate date) {
    LocalDate start = Objects.requireNonNull(unit, "unit").start(Objects.requireNonNull(date, "date"));
    return new TrendPeriod(unit, start, unit.next(start));
  }

  /**
   * Parses a month such as {@code 2026-07} or a quarter such as {@code 2026-Q3} (case-insensitive),
   * as {@link #label()} writes them.
   *
   * @param text the period, not null
   * @return the month or quarter, never null
   * @throws IllegalArgumentException if the text is neither, naming it
   */
  public static TrendPeriod parse(String text) {
    Objects.requireNonNull(text, "text");
    java.util.regex.Matcher m = PERIOD.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("period must be a month such as 2026-07 or a quarter such as 2026-Q3 but was '"
          + text + "'");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return containing(CalendarUnit.MONTH, LocalDate.of(year, Integer.parseInt(m.group(2)), 1));
    }
    return containing(CalendarUnit.QUARTER, LocalDate.of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1, 1));
  }

  private static final java.util.regex.Pattern PERIOD =
      java.util.regex.Pattern.compile("(\\d{4})-(?:(0[1-9]|1[0-2])|[qQ]([1-4]))");

  /**
   * Returns the period after this one.
   *
   * @return the next period, never null
   */
  public TrendPeriod next() {
    return new TrendPeriod(unit, end, unit.next(end));
  }

  /**
   * Returns the label, such as {@code 2025-W03}, {@code 2025-03} or {@code 2025-Q1}.
   *
   * @return the label, never null
   */
  public String label() {
    return unit.label(start);
  }

  @Override
  public int compareTo(TrendPeriod other) {
    return start.compareTo(other.start);
  }

  @Override
  public String toString() {
    return label();
  }
}
