package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * What every importer shares: strictness, how dates are written, and the time zone of dates
 * written without an offset. {@link #defaults()} is strict (the first bad record stops the
 * import), reads the ISO-8601 dates and date-times the CRMs' data exports write (with or without
 * offset, fraction of seconds, {@code T} or a space), and takes local dates and times as UTC.
 *
 * <p>Immutable and thread-safe; every {@code withX} returns a copy.
 */
public final class ImportOptions {

  /** The earliest year a date may have: an earlier one is refused as a typo. */
  public static final int MIN_YEAR = 1900;
  /** The latest year a date may have: a later one is refused as a typo. */
  public static final int MAX_YEAR = 2200;

  private static final ImportOptions DEFAULTS = new ImportOptions(false, Option.none(), ZoneOffset.UTC);

  private final boolean skipBadRows;
  private final Option<String> dateFormat;
  private final ZoneId zone;

  private ImportOptions(boolean skipBadRows, Option<String> dateFormat, ZoneId zone) {
    this.skipBadRows = skipBadRows;
    this.dateFormat = dateFormat;
    this.zone = zone;
  }

  /**
   * Returns the strict defaults: stop at the first bad record, ISO-8601 dates, UTC.
   *
   * @return the defaults, never null
   */
  public static ImportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns whether bad records are skipped (each listed, its deal left out whole) instead of
   * stopping the import.
   *
   * @return true if bad records are skipped
   */
  public boolean skipBadRows() {
    return skipBadRows;
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
   * Returns the time zone of dates and date-times written without an offset.
   *
   * @return the zone, never null
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Returns a copy that skips bad records or stops at the first one.
   *
   * @param skip true to skip bad records, listing each and leaving its deal out whole
   * @return the copy, never null
   */
  public ImportOptions withSkipBadRows(boolean skip) {
    return new ImportOptions(skip, dateFormat, zone);
  }

  /**
   * Returns a copy that reads dates with a java.time pattern ({@code MM/dd/yyyy},
   * {@code M/d/yyyy h:mm a}) instead of ISO-8601, strictly ({@code 02/30/2024} is refused). A
   * pattern without time gives the start of the day; one without offset is in {@link #zone()}.
   *
   * @param pattern the pattern, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the pattern is not a java.time pattern or has no year
   */
  public ImportOptions withDateFormat(String pattern) {
    formatter(Objects.requireNonNull(pattern, "pattern"));
    return new ImportOptions(skipBadRows, Option.some(pattern), zone);
  }

  /**
   * Returns a copy reading dates written without an offset in another time zone (HubSpot, for
   * one, exports in the account's time zone).
   *
   * @param zone the zone, not null
   * @return the copy, never null
   */
  public ImportOptions withZone(ZoneId zone) {
    return new ImportOptions(skipBadRows, dateFormat, Objects.requireNonNull(zone, "zone"));
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
      return DateTimeFormatter.ofPattern(strict, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pattern is not a java.time pattern such as MM/dd/yyyy: '" + pattern + "' ("
          + e.getMessage() + ")", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportOptions other && skipBadRows == other.skipBadRows && dateFormat.equals(other.dateFormat)
        && zone.equals(other.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(skipBadRows, dateFormat, zone);
  }

  @Override
  public String toString() {
    return "ImportOptions{skipBadRows=" + skipBadRows + ", dateFormat=" + dateFormat.getOrElse("ISO-8601")
        + ", zone=" + zone + "}";
  }
}
