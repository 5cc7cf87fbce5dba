package org.salespipeline.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

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
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class HygieneQuery {

  /** The quiet days of a query unless it says otherwise: two weeks. */
  public static final int DEFAULT_QUIET_DAYS = 14;

  HygieneQuery() {}

  /**
   * Returns the query as of an instant, in UTC, with {@value #DEFAULT_QUIET_DAYS} quiet days.
   *
   * @param asOf the as-of instant, not null, within {@link MetricsQuery#EARLIEST} and
   *     {@link MetricsQuery#LATEST}
   * @return the query, never null
   * @throws IllegalArgumentException if asOf is out of range
   */
  public static HygieneQuery asOf(Instant asOf) {
    return ImmutableHygieneQuery.builder().asOf(asOf).build();
  }

  /**
   * Returns the as-of instant {@code T}: every deal is taken as it was then.
   *
   * @return the instant, never null
   */
  public abstract Instant asOf();

  /**
   * Returns the time zone of {@code T}'s date.
   *
   * @return the zone, UTC unless set, never null
   */
  @Value.Default
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns the number of days (of 24 hours) without any event that flags a deal.
   *
   * @return the days, at least 1
   */
  @Value.Default
  public int quietDays() {
    return DEFAULT_QUIET_DAYS;
  }

  /**
   * Returns a copy in another time zone.
   *
   * @param zone the time zone, not null
   * @return the copy, never null
   */
  public abstract HygieneQuery withZone(ZoneId zone);

  /**
   * Returns a copy with another number of quiet days.
   *
   * @param days at least 1
   * @return the copy, never null
   * @throws IllegalArgumentException if days is below 1
   */
  public abstract HygieneQuery withQuietDays(int days);

  /**
   * Returns the quiet days as a duration.
   *
   * @return the duration, positive, never null
   */
  public Duration quietTime() {
    return Duration.ofDays(quietDays());
  }

  @Value.Check
  void check() {
    if (asOf().isBefore(MetricsQuery.EARLIEST) || asOf().isAfter(MetricsQuery.LATEST)) {
      throw new IllegalArgumentException("asOf must be within " + MetricsQuery.EARLIEST + " and " + MetricsQuery.LATEST
          + " but was " + asOf());
    }
    if (quietDays() < 1) {
      throw new IllegalArgumentException("quietDays must be at least 1 but was " + quietDays());
    }
  }

  @Override
  public String toString() {
    return "as of " + asOf() + " (" + zone() + "), quiet after " + quietDays() + " days";
  }
}
