package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.io.IOException;
import java.util.Objects;

/**
 * A CRM export that cannot be imported as asked: its header lacks a column the options name, it
 * is empty, no deal is left to import, or — importing strictly, as by default — a record is bad
 * ({@link #rejection()} then names the file, line, record and reason).
 *
 * <p>The message is one line.
 */
public final class ImportException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient ImportRejection rejection;

  /**
   * Creates the exception for the file as a whole.
   *
   * @param message what is wrong, as one line
   */
  public ImportException(String message) {
    super(oneLine(message));
    this.rejection = null;
  }

  /**
   * Creates the exception for the bad record that stopped a strict import.
   *
   * @param rejection the record and why it is bad, not null
   */
  public ImportException(ImportRejection rejection) {
    super(Objects.requireNonNull(rejection, "rejection") + " (skipping bad rows, the import goes on without it)");
    this.rejection = rejection;
  }

  /** Returns the text with each line break shown as {@code \\n}, so that a message is one line. */
  static String oneLine(String text) {
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /**
   * Returns the bad record that stopped the import, if a record did.
   *
   * @return the rejection, or none when the file as a whole is at fault (or after deserialisation)
   */
  public Option<ImportRejection> rejection() {
    return Option.of(rejection);
  }
}
