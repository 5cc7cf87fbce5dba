package org.salespipeline.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What pipeline hygiene review to compute (SPEC §4.1): the as-of instant {@code T}, the time zone
 * in which {@code T} has a date (for {@link HygieneFlag#CLOSE_DATE_PASSED}), and how many quiet
 * days flag a deal {@link HygieneFlag#NO_RECENT_ACTIVITY}.
 *
 * <pre>{@code
 * HygieneQuery query = HygieneQuery.asOf(exportedAt).withZone(ZoneId.of("America/New_York")).withQuietDays(21);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the as-of instant {@code T}: every deal is taken as it was then
 * @param zone the time zone of {@code T}'s date
 * @param quietDays the number of days (of 24 hours) without any event that flags a deal
 */
public record HygieneQuery(Instant asOf, ZoneId zone, int quietDays) {

  /** The quiet days of a query unless it says otherwise: two weeks. */
  public static final int DEFAULT_QUIET_DAYS = 14;

  /**
   * Creates the value, checking it.
   *
   * @param asOf the as-of instant, not null, within {@link MetricsQuery#EARLIEST} and
   *     {@link MetricsQuery#LATEST}
   * @param zone the time zone, not null
   * @param quietDays at least 1
   * @throws IllegalArgumentException if asOf is out of range or quietDays below 1
   */
  public HygieneQuery {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    if (asOf.isBefore(MetricsQuery.EARLIEST) || asOf.isAfter(MetricsQuery.LATEST)) {
      throw new IllegalArgumentException("asOf must be within " + MetricsQuery.EARLIEST + " and " + MetricsQuery.LATEST
          + " but was " + asOf);
    }
    if (quietDays < 1) {
      throw new IllegalArgumentException("quietDays must be at least 1 but was " + quietDays);
    }
  }

  /**
   * Returns the review as of an instant, in UTC, with {@value #DEFAULT_QUIET_DAYS} quiet days.
   *
   * @param asOf the as-of instant {@code T}, not null, within {@link MetricsQuery#EARLIEST} and
   *     {@link MetricsQuery#LATEST}
   * @return the query, never null
   * @throws IllegalArgumentException if asOf is out of range
   */
  public static HygieneQuery asOf(Instant asOf) {
    return new HygieneQuery(asOf, ZoneOffset.UTC, DEFAULT_QUIET_DAYS);
  }

  /**
   * Returns a copy with another time zone.
   *
   * @param zone the time zone of {@code T}'s date, not null
   * @return the copy, never null
   */
  public HygieneQuery withZone(ZoneId zone) {
    return new HygieneQuery(asOf, zone, quietDays);
  }

  /**
   * Returns a copy with another number of quiet days.
   *
   * @param days at least 1
   * @return the copy, never null
   * @throws IllegalArgumentException if days is below 1
   */
  public HygieneQuery withQuietDays(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1 but was " + days);
    }
    return new HygieneQuery(asOf, zone, days);
  }

  /**
   * Returns the quiet time as a duration: {@link #quietDays()} times 24 hours.
   *
   * @return the duration, positive
   */
  public Duration quietTime() {
    return Duration.ofDays(quietDays);
  }

  @Override
  public String toString() {
    return "as of " + asOf + " (" + zone + "), quiet after " + quietDays + " days";
  }
}
