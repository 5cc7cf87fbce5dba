package org.salespipeline.metrics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row: the first column is aligned left, the others right, and
 * every column is as wide as its widest cell, so that figures line up in a terminal or JShell.
 */
public final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /**
   * Starts a table.
   *
   * @param headers the column headers
   */
  public TextTable(String... headers) {
    this.columns = headers.length;
    rows.add(headers.clone());
  }

  /**
   * Adds a row; missing cells are blank.
   *
   * @param cells the cells
   * @return this table
   */
  public TextTable row(String... cells) {
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      row[i] = i < cells.length ? cells[i] : "";
    }
    rows.add(row);
    return this;
  }

  /**
   * Tells whether the table has rows besides its header.
   *
   * @return true if it has rows
   */
  public boolean hasRows() {
    return rows.size() > 1;
  }

  /**
   * Appends the table, each line indented, to a builder.
   *
   * @param out the builder
   * @param indent the indentation of every line
   */
  public void appendTo(StringBuilder out, String indent) {
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(i == 0 ? row[i] + pad : pad + row[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
