package org.salespipeline.core;

/**
 * Thrown when stored events cannot be replayed: an event breaks the pipeline's rules, or does not
 * follow from the deal's state. Names the index of the first bad event so the host can find it.
 */
public final class InvalidHistoryException extends IllegalArgumentException {

  /** Serialization version. */
  @java.io.Serial
  private static final long serialVersionUID = 1L;

  /** The position of the first bad event. */
  private final int index;

  InvalidHistoryException(int index, String problem) {
    super("event " + index + " cannot be replayed: " + problem);
    this.index = index;
  }

  InvalidHistoryException(int index, String problem, Throwable cause) {
    super("event " + index + " cannot be replayed: " + problem, cause);
    this.index = index;
  }

  /**
   * Returns the position (from 0) of the first event that cannot be replayed.
   *
   * @return the index, never negative
   */
  public int index() {
    return index;
  }
}
