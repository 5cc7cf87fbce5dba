package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.salespipeline.history.ReadOptions;

/**
 * What every importer shares: the reading options a CRM export shares with a stage-history file
 * (a {@link ReadOptions}: strictness, delimiter, encoding, date format, decimal comma and the
 * plausible-year guard) and the one setting only an export needs, the time zone of dates written
 * without an offset. {@link #defaults()} is strict (the first bad record stops the import), reads
 * UTF-8, comma-separated, decimal-point text with the ISO-8601 dates and date-times the CRMs' data
 * exports write (with or without offset, fraction of seconds, {@code T} or a space), years
 * {@value ReadOptions#MIN_YEAR} to {@value ReadOptions#MAX_YEAR}, and takes local dates and times
 * as UTC.
 *
 * <p>The reading options' default currency and grouping are not used by an import: an export's
 * amounts without a currency stay without one in the stage history, and its rows are put in order
 * by the importer.
 *
 * <p>Immutable and thread-safe; every {@code withX} returns a copy.
 */
public final class ImportOptions {

  private static final ImportOptions DEFAULTS = new ImportOptions(ReadOptions.defaults(), ZoneOffset.UTC);

  private final ReadOptions reading;
  private final ZoneId zone;

  private ImportOptions(ReadOptions reading, ZoneId zone) {
    this.reading = reading;
    this.zone = zone;
  }

  /**
   * Returns the strict defaults: the reading defaults of {@link ReadOptions#defaults()}, UTC.
   *
   * @return the defaults, never null
   */
  public static ImportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the reading options the export is read with.
   *
   * @return the options, never null
   */
  public ReadOptions reading() {
    return reading;
  }

  /**
   * Returns whether bad records are skipped (each listed, its deal left out whole) instead of
   * stopping the import: the reading options' {@link ReadOptions#skipBadRows()}.
   *
   * @return true if bad records are skipped
   */
  public boolean skipBadRows() {
    return reading.skipBadRows();
  }

  /**
   * Returns the java.time pattern dates are read with instead of ISO-8601, if any: the reading
   * options' {@link ReadOptions#dateFormat()}.
   *
   * @return the pattern, or none for ISO-8601
   */
  public Option<String> dateFormat() {
    return reading.dateFormat();
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
   * Returns a copy reading the export with other reading options (a {@code ;} delimiter, a
   * {@code windows-1252} encoding, {@code MM/dd/yyyy} dates, decimal commas...).
   *
   * @param reading the options, not null
   * @return the copy, never null
   */
  public ImportOptions withReading(ReadOptions reading) {
    return new ImportOptions(Objects.requireNonNull(reading, "reading"), zone);
  }

  /**
   * Returns a copy that skips bad records or stops at the first one.
   *
   * @param skip true to skip bad records, listing each and leaving its deal out whole
   * @return the copy, never null
   */
  public ImportOptions withSkipBadRows(boolean skip) {
    return new ImportOptions(reading.withSkipBadRows(skip), zone);
  }

  /**
   * Returns a copy that reads dates with a java.time pattern ({@code MM/dd/yyyy},
   * {@code M/d/yyyy h:mm a}) instead of ISO-8601, strictly ({@code 02/30/2024} is refused), as
   * {@link ReadOptions#withDateFormat(String)} does. A pattern without time gives the start of the
   * day; one without offset is in {@link #zone()}.
   *
   * @param pattern the pattern, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the pattern is not a java.time pattern or has no year
   */
  public ImportOptions withDateFormat(String pattern) {
    return new ImportOptions(reading.withDateFormat(Objects.requireNonNull(pattern, "pattern")), zone);
  }

  /**
   * Returns a copy reading dates written without an offset in another time zone (HubSpot, for
   * one, exports in the account's time zone).
   *
   * @param zone the zone, not null
   * @return the copy, never null
   */
  public ImportOptions withZone(ZoneId zone) {
    return new ImportOptions(reading, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportOptions other && reading.equals(other.reading) && zone.equals(other.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reading, zone);
  }

  @Override
  public String toString() {
    return "ImportOptions{reading=" + reading + ", zone=" + zone + "}";
  }
}
