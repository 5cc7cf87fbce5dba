package org.salespipeline.history;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Objects;

/**
 * The module's CSV tokeniser (FastCSV, with the stage-history reader's recovery from malformed
 * records) and cell encoding, opened to the importers of
 * {@code org.salespipeline.history.importers} so that every file of the module is read and written
 * by the same RFC 4180 code the stage-history reader and writer use.
 *
 * <p>{@link #next()} returns one record at a time (cells, the physical line it starts on, and what
 * is malformed about it); {@link #encode(String)} is the writer's cell encoding, with the
 * spreadsheet-formula escape that the stage-history reader removes again. Not thread-safe: one
 * instance reads one stream.
 */
public final class CsvRecords {

  private final RecoveringCsvReader reader;

  private CsvRecords(RecoveringCsvReader reader) {
    this.reader = reader;
  }

  /**
   * Returns a tokeniser over comma-separated text; a byte order mark at the start is skipped.
   *
   * @param in the text, not null; not closed
   * @return the tokeniser, never null
   */
  public static CsvRecords of(Reader in) {
    return new CsvRecords(new RecoveringCsvReader(SourceText.of(Objects.requireNonNull(in, "in")), ','));
  }

  /**
   * Returns a tokeniser over text whose cells are separated by the reading options' delimiter (a
   * comma, a semicolon or a tab); a byte order mark at the start is skipped.
   *
   * @param in the text, not null; not closed
   * @param options the reading options, not null; only their delimiter is used
   * @return the tokeniser, never null
   */
  public static CsvRecords of(Reader in, ReadOptions options) {
    return new CsvRecords(new RecoveringCsvReader(SourceText.of(Objects.requireNonNull(in, "in")),
        Objects.requireNonNull(options, "options").delimiter()));
  }

  /**
   * One record of a CSV text.
   *
   * @param cells the cells as written (unquoted, not trimmed), never empty
   * @param line the physical line the record starts on, 1 for the first
   * @param error what is malformed about the record (an unclosed quote, text after a closing
   *     quote), or none when it is well formed
   */
  public record Record(List<String> cells, long line, Option<String> error) {

    /**
     * Creates the value, copying the cells.
     *
     * @param cells the cells, not null
     * @param line the line the record starts on, at least 1
     * @param error what is malformed, not null
     * @throws IllegalArgumentException if the line is below 1
     */
    public Record {
      cells = List.copyOf(cells);
      Objects.requireNonNull(error, "error");
      if (line < 1) {
        throw new IllegalArgumentException("line must be at least 1 but was " + line);
      }
    }

    /**
     * Tells whether the record is an empty line.
     *
     * @return true for a well-formed record of one empty cell
     */
    public boolean isBlank() {
      return cells.size() == 1 && cells.get(0).isEmpty() && error.isEmpty();
    }
  }

  /**
   * Reads the next record.
   *
   * @return the record, or none at the end of the text
   * @throws IOException if reading fails
   */
  public Option<Record> next() throws IOException {
    RecoveringCsvReader.CsvRecord record = reader.next();
    return record == null ? Option.none()
        : Option.some(new Record(record.cells(), record.line(), Option.of(record.error())));
  }

  /**
   * Encodes one cell as the stage-history writer does: a cell a spreadsheet would run as a
   * formula gets a leading {@code '} (removed again by the stage-history reader), and a cell
   * holding a comma, a quote or a line break is quoted.
   *
   * @param text the cell's text, not null
   * @return the encoded cell, never null
   */
  public static String encode(String text) {
    return SpreadsheetCells.encode(Objects.requireNonNull(text, "text"));
  }
}
