package org.salespipeline.history;

import java.util.Arrays;

/**
 * The loaded rows of one deal, kept compact until the deal is built: per row its instant, stage
 * and line in parallel primitive arrays (about 24 bytes a row), and per value column (amount,
 * currency, owner, lost reason, expected close, forecast category, attributes) an array of the row's non-empty cell,
 * allocated only once the column has a value; a value equal to the one before it in file order is
 * stored once. Every row's values are kept because each takes effect at its own row's instant.
 */
final class DealRows {

  static final int AMOUNT = 0;
  static final int CURRENCY = 1;
  static final int OWNER = 2;
  static final int LOST_REASON = 3;
  static final int EXPECTED_CLOSE = 4;
  /** The forecast category an open row names (an enum name); none for a closed row. */
  static final int FORECAST_CATEGORY = 5;
  static final int FIRST_ATTRIBUTE = 6;

  final String id;
  int size;
  long[] seconds = new long[2];
  int[] nanos = new int[2];
  short[] stages = new short[2];
  long[] lines = new long[2];
  /** Rows of this deal that were rejected on their own (skipping bad rows). */
  int badRows;
  /** The first of them, to name in the rejection of the deal's other rows. */
  RowRejection firstBad;

  private String[][] values;

  DealRows(String id) {
    this.id = id;
  }

  /** Appends a row in file order and returns its index. */
  int add(long epochSecond, int nano, int stage, long line) {
    if (size == seconds.length) {
      int capacity = size * 2;
      seconds = Arrays.copyOf(seconds, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
      stages = Arrays.copyOf(stages, capacity);
      lines = Arrays.copyOf(lines, capacity);
      if (values != null) {
        for (int c = 0; c < values.length; c++) {
          if (values[c] != null) {
            values[c] = Arrays.copyOf(values[c], capacity);
          }
        }
      }
    }
    seconds[size] = epochSecond;
    nanos[size] = nano;
    stages[size] = (short) stage;
    lines[size] = line;
    return size++;
  }

  /** Records a row's non-empty cell of a column. */
  void set(int column, int row, String value, int columns) {
    if (values == null) {
      values = new String[columns][];
    }
    String[] cells = values[column];
    if (cells == null) {
      cells = new String[seconds.length];
      values[column] = cells;
    }
    for (int r = row - 1; r >= 0; r--) {
      if (cells[r] != null) {
        if (cells[r].equals(value)) {
          value = cells[r];
        }
        break;
      }
    }
    cells[row] = value;
  }

  /** Returns a row's cell of a column, or null if it was empty. */
  String get(int column, int row) {
    if (values == null || column >= values.length || values[column] == null) {
      return null;
    }
    return values[column][row];
  }

  /** Returns the row indices in time order, ties in file order. */
  Integer[] timeOrder() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(a, b)); // stable: ties keep file order
    return order;
  }

  private int compare(int row, int other) {
    int c = Long.compare(seconds[row], seconds[other]);
    if (c == 0) {
      c = Integer.compare(nanos[row], nanos[other]);
    }
    return c != 0 ? c : Integer.compare(row, other);
  }
}
