package org.salespipeline.history;

import io.vavr.control.Option;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link StageHistoryReader} reads a file: strictness, the shape of an awkward export and
 * the default currency. {@link #defaults()} is the strict reading of the format SPEC §6 defines:
 * UTF-8, comma-separated, ISO-8601 dates, a point as decimal separator, years 1900 to 2200, the
 * first bad row stops the reading.
 *
 * <p>Immutable and thread-safe; every {@code withX} returns a copy.
 */
public final class ReadOptions {

  /** The earliest year a date may have unless {@link #withAllowAnyYear(boolean) any year} is allowed. */
  public static final int MIN_YEAR = 1900;
  /** The latest year a date may have unless {@link #withAllowAnyYear(boolean) any year} is allowed. */
  public static final int MAX_YEAR = 2200;

  private static final ReadOptions DEFAULTS = new ReadOptions(Currency.getInstance("USD"), false, false, ',',
      Option.none(), false, StandardCharsets.UTF_8, false);

  private final Currency defaultCurrency;
  private final boolean groupedByDeal;
  private final boolean skipBadRows;
  private final char delimiter;
  private final Option<String> dateFormat;
  private final boolean decimalComma;
  private final Charset encoding;
  private final boolean allowAnyYear;

  private ReadOptions(Currency defaultCurrency, boolean groupedByDeal, boolean skipBadRows, char delimiter,
      Option<String> dateFormat, boolean decimalComma, Charset encoding, boolean allowAnyYear) {
    this.defaultCurrency = defaultCurrency;
    this.groupedByDeal = groupedByDeal;
    this.skipBadRows = skipBadRows;
    this.delimiter = delimiter;
    this.dateFormat = dateFormat;
    this.decimalComma = decimalComma;
    this.encoding = encoding;
    this.allowAnyYear = allowAnyYear;
  }

  /**
   * Returns the strict defaults: USD, not grouped, stop at the first bad row, comma, ISO-8601
   * dates, decimal point, UTF-8, years 1900 to 2200.
   *
   * @return the defaults, never null
   */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the currency of amounts whose rows (and earlier rows of their deal) name none.
   *
   * @return the currency, never null
   */
  public Currency defaultCurrency() {
    return defaultCurrency;
  }

  /**
   * Returns whether the file is read as grouped by deal (see
   * {@link StageHistoryReader#withGroupedByDeal(boolean)}).
   *
   * @return true if grouped
   */
  public boolean groupedByDeal() {
    return groupedByDeal;
  }

  /**
   * Returns whether bad rows are skipped (their deals rejected whole) instead of stopping the reading.
   *
   * @return true if bad rows are skipped
   */
  public boolean skipBadRows() {
    return skipBadRows;
  }

  /**
   * Returns the cell delimiter.
   *
   * @return a comma, a semicolon or a tab
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * Returns the java.time pattern dates are read with instead of ISO-8601, if any.
   *
   * @return the pattern, or none for ISO-8601
   */
  public Option<String> dateFormat() {
    return dateFormat;
  }

  /**
   * Returns whether amounts are written with a decimal comma and points between thousands
   * ({@code 1.234,50}).
   *
   * @return true for a decimal comma
   */
  public boolean decimalComma() {
    return decimalComma;
  }

  /**
   * Returns the encoding of files read by path.
   *
   * @return the charset, never null
   */
  public Charset encoding() {
    return encoding;
  }

  /**
   * Returns whether dates outside the years {@value #MIN_YEAR} to {@value #MAX_YEAR} are accepted.
   *
   * @return true if any year is accepted
   */
  public boolean allowAnyYear() {
    return allowAnyYear;
  }

  /**
   * Returns a copy with another default currency.
   *
   * @param currency the currency of amounts whose rows name none, not null
   * @return the copy, never null
   */
  public ReadOptions withDefaultCurrency(Currency currency) {
    return new ReadOptions(Objects.requireNonNull(currency, "currency"), groupedByDeal, skipBadRows, delimiter,
        dateFormat, decimalComma, encoding, allowAnyYear);
  }

  /**
   * Returns a copy that does or does not take the file to be grouped by deal.
   *
   * @param grouped true if every deal's rows are next to each other
   * @return the copy, never null
   */
  public ReadOptions withGroupedByDeal(boolean grouped) {
    return new ReadOptions(defaultCurrency, grouped, skipBadRows, delimiter, dateFormat, decimalComma, encoding,
        allowAnyYear);
  }

  /**
   * Returns a copy that skips bad rows or stops at the first one. Skipping, every bad row is
   * reported and a deal with any bad row is rejected whole, with all its rows.
   *
   * @param skip true to skip bad rows
   * @return the copy, never null
   */
  public ReadOptions withSkipBadRows(boolean skip) {
    return new ReadOptions(defaultCurrency, groupedByDeal, skip, delimiter, dateFormat, decimalComma, encoding,
        allowAnyYear);
  }

  /**
   * Returns a copy with another cell delimiter.
   *
   * @param delimiter a comma, a semicolon or a tab
   * @return the copy, never null
   * @throws IllegalArgumentException if the delimiter is another character
   */
  public ReadOptions withDelimiter(char delimiter) {
    if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
      throw new IllegalArgumentException("delimiter must be a comma, a semicolon or a tab but was '" + delimiter + "'");
    }
    return new ReadOptions(defaultCurrency, groupedByDeal, skipBadRows, delimiter, dateFormat, decimalComma, encoding,
        allowAnyYear);
  }

  /**
   * Returns a copy that reads {@code entered_at} and {@code expected_close} with a java.time
   * pattern ({@code MM/dd/yyyy}, {@code dd.MM.yyyy HH:mm}) instead of ISO-8601. Dates are read
   * strictly ({@code 02/30/2024} is refused); a pattern without time gives the start of the day,
   * one without offset or zone is UTC.
   *
   * @param pattern the pattern, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the pattern is not a valid java.time pattern or has no year
   */
  public ReadOptions withDateFormat(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    formatter(pattern);
    return new ReadOptions(defaultCurrency, groupedByDeal, skipBadRows, delimiter, Option.some(pattern), decimalComma,
        encoding, allowAnyYear);
  }

  /**
   * Returns a copy that reads amounts with a decimal comma ({@code 1.234,50}, {@code 1234,5}).
   *
   * @param decimalComma true for a decimal comma
   * @return the copy, never null
   */
  public ReadOptions withDecimalComma(boolean decimalComma) {
    return new ReadOptions(defaultCurrency, groupedByDeal, skipBadRows, delimiter, dateFormat, decimalComma, encoding,
        allowAnyYear);
  }

  /**
   * Returns a copy that reads files by path in another encoding.
   *
   * @param encoding the charset, not null
   * @return the copy, never null
   */
  public ReadOptions withEncoding(Charset encoding) {
    return new ReadOptions(defaultCurrency, groupedByDeal, skipBadRows, delimiter, dateFormat, decimalComma,
        Objects.requireNonNull(encoding, "encoding"), allowAnyYear);
  }

  /**
   * Returns a copy that accepts or refuses dates outside the years {@value #MIN_YEAR} to
   * {@value #MAX_YEAR} (refused by default as typos such as {@code 0024} or {@code 20224}).
   *
   * @param allow true to accept any year
   * @return the copy, never null
   */
  public ReadOptions withAllowAnyYear(boolean allow) {
    return new ReadOptions(defaultCurrency, groupedByDeal, skipBadRows, delimiter, dateFormat, decimalComma, encoding,
        allow);
  }

  /**
   * Returns the strict formatter of {@link #dateFormat()}, if one is given: {@code y} read as the
   * proleptic year, {@code 02/30/2024} refused. The importers of CRM exports read dates with it.
   *
   * @return the formatter, or none for ISO-8601
   */
  public Option<DateTimeFormatter> dateFormatter() {
    return dateFormat.map(ReadOptions::formatter);
  }

  /** Returns the strict formatter of a pattern, {@code y} read as the proleptic year. */
  static DateTimeFormatter formatter(String pattern) {
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("pattern must not be blank");
    }
    String strict = pattern.indexOf('\'') >= 0 || pattern.indexOf('G') >= 0 ? pattern : pattern.replace('y', 'u');
    if (strict.indexOf('u') < 0 && strict.indexOf('y') < 0) {
      throw new IllegalArgumentException("pattern must have a year (yyyy) but was '" + pattern + "'");
    }
    try {
      return DateTimeFormatter.ofPattern(strict, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pattern is not a java.time pattern such as MM/dd/yyyy: '" + pattern + "' ("
          + e.getMessage() + ")", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadOptions other && defaultCurrency.equals(other.defaultCurrency)
        && groupedByDeal == other.groupedByDeal && skipBadRows == other.skipBadRows && delimiter == other.delimiter
        && dateFormat.equals(other.dateFormat) && decimalComma == other.decimalComma
        && encoding.equals(other.encoding) && allowAnyYear == other.allowAnyYear;
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultCurrency, groupedByDeal, skipBadRows, delimiter, dateFormat, decimalComma, encoding,
        allowAnyYear);
  }

  @Override
  public String toString() {
    return "ReadOptions{defaultCurrency=" + defaultCurrency + ", groupedByDeal=" + groupedByDeal + ", skipBadRows="
        + skipBadRows + ", delimiter=" + (delimiter == '\t' ? "tab" : String.valueOf(delimiter)) + ", dateFormat="
        + dateFormat.getOrElse("ISO-8601") + ", decimalComma=" + decimalComma + ", encoding=" + encoding
        + ", allowAnyYear=" + allowAnyYear + "}";
  }
}
