package org.salespipeline.core;

/** How far one qualification criterion (budget, authority, need, timeline, interest) is met. */
public enum QualificationLevel {
  /** Not asked or not known yet. */
  UNKNOWN,
  /** Known not to be met. */
  NO,
  /** Partly met. */
  PARTIAL,
  /** Confirmed. */
  YES
}
