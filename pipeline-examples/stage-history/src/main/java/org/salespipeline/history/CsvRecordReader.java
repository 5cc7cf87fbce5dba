package org.salespipeline.history;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads RFC 4180 records one at a time from a character stream: cells separated by commas,
 * records by CRLF, LF or CR; a quoted cell may hold commas, quotes (doubled) and line breaks. A
 * byte order mark at the very start is skipped.
 *
 * <p>Design note: the reader holds one record at a time (never the file) and counts physical
 * lines, so every record knows the line it starts on even when a quoted cell spans several lines.
 * Malformed input does not stop the stream: a record with text after a closing quote carries an
 * error and reading goes on with the next record; a quote left open at the end of the input is
 * reported on the record where it opened. Not thread-safe.
 */
final class CsvRecordReader {

  private static final int BOM = '\uFEFF';
  private static final int NONE = -2;

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private long line = 1;
  private boolean started;
  private int pushedBack = NONE;

  CsvRecordReader(Reader in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /**
   * One record: its cells, the physical line it starts on, and what was wrong with it, if
   * anything ({@code error} is null when the record is well formed).
   */
  record CsvRecord(List<String> cells, long line, String error) {

    boolean isBlank() {
      return cells.size() == 1 && cells.get(0).isEmpty() && error == null;
    }
  }

  /** Returns the next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
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
    while (true) {
      if (c == '"' && cell.length() == 0) {
        long quoteLine = line;
        // quoted cell: runs to the next lone quote
        while (true) {
          c = read();
          if (c == -1) {
            cells.add(cell.toString());
            return new CsvRecord(List.copyOf(cells), startLine,
                "a quoted cell opened on line " + quoteLine + " is never closed");
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
            } else if (c == '\r') {
              int after = read();
              if (after == '\n') {
                cell.append('\n');
              }
              line++;
              if (after != '\n') {
                pushedBack = after;
              }
            }
          }
        }
        // after the closing quote only a separator, a line break or the end may follow
        if (c != ',' && c != '\r' && c != '\n' && c != -1) {
          if (error == null) {
            error = "unexpected text after a closing quote in cell " + (cells.size() + 1);
          }
          while (c != ',' && c != '\r' && c != '\n' && c != -1) {
            cell.append((char) c);
            c = read();
          }
        }
      }
      if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        c = read();
      } else if (c == '\r' || c == '\n' || c == -1) {
        cells.add(cell.toString());
        if (c != -1) {
          lineBreak(c);
        }
        return new CsvRecord(List.copyOf(cells), startLine, error);
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

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }
}
