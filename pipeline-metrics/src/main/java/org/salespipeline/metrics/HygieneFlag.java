package org.salespipeline.metrics;

/**
 * What a sales manager reviews in an open deal (SPEC §4.1), as the pipeline hygiene checks of
 * the CRMs flag them (Salesforce's pipeline inspection flags past close dates and deals without
 * recent activity; HubSpot's deal views filter on "close date in the past" and "last activity
 * date"). In the order {@link HygieneReport} prints them.
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
