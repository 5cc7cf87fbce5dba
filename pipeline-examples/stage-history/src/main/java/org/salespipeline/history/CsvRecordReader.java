package org.salespipeline.history;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads RFC 4180 records one at a time from a character stream: cells separated by a delimiter
 * (a comma unless told otherwise), records by CRLF, LF or CR; a quoted cell may hold delimiters,
 * quotes (doubled) and line breaks. A byte order mark at the very start is skipped.
 *
 * <p>Design note: the reader holds one record at a time (never the file) and counts physical
 * lines, so every record knows the line it starts on even when a quoted cell spans several lines.
 * Malformed input does not stop the stream, and a stray quote never swallows the rest of the file:
 * from the moment a quoted cell crosses a line break, the text read is kept (at most
 * {@value #MAX_SPAN} characters), and when the record so read turns out bad — the quote is never
 * closed, text follows the closing quote, the quote runs past that limit, or the caller finds the
 * record malformed and calls {@link #retract()} — the record is cut back to the line it started on
 * (reported with an error naming that line) and the lines after it are read again as records of
 * their own. Not thread-safe.
 */
final class CsvRecordReader {

  /** The longest text a quoted cell crossing line breaks may hold before it counts as unclosed. */
  static final int MAX_SPAN = 1 << 20;

  private static final int BOM = '\uFEFF';
  private static final int NONE = -2;

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long line = 1;
  private boolean started;
  private int pushedBack = NONE;
  /** Text to read again before the stream, after a retraction. */
  private StringBuilder replay;
  private int replayPosition;
  /** The text of the current record from the opening of its first line-crossing quote, or null. */
  private StringBuilder span;
  private boolean capturing;
  private final StringBuilder spanBuffer = new StringBuilder();
  private long spanLine;
  private int spanCell;
  private CsvRecord last;

  CsvRecordReader(Reader in) {
    this(in, ',');
  }

  CsvRecordReader(Reader in, char delimiter) {
    this.in = Objects.requireNonNull(in, "in");
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("delimiter must not be a quote or a line break but was "
          + (int) delimiter);
    }
    this.delimiter = delimiter;
  }

  /**
   * One record: its cells, the physical line it starts on, what was wrong with it, if anything
   * ({@code error} is null when the record is well formed), and whether a quoted cell carried it
   * across line breaks.
   */
  record CsvRecord(List<String> cells, long line, String error, boolean spansLines) {

    boolean isBlank() {
      return cells.size() == 1 && cells.get(0).isEmpty() && error == null;
    }
  }

  /** Returns the next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
    span = null;
    capturing = false;
    last = record();
    if (last != null && last.error() != null && last.spansLines()) {
      last = retract();
    }
    return last;
  }

  /**
   * Cuts the record just returned back to the line it started on, when a quoted cell carried it
   * across line breaks: the lines after that one will be read again as records of their own.
   *
   * @return the record cut back, with an error naming the line the quote opened on; or the record
   *     as it was if it did not span lines
   */
  CsvRecord retract() {
    if (last == null || !last.spansLines() || span == null) {
      return last;
    }
    int cut = 0;
    while (cut < span.length() && span.charAt(cut) != '\n' && span.charAt(cut) != '\r') {
      cut++;
    }
    String opening = span.substring(0, cut);
    if (cut < span.length() && span.charAt(cut) == '\r' && cut + 1 < span.length() && span.charAt(cut + 1) == '\n') {
      cut++;
    }
    StringBuilder again = new StringBuilder(span.length() - cut + 16);
    again.append(span, Math.min(cut + 1, span.length()), span.length());
    // what was read but not yet consumed comes after the retracted text
    pushedBack = NONE;
    if (replay != null) {
      again.append(replay, replayPosition, replay.length());
    }
    replay = again;
    replayPosition = 0;
    line = spanLine + 1;
    span = null;
    capturing = false;
    List<String> cells = new ArrayList<>(last.cells().subList(0, Math.min(spanCell, last.cells().size())));
    cells.add(opening);
    String error = last.error() != null && last.error().startsWith("a quoted cell opened on line")
        ? last.error()
        : "a quoted cell opened on line " + spanLine + " runs across line breaks into a malformed record"
            + (last.error() == null ? "" : " (" + last.error() + ")") + "; read as a stray quote, only line "
            + spanLine + " is rejected";
    last = new CsvRecord(List.copyOf(cells), last.line(), error, false);
    return last;
  }

  private CsvRecord record() throws IOException {
    int c = read();
    if (!started) {
      started = true;
      if (c == BOM) {
        c = read();
      }
    }
    if (c == -1) {
      return null;
    }
    long startLine = line;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    String error = null;
    boolean spans = false;
    while (true) {
      if (c == '"' && cell.length() == 0) {
        long quoteLine = line;
        if (!spans) {
          span = spanBuffer;
          span.setLength(0);
          capturing = true;
          spanLine = quoteLine;
          spanCell = cells.size();
        }
        boolean crossed = false;
        // quoted cell: runs to the next lone quote
        while (true) {
          c = read();
          if (c == -1 || (spans || crossed) && span.length() > MAX_SPAN) {
            cells.add(cell.toString());
            spans |= crossed;
            return new CsvRecord(List.copyOf(cells), startLine, "a quoted cell opened on line " + quoteLine
                + (c == -1 ? " is never closed" : " is not closed within " + MAX_SPAN + " characters"), spans);
          }
          if (c == '"') {
            c = read();
            if (c != '"') {
              break;
            }
            cell.append('"');
          } else {
            // line breaks inside quotes are data: kept as they are, but counted
            cell.append((char) c);
            if (c == '\n') {
              line++;
              crossed = true;
            } else if (c == '\r') {
              int after = read();
              if (after == '\n') {
                cell.append('\n');
              }
              line++;
              crossed = true;
              if (after != '\n') {
                pushedBack = after;
              }
            }
          }
        }
        if (crossed) {
          spans = true;
        } else if (!spans) {
          span = null;
          capturing = false;
        }
        // after the closing quote only a delimiter, a line break or the end may follow
        if (c != delimiter && c != '\r' && c != '\n' && c != -1) {
          if (error == null) {
            error = "unexpected text after a closing quote in cell " + (cells.size() + 1);
          }
          while (c != delimiter && c != '\r' && c != '\n' && c != -1) {
            cell.append((char) c);
            c = read();
          }
        }
      }
      if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
        c = read();
      } else if (c == '\r' || c == '\n' || c == -1) {
        cells.add(cell.toString());
        if (c != -1) {
          lineBreak(c);
        }
        return new CsvRecord(List.copyOf(cells), startLine, error, spans);
      } else {
        cell.append((char) c);
        c = read();
      }
    }
  }

  /** Consumes a line break starting with {@code c}; CRLF counts as one. */
  private void lineBreak(int c) throws IOException {
    if (c == '\r') {
      int after = read();
      if (after != '\n') {
        pushedBack = after;
      }
    }
    line++;
  }

  /** Returns the line the reader has reached, for messages about the stream itself. */
  long line() {
    return line;
  }

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c; // already captured when first read
    }
    int c;
    if (replay != null && replayPosition < replay.length()) {
      c = replay.charAt(replayPosition++);
      if (replayPosition == replay.length()) {
        replay = null;
        replayPosition = 0;
      }
    } else {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      c = buffer[position++];
    }
    if (capturing) {
      span.append((char) c);
    }
    return c;
  }
}
