package org.salespipeline.metrics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Money;
import org.salespipeline.core.internal.ValueStyle;

/**
 * What forecast roll-up to compute (SPEC §4.1): the as-of instant {@code T}, the calendar unit
 * (month or quarter) and its time zone, the quotas per period and owner, and the rule that
 * decides an open deal's forecast category.
 *
 * <pre>{@code
 * ForecastQuery query = ForecastQuery.of(exportedAt, CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
 *     .withQuota(TrendPeriod.parse("2026-Q3"), "ana", Money.parse("50000", "EUR"));
 * }</pre>
 *
 * <p>Immutable and thread-safe if its rule is.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class ForecastQuery {

  ForecastQuery() {}

  /**
   * Returns the as-of instant {@code T}: every deal is taken as it was then.
   *
   * @return the instant, never null
   */
  public abstract Instant asOf();

  /**
   * Returns the calendar unit of the periods.
   *
   * @return month or quarter, never null
   */
  public abstract CalendarUnit unit();

  /**
   * Returns the time zone in which a close instant becomes a date.
   *
   * @return the zone, never null
   */
  public abstract ZoneId zone();

  /**
   * Returns the quotas: each of a period of the unit, at most one per period, owner and currency.
   *
   * @return the quotas in the order added, unmodifiable, never null
   */
  public abstract List<Quota> quotas();

  /**
   * Returns how an open deal's forecast category is decided.
   *
   * @return the rule, {@link ForecastCategoryRule#overrideOrStage()} unless set, never null
   */
  @Value.Default
  public ForecastCategoryRule categoryRule() {
    return ForecastCategoryRule.overrideOrStage();
  }

  /**
   * Returns the query of the roll-up as of an instant per month or quarter in a time zone, with no
   * quotas, and each open deal in its forecast category override if it has one, else in its
   * stage's category ({@link ForecastCategoryRule#overrideOrStage()}).
   *
   * @param asOf the as-of instant {@code T}, not null
   * @param unit {@link CalendarUnit#MONTH} or {@link CalendarUnit#QUARTER}, not null
   * @param zone the time zone of the calendar, not null
   * @return the query, never null
   * @throws IllegalArgumentException if the unit is a week
   */
  public static ForecastQuery of(Instant asOf, CalendarUnit unit, ZoneId zone) {
    return ImmutableForecastQuery.builder().asOf(asOf).unit(unit).zone(zone).build();
  }

  /**
   * Returns the query as {@link #of(Instant, CalendarUnit, ZoneId)}, with the time zone given by
   * its id (as a command line gives it).
   *
   * @param asOf the as-of instant {@code T}, not null
   * @param unit {@link CalendarUnit#MONTH} or {@link CalendarUnit#QUARTER}, not null
   * @param zoneId a time zone id such as {@code Europe/Paris} or {@code +02:00}, not null
   * @return the query, never null
   * @throws IllegalArgumentException if the unit is a week or the zone id is not a time zone,
   *     naming it
   */
  public static ForecastQuery of(Instant asOf, CalendarUnit unit, String zoneId) {
    Objects.requireNonNull(zoneId, "zoneId");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zoneId must be a time zone such as Europe/Paris or +02:00 but was '"
          + zoneId + "'", e);
    }
    return of(asOf, unit, zone);
  }

  /**
   * Returns a copy with one more quota.
   *
   * @param period a period of the query's unit, not null
   * @param owner the salesperson, not null, not blank; must own at least one of the deals the
   *     roll-up is computed over (as of {@code T}), else the roll-up throws
   * @param amount the quota, not null, not negative
   * @return the copy, never null
   * @throws IllegalArgumentException as {@link Quota#Quota} and if the period is not of the
   *     query's unit, or a quota for that period, owner and currency exists already
   */
  public ForecastQuery withQuota(TrendPeriod period, String owner, Money amount) {
    return ImmutableForecastQuery.builder().from(this).addQuota(new Quota(period, owner, amount)).build();
  }

  /**
   * Returns a copy that decides open deals' forecast categories with another rule
   * ({@link ForecastCategoryRule#stage()} to ignore the deals' overrides, say).
   *
   * @param categoryRule the rule, not null
   * @return the copy, never null
   */
  public abstract ForecastQuery withCategoryRule(ForecastCategoryRule categoryRule);

  @Value.Check
  void check() {
    if (unit() == CalendarUnit.WEEK) {
      throw new IllegalArgumentException("unit must be MONTH or QUARTER but was WEEK");
    }
    for (int i = 0; i < quotas().size(); i++) {
      Quota q = Objects.requireNonNull(quotas().get(i), "quota in quotas");
      if (q.period().unit() != unit()) {
        throw new IllegalArgumentException("quotas must be for periods of a "
            + unit().name().toLowerCase(java.util.Locale.ROOT) + ", the roll-up's unit, but has one for " + q.period() + " (owner '" + q.owner() + "')");
      }
      for (int j = 0; j < i; j++) {
        Quota p = quotas().get(j);
        if (p.period().equals(q.period()) && p.owner().equals(q.owner())
            && p.amount().currency().equals(q.amount().currency())) {
          throw new IllegalArgumentException("quotas has two quotas in " + q.amount().currency() + " for owner '"
              + q.owner() + "' in " + q.period() + ": " + p.amount() + " and " + q.amount());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "as of " + asOf() + ", per " + unit().name().toLowerCase(java.util.Locale.ROOT) + " in " + zone()
        + (quotas().isEmpty() ? "" : ", " + quotas().size() + " quotas");
  }
}
