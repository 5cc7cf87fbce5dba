package org.salespipeline.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A calendar period for trends: ISO week (Monday to Sunday), month or quarter. */
public enum CalendarUnit {
  /** An ISO week, Monday to Sunday, labelled like {@code 2025-W03}. */
  WEEK,
  /** A calendar month, labelled like {@code 2025-03}. */
  MONTH,
  /** A calendar quarter, labelled like {@code 2025-Q1}. */
  QUARTER;

  /**
   * Returns the first day of the period that contains a date.
   *
   * @param date the date, not null
   * @return the first day, never null
   */
  public LocalDate start(LocalDate date) {
    switch (this) {
      case WEEK:
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      default:
        return LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
    }
  }

  /**
   * Returns the first day of the period after the one starting on {@code start}.
   *
   * @param start the first day of a period, not null
   * @return the first day of the next period, never null
   */
  public LocalDate next(LocalDate start) {
    switch (this) {
      case WEEK:
        return start.plusWeeks(1);
      case MONTH:
        return start.plusMonths(1);
      default:
        return start.plusMonths(3);
    }
  }

  /**
   * The number of periods from the one starting on {@code start} to the one containing
   * {@code lastDay}, both included (0 if lastDay is before start).
   */
  long periodsThrough(LocalDate start, LocalDate lastDay) {
    if (lastDay.isBefore(start)) {
      return 0;
    }
    switch (this) {
      case WEEK:
        return ChronoUnit.WEEKS.between(start, lastDay) + 1;
      case MONTH:
        return ChronoUnit.MONTHS.between(start, lastDay) + 1;
      default:
        return ChronoUnit.MONTHS.between(start, lastDay) / 3 + 1;
    }
  }

  /**
   * Returns the label of the period starting on {@code start}.
   *
   * @param start the first day of a period, not null
   * @return the label, never null
   */
  public String label(LocalDate start) {
    switch (this) {
      case WEEK:
        return String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
            start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
      default:
        return start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
    }
  }
}
