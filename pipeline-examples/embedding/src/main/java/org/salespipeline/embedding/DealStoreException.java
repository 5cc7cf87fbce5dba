package org.salespipeline.embedding;

/**
 * The database failed (it is down, a disk is full, a connection broke, stored rows do not read
 * back). The transaction of the command was rolled back, or never committed: nothing of it is
 * stored. Business outcomes (rejections, conflicts) are never thrown; they are
 * {@link CommandResult}s.
 */
public final class DealStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the deal
   */
  public DealStoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the deal where there is one
   * @param cause the underlying failure
   */
  public DealStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
