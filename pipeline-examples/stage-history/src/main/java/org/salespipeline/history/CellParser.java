package org.salespipeline.history;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Reads the dates and amounts of cells as the {@link ReadOptions} say: ISO-8601 or a java.time
 * pattern, a decimal point or comma, and the plausible-year guard. Immutable and thread-safe.
 */
final class CellParser {

  private static final int MAX_INTEGER_DIGITS = 18;
  private static final int MAX_DECIMALS = 12;
  /** Room for the digits, a sign, a point, an exponent and some leading zeros. */
  private static final int MAX_AMOUNT_CHARS = 64;
  private static final Pattern SLASHED = Pattern.compile("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}.*");
  private static final Pattern COMMA_AMOUNT = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+(,\\d+)?");
  private static final Pattern POINT_LOOKS_COMMA = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+|\\d+,\\d{1,2}");

  private final ReadOptions options;
  private final DateTimeFormatter formatter;

  CellParser(ReadOptions options) {
    this.options = options;
    this.formatter = options.dateFormat().map(ReadOptions::formatter).getOrNull();
  }

  /** Reads an instant ({@code entered_at}), or says why the text is not one. */
  Either<String, Instant> instant(String text) {
    if (text.isEmpty()) {
      return Either.left("empty date");
    }
    Either<String, Instant> parsed;
    if (formatter == null) {
      parsed = Timestamps.parse(text).mapLeft(BadTimestamp::message);
      if (parsed.isLeft() && SLASHED.matcher(text).matches()) {
        return Either.left(parsed.getLeft() + "; for dates such as 03/04/2024 give the format (--date-format "
            + "MM/dd/yyyy or dd/MM/yyyy)");
      }
    } else {
      parsed = patterned(text);
    }
    return parsed.flatMap(at -> yearChecked(text, at.atOffset(ZoneOffset.UTC).getYear()).map(y -> at));
  }

  /** Reads a date ({@code expected_close}), or says why the text is not one. */
  Either<String, LocalDate> date(String text) {
    Either<String, LocalDate> parsed;
    if (formatter == null) {
      try {
        parsed = Either.right(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        parsed = Either.left("'" + text + "' is not an ISO-8601 date such as 2024-03-01"
            + (SLASHED.matcher(text).matches() ? "; for dates such as 03/04/2024 give the format (--date-format "
            + "MM/dd/yyyy or dd/MM/yyyy)" : ""));
      }
    } else {
      parsed = patterned(text).map(at -> at.atOffset(ZoneOffset.UTC).toLocalDate());
    }
    return parsed.flatMap(d -> yearChecked(text, d.getYear()).map(y -> d));
  }

  private Either<String, Instant> patterned(String text) {
    try {
      TemporalAccessor t = formatter.parse(text);
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return Either.right(ZonedDateTime.from(t).toInstant());
      }
      if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
        return Either.right(LocalDateTime.from(t).toInstant(ZoneOffset.UTC));
      }
      return Either.right(LocalDate.from(t).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (java.time.DateTimeException e) {
      return Either.left("'" + text + "' does not match the date format " + options.dateFormat().get());
    }
  }

  private Either<String, Integer> yearChecked(String text, int year) {
    if (!options.allowAnyYear() && (year < ReadOptions.MIN_YEAR || year > ReadOptions.MAX_YEAR)) {
      return Either.left("'" + text + "' is in the year " + year + ", outside " + ReadOptions.MIN_YEAR + " to "
          + ReadOptions.MAX_YEAR + ": a typo? (--allow-any-year accepts it)");
    }
    return Either.right(year);
  }

  /** Reads an amount, or says why the text is not one. */
  Either<String, BigDecimal> amount(String text) {
    if (text.length() > MAX_AMOUNT_CHARS) {
      // checked before parsing: BigDecimal takes seconds over a megabyte of digits
      return Either.left("bad amount '" + text.substring(0, 24) + "…' (" + text.length() + " characters): an amount"
          + " has at most " + MAX_AMOUNT_CHARS + " characters");
    }
    String plain = text;
    if (options.decimalComma()) {
      if (!COMMA_AMOUNT.matcher(text).matches()) {
        return Either.left("bad amount '" + text + "': not a decimal-comma number such as 1.234,50");
      }
      plain = text.replace(".", "").replace(',', '.');
    }
    BigDecimal value;
    try {
      value = new BigDecimal(plain);
    } catch (NumberFormatException e) {
      return Either.left("bad amount '" + text + "': not a decimal number such as 1250.50"
          + (POINT_LOOKS_COMMA.matcher(text).matches() ? " (for amounts such as 1.234,50 use --decimal-comma)" : ""));
    }
    if (value.signum() < 0) {
      return Either.left("bad amount '" + text + "': an amount must not be negative");
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS) {
      return Either.left("bad amount '" + text + "': more than " + MAX_INTEGER_DIGITS + " digits before or "
          + MAX_DECIMALS + " after the decimal point");
    }
    return Either.right(value);
  }
}
