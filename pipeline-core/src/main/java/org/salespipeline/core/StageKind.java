package org.salespipeline.core;

/**
 * The meaning of a stage, independent of its name: deals are still being worked, won, or lost.
 * Stages can be renamed or named in any language; outcomes are always read from the kind.
 */
public enum StageKind {
  /** A stage where the deal is still being worked. */
  OPEN,
  /** The terminal stage of deals that were won. */
  WON,
  /** The terminal stage of deals that were lost. */
  LOST
}
