package org.salespipeline.metrics;

/**
 * What a sales manager reviews in an open deal (SPEC §4.1): the pipeline-hygiene checks that
 * revenue-operations guides for Salesforce and HubSpot describe (a close date that passed without a
 * decision, no activity in the last 14 days, required fields such as the amount left blank; e.g.
 * pinksheep.ai's "Salesforce pipeline hygiene agent" guide and HubHorizon's "HubSpot Sales
 * Forecasting Cheat Sheet"), with SPEC §4's stuck deals. In the order {@link HygieneReport}
 * prints them.
 */
public enum HygieneFlag {
  /** The expected close date is before {@code T}'s date in the query's time zone. */
  CLOSE_DATE_PASSED,
  /** The deal has no expected close date, so no forecast period holds it. */
  NO_CLOSE_DATE,
  /** Nothing happened to the deal (no activity, no change of any kind) for the query's quiet days. */
  NO_RECENT_ACTIVITY,
  /** The deal has no amount. */
  NO_AMOUNT,
  /** The deal has no owner (an empty or blank owner). */
  NO_OWNER,
  /** The deal is stuck as SPEC §4 defines it: the same list as {@link MetricsReport#stuck()}. */
  STUCK
}
