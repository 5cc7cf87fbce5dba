package org.salespipeline.analyst.cli;

/**
 * The command line cannot be carried out as given: a bad or missing flag, a bad value, or an input
 * file that cannot be read. {@link Main} prints the message as one line on standard error and exits
 * with status 2.
 */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, as one line without a final period
   */
  public UsageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, as one line without a final period
   * @param cause the underlying error
   */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
