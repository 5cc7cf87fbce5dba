package org.salespipeline.history;

import java.util.Arrays;

/**
 * The loaded rows of one deal, kept compact until the deal is built: per row only its instant,
 * stage, line and (for lost rows) lost reason, in parallel primitive arrays (about 30 bytes a
 * row). Amount, currency, owner, lost reason and attributes are not kept per row: for each column
 * only the latest non-empty value so far is kept with the row it came from, which is all the "last
 * non-empty value in time order" rule needs whatever order the rows come in.
 */
final class DealRows {

  static final int AMOUNT = 0;
  static final int CURRENCY = 1;
  static final int OWNER = 2;
  static final int LOST_REASON = 3;
  static final int FIRST_ATTRIBUTE = 4;

  final String id;
  int size;
  long[] seconds = new long[2];
  int[] nanos = new int[2];
  short[] stages = new short[2];
  long[] lines = new long[2];
  String[] rowLostReasons;

  private String[] latest;
  private int[] latestRow;

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
      if (rowLostReasons != null) {
        rowLostReasons = Arrays.copyOf(rowLostReasons, capacity);
      }
    }
    seconds[size] = epochSecond;
    nanos[size] = nano;
    stages[size] = (short) stage;
    lines[size] = line;
    return size++;
  }

  void rowLostReason(int row, String reason) {
    if (rowLostReasons == null) {
      rowLostReasons = new String[seconds.length];
    }
    rowLostReasons[row] = reason;
  }

  /** Offers a non-empty value of a column from a row; it is kept if the row is the latest so far. */
  void offer(int column, int row, String value, int columns) {
    if (latest == null) {
      latest = new String[columns];
      latestRow = new int[columns];
    }
    int previous = latestRow[column];
    if (latest[column] == null || compare(row, seconds[previous], nanos[previous], previous) >= 0) {
      latest[column] = value;
      latestRow[column] = row;
    }
  }

  /** Returns the latest non-empty value of a column, or null if every row left it empty. */
  String latest(int column) {
    return latest == null || column >= latest.length ? null : latest[column];
  }

  /** Returns the row indices in time order, ties in file order. */
  Integer[] timeOrder() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(a, seconds[b], nanos[b], b)); // stable: ties keep file order
    return order;
  }

  private int compare(int row, long otherSeconds, int otherNanos, int otherRow) {
    int c = Long.compare(seconds[row], otherSeconds);
    if (c == 0) {
      c = Integer.compare(nanos[row], otherNanos);
    }
    return c != 0 ? c : Integer.compare(row, otherRow);
  }
}
