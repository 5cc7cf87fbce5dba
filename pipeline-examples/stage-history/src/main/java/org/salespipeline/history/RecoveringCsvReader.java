package org.salespipeline.history;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads RFC 4180 records one at a time with FastCSV: cells separated by a delimiter (a comma unless
 * told otherwise), records by CRLF, LF or CR; a quoted cell may hold delimiters, quotes (doubled)
 * and line breaks. Every record knows the physical line it starts on. A byte order mark at the
 * very start is skipped.
 *
 * <p>Design note: FastCSV stops at the first malformed record and reads a stray quote as the
 * start of a cell running to the next quote of the file, so this reader keeps the text since the
 * start of the last record ({@link SourceText}) and, when a record turns out bad — text follows a
 * closing quote, a quote is never closed or a cell runs past {@value #MAX_CELL} characters, or the
 * caller finds a record that crossed line breaks malformed and calls {@link #retract()} — cuts it
 * back to the line it started on (reported with an error naming that line, its cells split as far
 * as that line allows) and starts FastCSV again on the next line. Well-formed text never leaves
 * FastCSV's path. Not thread-safe.
 */
final class RecoveringCsvReader {

  /** The longest cell FastCSV reads; a quoted cell still open after that many characters is unclosed. */
  static final int MAX_CELL = 1 << 20;

  private static final String QUOTE_OPENED = "a quoted cell opened on line ";
  private static final List<String> BLANK = List.of("");

  private final SourceText source;
  private final char delimiter;
  private final Handler handler = new Handler();
  private Iterator<CsvRecord> records;
  /** The lines before FastCSV's line 1. */
  private long offset;
  private boolean done;
  private CsvRecord last;

  RecoveringCsvReader(SourceText source, char delimiter) {
    this.source = Objects.requireNonNull(source, "source");
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == SourceText.END) {
      throw new IllegalArgumentException("delimiter must not be a quote, a line break or NUL but was "
          + (int) delimiter);
    }
    this.delimiter = delimiter;
  }

  /**
   * One record: its cells, the physical line it starts on, what was wrong with it, if anything
   * ({@code error} is null when the record is well formed), whether a quoted cell carried it
   * across line breaks, and the first bytes on its lines that were not text in the encoding
   * (null when there are none).
   */
  record CsvRecord(List<String> cells, long line, String error, boolean spansLines,
      SourceText.Located undecodable) {

    boolean isBlank() {
      return cells.size() == 1 && cells.get(0).isEmpty() && error == null && undecodable == null;
    }

    /** The last line the record's text is on. */
    long lastLine() {
      if (!spansLines) {
        return line;
      }
      long lines = line;
      for (String cell : cells) {
        lines += lineBreaks(cell);
      }
      return lines;
    }
  }

  /** Returns the next record, or null at the end of the text. */
  CsvRecord next() throws IOException {
    CsvRecord record = read();
    if (record != null && record.error() != null && record.spansLines()) {
      record = cutBack(record.line(), record.error(), false);
    }
    last = record == null ? null : located(record);
    return last;
  }

  /**
   * Cuts the record just returned back to the line it started on, when a quoted cell carried it
   * across line breaks: the lines after that one will be read again as records of their own.
   *
   * @return the record cut back, with an error naming the line the quote opened on; or the record
   *     as it was if it did not span lines
   */
  CsvRecord retract() throws IOException {
    if (last == null || !last.spansLines()) {
      return last;
    }
    last = located(cutBack(last.line(), null, false));
    return last;
  }

  /** Returns the line the reading has reached, for messages about the text itself. */
  long line() {
    return source.lineReached();
  }

  private CsvRecord read() throws IOException {
    if (done) {
      return null;
    }
    if (records == null) {
      records = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
          .commentStrategy(CommentStrategy.NONE).skipEmptyLines(false).allowExtraFields(true)
          .allowMissingFields(true).allowExtraCharsAfterClosingQuote(false).maxBufferSize(MAX_CELL)
          .build(handler, source).iterator();
    }
    CsvRecord record;
    try {
      if (!records.hasNext()) {
        done = true;
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (CsvParseException e) {
      long line = offset + handler.line;
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (String.valueOf(cause.getMessage()).contains("buffer size")) {
        return cutBack(line, null, true);
      }
      return cutBack(line, "unexpected text after a closing quote in cell " + (handler.count + 1), false);
    }
    source.mark(record.line());
    if (handler.endRecord && record.cells().size() == 1 && record.line() == source.endLine()) {
      done = true; // the reader's own end mark
      return null;
    }
    if (handler.quotedEnd && record.lastLine() == source.endLine()) {
      long quoteLine = record.line();
      for (int i = 0; i < record.cells().size() - 1; i++) {
        quoteLine += lineBreaks(record.cells().get(i));
      }
      return cutBack(record.line(), QUOTE_OPENED + quoteLine + " is never closed", false);
    }
    if (record.spansLines() && source.hasLoneCrs()) {
      record = new CsvRecord(source.restoreLoneCrs(record.line(), record.cells()), record.line(), null, true, null);
    }
    return record;
  }

  /**
   * Makes the record starting on {@code line} a record of that line alone, malformed, and starts
   * FastCSV again on the next line.
   */
  private CsvRecord cutBack(long line, String detail, boolean tooLong) throws IOException {
    source.mark(line);
    String text = source.line(line, MAX_CELL);
    Salvage salvage = Salvage.of(text, delimiter);
    source.rewindTo(line + 1);
    records = null;
    offset = line;
    String error;
    if (tooLong) {
      error = salvage.open ? QUOTE_OPENED + line + " is not closed within " + MAX_CELL + " characters"
          : "a cell is longer than " + MAX_CELL + " characters";
    } else if (salvage.open) {
      error = detail != null && detail.startsWith(QUOTE_OPENED) ? detail
          : QUOTE_OPENED + line + " runs across line breaks into a malformed record"
              + (detail == null ? "" : " (" + detail + ")") + "; read as a stray quote, only line " + line
              + " is rejected";
    } else {
      error = salvage.error != null ? salvage.error : Objects.requireNonNull(detail, "bug: a record cut back "
          + "for no reason");
    }
    return new CsvRecord(salvage.cells, line, error, false, null);
  }

  /** The record with the first undecodable bytes on its lines, if any. */
  private CsvRecord located(CsvRecord record) {
    if (!source.hasUndecodable()) {
      return record;
    }
    SourceText.Located bad = source.firstUndecodable(record.line(), record.lastLine());
    return bad == null ? record
        : new CsvRecord(record.cells(), record.line(), record.error(), record.spansLines(), bad);
  }

  private static int lineBreaks(String cell) {
    int breaks = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
        breaks++;
      }
    }
    return breaks;
  }

  /**
   * The cells of one line read on its own, as far as it allows: a quote left open at the end of
   * the line takes the rest of the line as written; text after a closing quote is kept and is the
   * line's error.
   */
  private record Salvage(List<String> cells, String error, boolean open) {

    static Salvage of(String line, char delimiter) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      String error = null;
      int i = 0;
      int n = line.length();
      while (true) {
        cell.setLength(0);
        if (i < n && line.charAt(i) == '"') {
          int opened = i++;
          boolean closed = false;
          while (i < n && !closed) {
            char c = line.charAt(i++);
            if (c != '"') {
              cell.append(c);
            } else if (i < n && line.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              closed = true;
            }
          }
          if (!closed) {
            cells.add(line.substring(opened + 1));
            return new Salvage(List.copyOf(cells), error, true);
          }
          if (i < n && line.charAt(i) != delimiter && error == null) {
            error = "unexpected text after a closing quote in cell " + (cells.size() + 1);
          }
        }
        while (i < n && line.charAt(i) != delimiter) {
          cell.append(line.charAt(i++));
        }
        cells.add(cell.toString());
        if (i >= n) {
          return new Salvage(List.copyOf(cells), error, false);
        }
        i++;
      }
    }
  }

  /** Builds records from FastCSV's fields, watching for the end mark. */
  private final class Handler extends CsvCallbackHandler<CsvRecord> {
    private String[] fields = new String[16];
    private int count;
    private long line;
    private boolean empty;
    private boolean spans;
    private boolean endRecord;
    private boolean quotedEnd;

    @Override
    protected RecordType getRecordType() {
      return empty ? RecordType.EMPTY : RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
      return count;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      line = startingLineNumber;
      count = 0;
      empty = false;
      spans = false;
      endRecord = false;
      quotedEnd = false;
    }

    @Override
    protected void addField(char[] buffer, int from, int length, boolean quoted) {
      if (quoted) {
        for (int i = from; i < from + length; i++) {
          if (buffer[i] == '\n' || buffer[i] == '\r') {
            spans = true;
            break;
          }
        }
        quotedEnd = length > 0 && buffer[from + length - 1] == SourceText.END;
      } else {
        endRecord = count == 0 && length == 1 && buffer[from] == SourceText.END;
      }
      if (count == fields.length) {
        fields = Arrays.copyOf(fields, count * 2);
      }
      fields[count++] = new String(buffer, from, length);
    }

    @Override
    protected void setComment(char[] buffer, int from, int length) {
      throw new IllegalStateException("bug: comments are not read");
    }

    @Override
    protected void setEmpty() {
      empty = true;
    }

    @Override
    protected CsvRecord buildRecord() {
      List<String> cells = empty ? BLANK : Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(fields, count)));
      return new CsvRecord(cells, offset + line, null, spans, null);
    }
  }
}
