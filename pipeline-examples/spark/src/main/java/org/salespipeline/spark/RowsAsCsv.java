package org.salespipeline.spark;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The rows of a partition as the CSV text of a stage-history file, made a row at a time as the
 * stage-history reader asks for it: a header of the Dataset's column names, then one line per row,
 * every cell quoted. Typed cells are written as an export writes them: instants in ISO-8601 UTC,
 * dates as dates, decimal numbers in plain notation; a null cell is empty.
 */
final class RowsAsCsv extends Reader {

  private final Iterator<Row> rows;
  private final int[] columns;
  private final StringBuilder pending = new StringBuilder();
  private int at;

  /**
   * @param header the column names written, in order
   * @param columns the index in each row of each column written
   */
  RowsAsCsv(List<String> header, int[] columns, Iterator<Row> rows) {
    this.rows = rows;
    this.columns = columns;
    for (int c = 0; c < header.size(); c++) {
      cell(header.get(c), c);
    }
    pending.append('\n');
  }

  private void cell(String value, int c) {
    if (c > 0) {
      pending.append(',');
    }
    pending.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      pending.append(ch);
      if (ch == '"') {
        pending.append('"');
      }
    }
    pending.append('"');
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (at == pending.length()) {
      if (!rows.hasNext()) {
        return -1;
      }
      pending.setLength(0);
      at = 0;
      Row row = rows.next();
      for (int c = 0; c < columns.length; c++) {
        cell(text(row.get(columns[c])), c);
      }
      pending.append('\n');
    }
    int n = Math.min(length, pending.length() - at);
    pending.getChars(at, at + n, buffer, offset);
    at += n;
    return n;
  }

  /** A cell as the text a CSV export would hold. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof Double d && Double.isFinite(d) || value instanceof Float f && Float.isFinite(f)) {
      return new BigDecimal(value.toString()).toPlainString();
    }
    return value.toString();
  }

  @Override
  public void close() {
    // the rows belong to Spark
  }
}
