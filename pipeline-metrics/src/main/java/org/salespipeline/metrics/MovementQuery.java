package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What pipeline movement to compute (SPEC §4.1): the interval {@code [A, B)}, which pipeline (the
 * whole open pipeline, or the pipeline of a target period), and an optional grouping.
 *
 * <pre>{@code
 * MovementQuery lastWeek = MovementQuery.over(Instant.parse("2026-07-06T00:00:00Z"), Instant.parse("2026-07-13T00:00:00Z"))
 *     .withTargetPeriod(TrendPeriod.parse("2026-Q3"))
 *     .withGrouping(Grouping.owner());
 * }</pre>
 *
 * <p>The target period is a month or a quarter of calendar dates: a deal is in its pipeline while
 * it is open and its expected close date (a date, not an instant) falls in it, so the period needs
 * no time zone; the zone only matters to the caller when turning the dates of {@code A} and
 * {@code B} into instants ({@code date.atStartOfDay(zone).toInstant()}).
 *
 * <p>Immutable and thread-safe if its grouping is.
 *
 * @param interval the interval {@code [A, B)}; events at or after {@code B} are ignored
 * @param targetPeriod the target period {@code P}, or none for the whole open pipeline
 * @param grouping the grouping of deals (by their value just before {@code B}), or none
 */
public record MovementQuery(Window interval, Option<TrendPeriod> targetPeriod, Option<Grouping> grouping) {

  /**
   * Creates the value, checking that the target period, if any, is a month or a quarter.
   *
   * @param interval the interval, not null
   * @param targetPeriod the target period, not null, none or a month or quarter
   * @param grouping the grouping, not null, may be none
   * @throws IllegalArgumentException if the target period is a week
   */
  public MovementQuery {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(targetPeriod, "targetPeriod");
    Objects.requireNonNull(grouping, "grouping");
    targetPeriod.forEach(MovementQuery::checkTargetPeriod);
  }

  /**
   * Returns the query of the movement of the whole open pipeline over {@code [from, to)}.
   *
   * @param from the interval's first instant {@code A}, not null
   * @param to the first instant after it {@code B}, not null, after from
   * @return the query, never null
   * @throws IllegalArgumentException if to is not after from (B before A, or an empty interval)
   */
  public static MovementQuery over(Instant from, Instant to) {
    return new MovementQuery(new Window(from, to), Option.none(), Option.none());
  }

  /**
   * Returns a copy that follows the pipeline of a target period: the open deals whose expected
   * close date falls in it. Deals without an expected close date are never in it.
   *
   * @param period a month or a quarter, not null
   * @return the copy, never null
   * @throws IllegalArgumentException if the period is a week
   */
  public MovementQuery withTargetPeriod(TrendPeriod period) {
    return new MovementQuery(interval, Option.some(checkTargetPeriod(period)), grouping);
  }

  /**
   * Returns a copy that also reports each group of deals on its own. A deal's group is its key as
   * of just before {@code B}, so that each deal's whole movement is in one group and every group's
   * figures obey the identity.
   *
   * @param grouping how to group, not null
   * @return the copy, never null
   */
  public MovementQuery withGrouping(Grouping grouping) {
    return new MovementQuery(interval, targetPeriod, Option.some(Objects.requireNonNull(grouping, "grouping")));
  }

  /**
   * Returns the interval's first instant {@code A}.
   *
   * @return the instant, never null
   */
  public Instant from() {
    return interval.from();
  }

  /**
   * Returns the first instant after the interval, {@code B}.
   *
   * @return the instant, never null
   */
  public Instant to() {
    return interval.to();
  }

  private static TrendPeriod checkTargetPeriod(@Nullable TrendPeriod period) {
    Objects.requireNonNull(period, "period");
    if (period.unit() == CalendarUnit.WEEK) {
      throw new IllegalArgumentException("period must be a month or a quarter but was week " + period);
    }
    return period;
  }

  @Override
  public String toString() {
    return interval + targetPeriod.map(p -> ", target period " + p).getOrElse(", whole open pipeline")
        + grouping.map(g -> ", grouped " + g).getOrElse("");
  }
}
