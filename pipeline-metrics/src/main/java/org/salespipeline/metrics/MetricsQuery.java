package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.internal.ValueStyle;

/**
 * What to compute: the as-of instant {@code T} (events after it are ignored, as if the data were
 * exported at {@code T}), and optionally a window {@code [from, to)}, a grouping, a probability
 * function, a currency converter, trends per calendar period in a time zone, a forecast period,
 * quotas and the Monte Carlo seed.
 *
 * <pre>{@code
 * MetricsQuery query = MetricsQuery.asOf(Instant.parse("2026-01-01T00:00:00Z"))
 *     .withWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))
 *     .withGrouping(Grouping.owner())
 *     .withTrends(CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"));
 * }</pre>
 *
 * <p>The window selects flows: deals closed in it (win rate, deal size, sales cycle), deals
 * created in it (funnel, Kaplan–Meier), stage changes and completed stays that happened in it.
 * Snapshot figures (open deals, weighted pipeline, current stays, stuck deals, forecast, coverage)
 * are over the deals open at {@code T}. Without a window, every flow up to {@code T} counts.
 *
 * <p>Immutable and thread-safe if its functions are.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class MetricsQuery {

  /** The number of Monte Carlo trials of the forecast unless the query says otherwise. */
  public static final int DEFAULT_TRIALS = 10_000;
  /** The seed of the forecast's Monte Carlo simulation unless the query says otherwise. */
  public static final long DEFAULT_SEED = 20_260_101L;
  /**
   * The earliest instant metrics compute with: the start of year -9999 (UTC). Metrics count time in
   * milliseconds, exactly; within years -9999 to 9999 no duration or sum of durations can overflow
   * unnoticed. A deal created earlier is refused, naming it.
   */
  public static final Instant EARLIEST = LocalDate.of(-9999, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  /**
   * The most calendar periods a trend may have: 192 years of weeks, 833 years of months. Every
   * period a deal was open in holds it (its open-deal figures are part of that period's report),
   * so a deal created long before {@code T} (year -9999 by mistake, say) would make one report per
   * period all the way; metrics refuse it, naming the deal, rather than run out of memory.
   */
  public static final int MAX_TREND_PERIODS = 10_000;
  /** The latest as-of instant metrics compute with: the end of year 9999 (UTC). */
  public static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

  MetricsQuery() {}

  /**
   * Returns the query of every figure as of an instant, with no window, grouping, trends or
   * forecast, the pipeline's probabilities, no currency conversion and time zone UTC.
   *
   * @param asOf the as-of instant {@code T}, not null, within {@link #EARLIEST} and {@link #LATEST}
   * @return the query, never null
   * @throws IllegalArgumentException if asOf is before {@link #EARLIEST} or after {@link #LATEST}
   */
  public static MetricsQuery asOf(Instant asOf) {
    return ImmutableMetricsQuery.builder().asOf(asOf).build();
  }

  /**
   * Returns the as-of instant {@code T}.
   *
   * @return the instant, never null
   */
  public abstract Instant asOf();

  /**
   * Returns the window.
   *
   * @return the window, or none for all time up to {@code T}
   */
  @Value.Default
  public Option<Window> window() {
    return Option.none();
  }

  /**
   * Returns the grouping.
   *
   * @return the grouping, or none
   */
  @Value.Default
  public Option<Grouping> grouping() {
    return Option.none();
  }

  /**
   * Returns the caller's probability function.
   *
   * @return the function, or none to use the pipeline's probabilities
   */
  @Value.Default
  public Option<ToDoubleFunction<? super Deal>> probability() {
    return Option.none();
  }

  /**
   * Returns the currency converter.
   *
   * @return the converter, or none to keep each currency apart
   */
  @Value.Default
  public Option<CurrencyConverter> converter() {
    return Option.none();
  }

  /**
   * Returns the time zone of calendar periods.
   *
   * @return the zone, UTC unless set, never null
   */
  @Value.Default
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns the calendar unit of trends.
   *
   * @return the unit, or none for no trends
   */
  @Value.Default
  public Option<CalendarUnit> trends() {
    return Option.none();
  }

  /**
   * Returns the forecast period.
   *
   * @return the period, or none for no forecast
   */
  @Value.Default
  public Option<DateRange> forecastPeriod() {
    return Option.none();
  }

  /**
   * Returns the quotas, one per currency.
   *
   * @return an unmodifiable map, empty for no coverage
   */
  public abstract Map<Currency, Money> quotas();

  /**
   * Returns the seed of the forecast's simulation.
   *
   * @return the seed, {@link #DEFAULT_SEED} unless set
   */
  @Value.Default
  public long seed() {
    return DEFAULT_SEED;
  }

  /**
   * Returns the number of trials of the forecast's simulation.
   *
   * @return the number, positive, {@link #DEFAULT_TRIALS} unless set
   */
  @Value.Default
  public int trials() {
    return DEFAULT_TRIALS;
  }

  /**
   * Returns a copy with another as-of instant.
   *
   * @param asOf the as-of instant, not null, within {@link #EARLIEST} and {@link #LATEST}
   * @return the copy, never null
   * @throws IllegalArgumentException if asOf is before {@link #EARLIEST} or after {@link #LATEST}
   */
  public abstract MetricsQuery withAsOf(Instant asOf);

  /**
   * Returns a copy restricted to the window {@code [from, to)}. Any instants may bound it:
   * {@code [Instant.MIN, Instant.MAX)} is the whole of time.
   *
   * @param from the first instant in the window, not null
   * @param to the first instant after it, not null, after from
   * @return the copy, never null
   * @throws IllegalArgumentException if to is not after from
   */
  public MetricsQuery withWindow(Instant from, Instant to) {
    return withWindow(new Window(from, to));
  }

  /**
   * Returns a copy restricted to a window.
   *
   * @param window the window, not null
   * @return the copy, never null
   */
  public MetricsQuery withWindow(Window window) {
    return ImmutableMetricsQuery.builder().from(this).window(Option.of(Objects.requireNonNull(window, "window"))).build();
  }

  /**
   * Returns a copy that also reports each group of deals on its own.
   *
   * @param grouping how to group, not null
   * @return the copy, never null
   */
  public MetricsQuery withGrouping(Grouping grouping) {
    return ImmutableMetricsQuery.builder().from(this).grouping(Option.of(Objects.requireNonNull(grouping, "grouping"))).build();
  }

  /**
   * Returns a copy that uses a probability function (a scorer's, for instance) instead of the
   * pipeline's probabilities for open deals.
   *
   * @param probability the win probability of an open deal as of {@code T}, not null; must
   *     return a value within [0, 1] and be thread-safe
   * @return the copy, never null
   */
  public MetricsQuery withProbability(ToDoubleFunction<? super Deal> probability) {
    Objects.requireNonNull(probability, "probability");
    return ImmutableMetricsQuery.builder().from(this).probability(Option.<ToDoubleFunction<? super Deal>>of(probability)).build();
  }

  /**
   * Returns a copy that converts every amount into one currency before adding.
   *
   * @param converter the converter, not null
   * @return the copy, never null
   */
  public MetricsQuery withConverter(CurrencyConverter converter) {
    return ImmutableMetricsQuery.builder().from(this).converter(Option.of(Objects.requireNonNull(converter, "converter"))).build();
  }

  /**
   * Returns a copy that also reports every figure per calendar period, in a time zone. The
   * report of a period is the report as it stood at the period's end (or {@code T} if earlier),
   * with the period (within the window, if any) as its window.
   *
   * <p>A trend runs from the period of the earliest deal's creation (or the window's start) to
   * the period of {@code T} (or the window's end), at most {@link #MAX_TREND_PERIODS} periods: a
   * deal created earlier than that makes the calculation throw {@link IllegalArgumentException}
   * naming it. Bound such data with {@link #withWindow(Instant, Instant)}, or use a longer unit.
   *
   * @param unit week, month or quarter, not null
   * @param zone the time zone of the calendar, not null
   * @return the copy, never null
   */
  public MetricsQuery withTrends(CalendarUnit unit, ZoneId zone) {
    return ImmutableMetricsQuery.builder().from(this).trends(Option.of(Objects.requireNonNull(unit, "unit")))
        .zone(Objects.requireNonNull(zone, "zone")).build();
  }

  /**
   * Returns a copy that forecasts the open deals expected to close in a period.
   *
   * @param start the first day of the period, not null
   * @param end the first day after it, not null, after start
   * @return the copy, never null
   * @throws IllegalArgumentException if end is not after start
   */
  public MetricsQuery withForecast(LocalDate start, LocalDate end) {
    return ImmutableMetricsQuery.builder().from(this).forecastPeriod(Option.of(new DateRange(start, end))).build();
  }

  /**
   * Returns a copy that reports coverage of a quota by the pipeline expected to close in the
   * forecast period (set with {@link #withForecast}). One quota per currency; a second quota in
   * the same currency replaces the first.
   *
   * @param quota the quota, not null, not negative
   * @return the copy, never null
   * @throws IllegalArgumentException if the quota is negative
   */
  public MetricsQuery withQuota(Money quota) {
    Objects.requireNonNull(quota, "quota");
    if (quota.isNegative()) {
      throw new IllegalArgumentException("quota must not be negative but was " + quota);
    }
    Map<Currency, Money> next = new LinkedHashMap<>(quotas());
    next.put(quota.currency(), quota);
    return ImmutableMetricsQuery.builder().from(this).quotas(next).build();
  }

  /**
   * Returns a copy with another Monte Carlo seed and number of trials for the forecast.
   *
   * @param seed the seed
   * @param trials the number of trials, within [1, 10,000,000]
   * @return the copy, never null
   * @throws IllegalArgumentException if trials is out of range
   */
  public MetricsQuery withSimulation(long seed, int trials) {
    return ImmutableMetricsQuery.builder().from(this).seed(seed).trials(trials).build();
  }

  /** The query of one group or one trend period: no further grouping, no trends. */
  MetricsQuery part(Instant partAsOf, @Nullable Window partWindow) {
    return ImmutableMetricsQuery.builder().from(this).asOf(partAsOf).window(Option.of(partWindow))
        .grouping(Option.none()).trends(Option.none()).build();
  }

  @Value.Check
  void check() {
    if (asOf().isBefore(EARLIEST) || asOf().isAfter(LATEST)) {
      throw new IllegalArgumentException("asOf must be within " + EARLIEST + " and " + LATEST + " but was " + asOf());
    }
    if (trials() < 1 || trials() > 10_000_000) {
      throw new IllegalArgumentException("trials must be within [1, 10000000] but was " + trials());
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("as of ").append(asOf());
    window().forEach(w -> s.append(", window ").append(w));
    grouping().forEach(g -> s.append(", grouped ").append(g));
    if (probability().isDefined()) {
      s.append(", caller's probabilities");
    }
    converter().forEach(c -> s.append(", converted to ").append(c.target()));
    trends().forEach(unit -> s.append(", trends per ").append(unit.name().toLowerCase(java.util.Locale.ROOT))
        .append(" in ").append(zone()));
    forecastPeriod().forEach(period -> s.append(", forecast ").append(period));
    return s.toString();
  }
}
