package org.salespipeline.core;

/** Which clock a pipeline uses to decide that an open deal is rotting. */
public enum RottingClock {
  /** Time since the deal entered its current stage (the default). */
  STAGE_ENTRY,
  /** Time since the last recorded activity on the deal (its creation until one is recorded). */
  LAST_ACTIVITY
}
