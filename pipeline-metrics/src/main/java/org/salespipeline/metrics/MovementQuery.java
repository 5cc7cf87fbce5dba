package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

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
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class MovementQuery {

  MovementQuery() {}

  /**
   * Returns the interval {@code [A, B)}; events at or after {@code B} are ignored.
   *
   * @return the interval, never null
   */
  public abstract Window interval();

  /**
   * Returns the target period {@code P}.
   *
   * @return the period, a month or a quarter, or none for the whole open pipeline
   */
  @Value.Default
  public Option<TrendPeriod> targetPeriod() {
    return Option.none();
  }

  /**
   * Returns the grouping of deals (by their value just before {@code B}).
   *
   * @return the grouping, or none
   */
  @Value.Default
  public Option<Grouping> grouping() {
    return Option.none();
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
    return ImmutableMovementQuery.builder().interval(new Window(from, to)).build();
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
    Objects.requireNonNull(period, "period");
    return ImmutableMovementQuery.builder().from(this).targetPeriod(Option.some(period)).build();
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
    return ImmutableMovementQuery.builder().from(this).grouping(Option.some(Objects.requireNonNull(grouping, "grouping")))
        .build();
  }

  /**
   * Returns the interval's first instant {@code A}.
   *
   * @return the instant, never null
   */
  public Instant from() {
    return interval().from();
  }

  /**
   * Returns the first instant after the interval, {@code B}.
   *
   * @return the instant, never null
   */
  public Instant to() {
    return interval().to();
  }

  @Value.Check
  void check() {
    for (TrendPeriod period : targetPeriod()) {
      if (period.unit() == CalendarUnit.WEEK) {
        throw new IllegalArgumentException("period must be a month or a quarter but was week " + period);
      }
    }
  }

  @Override
  public String toString() {
    return interval() + targetPeriod().map(p -> ", target period " + p).getOrElse(", whole open pipeline")
        + grouping().map(g -> ", grouped " + g).getOrElse("");
  }
}
