package org.salespipeline.core;

/** Where a deal stands: still being worked, won or lost. */
public enum DealStatus {
  /** The deal is in one of the pipeline's open stages. */
  OPEN,
  /** The deal was won. */
  WON,
  /** The deal was lost. */
  LOST;

  /**
   * Tells whether the deal is closed, won or lost.
   *
   * @return true for {@link #WON} and {@link #LOST}
   */
  public boolean isClosed() {
    return this != OPEN;
  }
}
