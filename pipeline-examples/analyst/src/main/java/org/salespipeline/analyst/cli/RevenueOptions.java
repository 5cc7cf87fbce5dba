package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.salespipeline.analyst.BadChoice;
import org.salespipeline.analyst.Export;
import org.salespipeline.history.BadTimestamp;
import org.salespipeline.history.Timestamps;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.TrendPeriod;

/**
 * The checks the commands of SPEC §4.1 ({@code movement}, {@code forecast}, {@code hygiene})
 * share: a time zone, a date in that zone, a target period, a column to group by, each turned
 * into one line of standard error (exit 2) when it is bad.
 */
final class RevenueOptions {

  private RevenueOptions() {}

  /** Reads {@code --zone}: a region such as {@code Europe/Paris} or an offset such as {@code +02:00}. */
  static ZoneId zone(String text) throws UsageException {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new UsageException("bad --zone: no time zone '" + text + "' (give a region such as Europe/Paris,"
          + " or UTC, or an offset such as +02:00)", e);
    }
  }

  /**
   * Reads a time option: an ISO-8601 date is the start of that day in the zone; a date-time
   * without offset is in UTC, like the file's {@code entered_at}.
   */
  static Instant instant(String option, String text, ZoneId zone) throws UsageException {
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      Either<BadTimestamp, Instant> parsed = Timestamps.parse(text);
      if (parsed.isLeft()) {
        throw new UsageException("bad " + option + ": " + parsed.getLeft().message());
      }
      return parsed.get();
    }
  }

  /** Reads a month such as {@code 2026-07} or a quarter such as {@code 2026-Q3}. */
  static TrendPeriod period(String option, String text) throws UsageException {
    try {
      return TrendPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad " + option + ": '" + text + "' is neither a month such as 2026-07 nor a quarter"
          + " such as 2026-Q3", e);
    }
  }

  /** Reads {@code --group-by} against the loaded columns. */
  static Grouping grouping(Export export, String column) throws UsageException {
    Either<BadChoice, Grouping> grouping = export.grouping(column);
    if (grouping.isLeft()) {
      throw new UsageException("bad --group-by: " + grouping.getLeft().message());
    }
    return grouping.get();
  }
}
