package org.salespipeline.history;

import java.io.IOException;

/**
 * A stage-history file that cannot be read at all: it is empty, or its header lacks a required
 * column, repeats a column or is malformed. (A bad data row does not throw: it is rejected with its
 * line and reason and the rest of the file is loaded.)
 */
public final class StageHistoryFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the file, as one line
   */
  public StageHistoryFormatException(String message) {
    super(message);
  }
}
