package org.salespipeline.analyst.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A data table with a caption, column headers and one header cell per row, written as a real
 * {@code <table>} so that screen readers, copy-paste and print all get the numbers behind a chart.
 *
 * <p>Columns whose header is listed in {@code textColumns} are left-aligned; the others hold
 * figures and are right-aligned with tabular digits. A table wider than the page scrolls sideways
 * inside its own box instead of running past the page's margin; in a {@link #stacked()} table a
 * line break in a cell starts a new line (a count under its amount).
 */
final class Table {

  private final String caption;
  private final List<String> headers;
  private final boolean[] text;
  private final List<List<String>> rows = new ArrayList<>();
  private boolean stacked;

  private Table(String caption, List<String> headers, boolean[] text) {
    this.caption = caption;
    this.headers = headers;
    this.text = text;
  }

  /** A table whose first column names the row and whose other columns are figures. */
  static Table of(String caption, String... headers) {
    boolean[] text = new boolean[headers.length];
    text[0] = true;
    return new Table(caption, List.of(headers), text);
  }

  /** Marks columns (by index) as text rather than figures. */
  Table textColumns(int... columns) {
    for (int c : columns) {
      text[c] = true;
    }
    return this;
  }

  /** Shows a line break ({@code \n}) in a cell as a new line. */
  Table stacked() {
    stacked = true;
    return this;
  }

  Table row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalStateException("bug: row " + Arrays.toString(cells) + " has " + cells.length
          + " cells for " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void writeTo(Html html) {
    html.open("div", "class", "table-scroll");
    if (stacked) {
      html.open("table", "class", "stacked");
    } else {
      html.open("table");
    }
    html.element("caption", caption).open("thead").open("tr");
    for (int c = 0; c < headers.size(); c++) {
      html.element("th", headers.get(c), "scope", "col", "class", text[c] ? "text" : "num");
    }
    html.close("tr").close("thead").open("tbody").newline();
    for (List<String> row : rows) {
      html.open("tr");
      html.element("th", row.get(0), "scope", "row", "class", "text");
      for (int c = 1; c < row.size(); c++) {
        html.element("td", row.get(c), "class", text[c] ? "text" : "num");
      }
      html.close("tr").newline();
    }
    html.close("tbody").close("table").close("div").newline();
  }
}
