package org.salespipeline.core;

/**
 * How a stage counts in a sales forecast, as in Salesforce's forecast categories.
 */
public enum ForecastCategory {
  /** Early deals, counted in the pipeline but not in the forecast. */
  PIPELINE,
  /** Deals that could close in the period if things go well. */
  BEST_CASE,
  /** Deals the salesperson commits to closing in the period. */
  COMMIT,
  /** Won deals. */
  CLOSED,
  /** Deals left out of the forecast, such as lost deals. */
  OMITTED
}
