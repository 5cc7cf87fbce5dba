package org.salespipeline.history.importers;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.salespipeline.history.ReadOptions;

/**
 * Reads the dates and amounts CRM exports write, as the {@link ImportOptions} say. Dates by default ISO-8601 in the forms the vendors' data exports
 * use: {@code 2017-03-14}, {@code 2017-03-14T09:22:31.000Z} (Salesforce Data Loader),
 * {@code 2017-03-14T09:22:31.000+0000} (Salesforce API), {@code 2024-05-02 14:03} (HubSpot);
 * a date is the start of its day and a date-time without offset is local, both in the zone given;
 * or with the reading options' pattern. Years outside {@value ReadOptions#MIN_YEAR} to
 * {@value ReadOptions#MAX_YEAR} are refused unless the reading options allow any year. Amounts
 * with a decimal point, or a decimal comma when the reading options say so. Immutable and
 * thread-safe.
 */
final class VendorCells {

  private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private final DateTimeFormatter custom;
  private final String pattern;
  private final ZoneId zone;
  private final boolean allowAnyYear;
  private final boolean decimalComma;

  VendorCells(ImportOptions options) {
    this.custom = options.reading().dateFormatter().getOrNull();
    this.pattern = options.dateFormat().getOrElse("ISO-8601 (2017-03-14 or 2017-03-14T09:22:31Z)");
    this.zone = options.zone();
    this.allowAnyYear = options.reading().allowAnyYear();
    this.decimalComma = options.reading().decimalComma();
  }

  /** Reads a non-empty amount cell of a column, or says why it cannot. */
  Either<String, BigDecimal> amount(String text, String column) {
    return Cells.amount(text, column, decimalComma);
  }

  /** Reads a non-empty cell as an instant, or says why it cannot. */
  Either<String, Instant> instant(String text) {
    Either<String, Instant> read = custom != null ? customInstant(text) : isoInstant(text);
    return read.flatMap(this::inRange);
  }

  /** Reads a non-empty cell as a date (the date part of a date-time, in the zone), or says why it cannot. */
  Either<String, LocalDate> date(String text) {
    return instant(text).map(i -> LocalDate.ofInstant(i, zone));
  }

  private Either<String, Instant> isoInstant(String text) {
    try {
      if (text.length() == 10) {
        return Either.right(LocalDate.parse(text).atStartOfDay(zone).toInstant());
      }
      TemporalAccessor parsed = LOCAL_DATE_TIME.parse(text);
      LocalDateTime local = LocalDateTime.from(parsed);
      return Either.right(parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? OffsetDateTime.of(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
              .toInstant()
          : local.atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Either.left("'" + text + "' is not a date in the form " + pattern);
    }
  }

  private Either<String, Instant> customInstant(String text) {
    try {
      TemporalAccessor parsed = custom.parse(text);
      LocalDate date = LocalDate.from(parsed);
      LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY) || parsed.isSupported(ChronoField.HOUR_OF_AMPM)
          ? LocalDateTime.of(date, java.time.LocalTime.from(parsed)) : date.atStartOfDay();
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Either.right(local.toInstant(java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))));
      }
      return Either.right(local.atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Either.left("'" + text + "' is not a date in the form " + pattern);
    } catch (java.time.DateTimeException e) {
      return Either.left("'" + text + "' is not a whole date in the form " + pattern + " (" + e.getMessage() + ")");
    }
  }

  private Either<String, Instant> inRange(Instant instant) {
    int year = LocalDate.ofInstant(instant, zone).getYear();
    if (!allowAnyYear && (year < ReadOptions.MIN_YEAR || year > ReadOptions.MAX_YEAR)) {
      return Either.left("the year " + year + " is outside " + ReadOptions.MIN_YEAR + " to " + ReadOptions.MAX_YEAR
          + " (a typo? --allow-any-year accepts it)");
    }
    return Either.right(instant);
  }
}
