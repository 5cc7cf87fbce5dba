package org.salespipeline.history;

import io.vavr.control.Option;
import java.io.IOException;
import java.util.Objects;

/**
 * A stage-history file that cannot be read as asked: it is empty, its header lacks a required
 * column, repeats a column or is malformed, a byte is not text in its encoding, no deal could be
 * loaded, or — reading strictly, as by default — a row is bad ({@link #row()} then names it).
 *
 * <p>The message is one line naming the line (and deal) and the reason.
 */
public final class StageHistoryFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient RowRejection row;

  /**
   * Creates the exception for the file as a whole.
   *
   * @param message what is wrong with the file, as one line
   */
  public StageHistoryFormatException(String message) {
    super(message);
    this.row = null;
  }

  /**
   * Creates the exception for the bad row that stopped a strict reading.
   *
   * @param row the row and why it is bad, not null
   */
  public StageHistoryFormatException(RowRejection row) {
    super(Objects.requireNonNull(row, "row").toString());
    this.row = row;
  }

  /**
   * Returns the bad row that stopped the reading, if a row did.
   *
   * @return the row, or none when the file as a whole is at fault (or after deserialisation)
   */
  public Option<RowRejection> row() {
    return Option.of(row);
  }
}
