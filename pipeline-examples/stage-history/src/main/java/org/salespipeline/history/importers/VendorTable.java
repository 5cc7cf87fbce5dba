package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.history.CsvRecords;

/**
 * A CRM export read through the module's CSV tokeniser: its header (columns found ignoring case
 * and surrounding spaces) and then its records one at a time, blank lines skipped. Not
 * thread-safe.
 */
final class VendorTable {

  final String file;
  final List<String> header;
  private final CsvRecords csv;
  private final Map<String, Integer> columns = new HashMap<>();

  private VendorTable(String file, List<String> header, CsvRecords csv) {
    this.file = file;
    this.header = header;
    this.csv = csv;
    for (int i = header.size() - 1; i >= 0; i--) {
      columns.put(key(header.get(i)), i);
    }
  }

  /** Reads the header of an export, its cells separated by the options' delimiter. */
  static VendorTable open(Reader in, String file, ImportOptions options) throws IOException {
    CsvRecords csv = CsvRecords.of(in, options.reading());
    Option<CsvRecords.Record> first = csv.next();
    while (first.isDefined() && first.get().isBlank()) {
      first = csv.next();
    }
    if (first.isEmpty()) {
      throw new ImportException(file + ": the file is empty: a header row is required");
    }
    if (first.get().error().isDefined()) {
      throw new ImportException(file + ":" + first.get().line() + ": the header is not valid CSV: "
          + first.get().error().get());
    }
    List<String> header = new ArrayList<>();
    for (String cell : first.get().cells()) {
      header.add(cell.strip());
    }
    return new VendorTable(file, List.copyOf(header), csv);
  }

  /** Returns the index of a column, or -1. */
  int column(String name) {
    return columns.getOrDefault(key(name), -1);
  }

  /** Returns the index of a column that the options name, or fails naming the option. */
  int required(String name, String option) throws ImportException {
    int index = column(name);
    if (index < 0) {
      throw new ImportException(file + ": the header has no column '" + name + "' (" + option + "); its columns are "
          + String.join(", ", header));
    }
    return index;
  }

  /** Returns the next non-blank record, or none at the end. */
  Option<CsvRecords.Record> next() throws IOException {
    Option<CsvRecords.Record> record = csv.next();
    while (record.isDefined() && record.get().isBlank()) {
      record = csv.next();
    }
    return record;
  }

  /** Returns a cell, trimmed; empty when the column is absent or the record is short. */
  static String cell(CsvRecords.Record record, int column) {
    return column < 0 || column >= record.cells().size() ? "" : record.cells().get(column).strip();
  }

  /** Returns the record as CSV text on one line (line breaks inside cells shown as {@code \\n}), for messages. */
  static String text(CsvRecords.Record record) {
    List<String> cells = new ArrayList<>();
    for (String cell : record.cells()) {
      cells.add(CsvRecords.encode(cell));
    }
    return String.join(",", cells).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /**
   * Returns the attribute name of a column: its header, unless that is the name of a fixed
   * stage-history column (ignoring case), in which case {@code " (export)"} is appended so that
   * the value keeps its own column.
   */
  static String attributeName(String header) {
    return RESERVED.contains(key(header)) ? header + " (export)" : header;
  }

  private static final java.util.Set<String> RESERVED = java.util.Set.of("deal_id", "stage", "entered_at", "amount",
      "currency", "owner", "lost_reason", "expected_close");

  static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
