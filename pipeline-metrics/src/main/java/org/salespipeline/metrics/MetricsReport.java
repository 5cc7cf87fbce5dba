package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.Money;
import org.salespipeline.core.internal.ValueStyle;

/**
 * Every figure of SPEC §4 for a set of deals and a {@link MetricsQuery}, with {@code T} the
 * query's as-of instant and "the window" its window (all time up to {@code T} without one).
 *
 * <p>Deals opened after {@code T} do not exist yet and are not counted; every deal is taken as it
 * was at {@code T}. A deal is <em>closed in the window</em> when it is won or lost at {@code T}
 * and its close (its last won or lost event at or before {@code T}) falls in the window; the
 * <em>cohort</em> is the deals created in the window. Durations are in days (milliseconds /
 * 86,400,000). An undefined figure is an empty {@link Option} or an absent map entry, never NaN.
 * Money figures are per currency (or in the converter's currency); deals without an amount are
 * left out of them and counted in {@link #unpriced()}. Every money figure is computed exactly and
 * rounded half-even once, at the end, to the currency's minor unit (ISO 4217 digits: 2 for USD,
 * 0 for JPY); a mean or a rate per day (average deal size, velocity) keeps two more decimals.
 *
 * <p>{@link #toString()} prints aligned tables, readable in JShell. Immutable and thread-safe;
 * equal when every figure is equal. Made only by the calculators of this package (an Immutables
 * value behind the project's style: the generated class is never seen).
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class MetricsReport {

  MetricsReport() {}

  /**
   * Returns the query the report answers.
   *
   * @return the query, never null
   */
  public abstract MetricsQuery query();

  /**
   * Returns the display name of the pipeline the report is about.
   *
   * @return the name, never null
   */
  public abstract String pipelineName();

  /**
   * Returns the number of deals that exist at {@code T} (opened at or before it).
   *
   * @return the count
   */
  public abstract long deals();

  /**
   * Returns the number of deals open at {@code T}.
   *
   * @return the count
   */
  public abstract long open();

  /**
   * Returns the number of deals won in the window: won at {@code T}, their last won event in the
   * window.
   *
   * @return the count
   */
  public abstract long won();

  /**
   * Returns the number of deals lost in the window: lost at {@code T}, their last lost event in
   * the window.
   *
   * @return the count
   */
  public abstract long lost();

  /**
   * Returns how many of the deals that value figures are over (closed in the window, or open at
   * {@code T}) have no amount and are left out of them.
   *
   * @return the count
   */
  public abstract long unpriced();

  /**
   * Returns the win rate: won / (won + lost) over the deals closed in the window, with its 95%
   * Wilson interval.
   *
   * @return the rate, or none if no deal closed in the window
   */
  public abstract Option<Rate> winRate();

  /**
   * Returns the value win rate per currency: won amount / (won amount + lost amount) over the
   * priced deals closed in the window, with a 95% Wilson interval taking the number of those
   * deals as its number of trials.
   *
   * @return an unmodifiable map ordered by currency code; a currency is absent when its closed
   *     amounts add up to zero
   */
  public abstract Map<Currency, Rate> valueWinRate();

  /**
   * Returns the total amount of the deals won in the window, per currency.
   *
   * @return an unmodifiable map ordered by currency code, with each currency of a priced deal
   *     closed in the window
   */
  public abstract Map<Currency, Money> wonValue();

  /**
   * Returns the total amount of the deals lost in the window, per currency.
   *
   * @return an unmodifiable map ordered by currency code, with each currency of a priced deal
   *     closed in the window
   */
  public abstract Map<Currency, Money> lostValue();

  /**
   * Returns the size of the deals won in the window, per currency: count, total, mean, median.
   *
   * @return an unmodifiable map ordered by currency code; a currency is absent when no priced deal
   *     in it was won in the window
   */
  public abstract Map<Currency, DealSize> dealSize();

  /**
   * Returns the average deal size: the mean amount of the deals won in the window, per currency,
   * rounded half-even to two decimals beyond the currency's minor unit (4 for USD, 2 for JPY).
   *
   * @return an unmodifiable map ordered by currency code (see {@link #dealSize()})
   */
  public Map<Currency, Money> averageDealSize() {
    Map<Currency, Money> mean = new LinkedHashMap<>();
    dealSize().forEach((currency, size) -> mean.put(currency, size.mean()));
    return Collections.unmodifiableMap(mean);
  }

  /**
   * Returns the median amount of the deals won in the window, per currency (the mean of the two
   * middle amounts of an even count), rounded half-even to two decimals beyond the currency's
   * minor unit as {@link #averageDealSize()} is: exact for amounts in the minor unit.
   *
   * @return an unmodifiable map ordered by currency code (see {@link #dealSize()})
   */
  public Map<Currency, Money> medianDealSize() {
    Map<Currency, Money> median = new LinkedHashMap<>();
    dealSize().forEach((currency, size) -> median.put(currency, size.median()));
    return Collections.unmodifiableMap(median);
  }

  /**
   * Returns the sales cycle of the deals won in the window: close instant − created instant.
   *
   * @return the summary in days, never null
   */
  public abstract DurationSummary salesCycleWon();

  /**
   * Returns the sales cycle of the deals lost in the window: close instant − created instant.
   *
   * @return the summary in days, never null
   */
  public abstract DurationSummary salesCycleLost();

  /**
   * Returns the Kaplan–Meier estimate of the time to close over the cohort: a deal closed at
   * {@code T} has its event at close − created; a deal open at {@code T} is censored at
   * {@code T} − created.
   *
   * @return the curve, never null
   */
  public abstract SurvivalCurve timeToClose();

  /**
   * Returns the median of the Kaplan–Meier time to close.
   *
   * @return the median in days, or none (see {@link SurvivalCurve#medianDays()})
   */
  public Option<Double> kmMedianDaysToClose() {
    return timeToClose().medianDays();
  }

  /**
   * Returns the funnel over the cohort, one entry per open stage in pipeline order.
   *
   * @return an unmodifiable list, never null
   */
  public abstract List<FunnelStage> funnel();

  /**
   * Returns the funnel entry of an open stage.
   *
   * @param stageId the stage's id, not null
   * @return the entry, or none if the stage is not an open stage of the pipeline
   */
  public Option<FunnelStage> funnel(String stageId) {
    Objects.requireNonNull(stageId, "stageId");
    return Option.ofOptional(funnel().stream().filter(f -> f.stageId().equals(stageId)).findFirst());
  }

  /**
   * Returns the stage changes in the window and the absorbing-chain win probabilities.
   *
   * @return the transitions, never null
   */
  public abstract Transitions transitions();

  /**
   * Returns the time in each open stage, in pipeline order.
   *
   * @return an unmodifiable list, never null
   */
  public abstract List<StageTime> timeInStage();

  /**
   * Returns the time in an open stage.
   *
   * @param stageId the stage's id, not null
   * @return the figures, or none if the stage is not an open stage of the pipeline
   */
  public Option<StageTime> timeInStage(String stageId) {
    Objects.requireNonNull(stageId, "stageId");
    return Option.ofOptional(timeInStage().stream().filter(t -> t.stageId().equals(stageId)).findFirst());
  }

  /**
   * Returns the open deals whose current stay exceeds their stage's norm (see {@link StuckDeal}),
   * furthest over first, then by deal id.
   *
   * @return an unmodifiable list, never null
   */
  public List<StuckDeal> stuck() {
    return stuckDeals().deals();
  }

  /** The stuck deals, held without the generated builder's copies (see {@link StuckDeals}). */
  abstract StuckDeals stuckDeals();

  /**
   * The stuck deals as one immutable list, taken as it is: where most open deals are stuck they
   * are hundreds of thousands, which the generated builder would copy twice (as it does every
   * list attribute), in the serial end of a parallel calculation.
   */
  record StuckDeals(List<StuckDeal> deals) {
    StuckDeals {
      deals = List.copyOf(deals); // no copy of a list made by List.of
    }
  }

  /**
   * Returns the bottlenecks.
   *
   * @return the bottlenecks, never null
   */
  public abstract Bottlenecks bottlenecks();

  /**
   * Returns the unweighted open pipeline: the sum of the amounts of the deals open at {@code T},
   * per currency, rounded half-even to the currency's minor unit.
   *
   * @return an unmodifiable map ordered by currency code, with each currency of a priced open deal
   */
  public abstract Map<Currency, Money> openPipeline();

  /**
   * Returns the weighted pipeline: Σ amount × probability over the deals open at {@code T}, per
   * currency. The probability is the caller's function if the query has one, else the pipeline's
   * (the manual override if set, else the stage's default). Each probability counts as the
   * shortest decimal that reads back as its double ({@code BigDecimal.valueOf}: 0.1, not the
   * binary 0.1000000000000000055…), the products and their sum are exact decimals, and the sum is
   * rounded half-even once to the currency's minor unit.
   *
   * @return an unmodifiable map ordered by currency code, with each currency of a priced open deal
   */
  public abstract Map<Currency, Money> weightedPipeline();

  /**
   * Returns the forecast for the query's forecast period.
   *
   * @return the forecast, or none if the query has no forecast period
   */
  public abstract Option<Forecast> forecast();

  /**
   * Returns the pipeline velocity in money per day, per currency: the number of priced open deals
   * in the currency × the average deal size × the win rate / the mean sales cycle of won deals in
   * days, the last three over the window. Computed as one exact fraction, rounded half-even once
   * to two decimals beyond the currency's minor unit, as {@link #averageDealSize()} is.
   *
   * @return an unmodifiable map ordered by currency code; a currency is absent when a factor is
   *     undefined or the mean cycle is zero
   */
  public abstract Map<Currency, Money> velocityPerDay();

  /**
   * Returns the coverage of each quota of the query by the open pipeline expected to close in the
   * forecast period.
   *
   * @return an unmodifiable map ordered by currency code, one entry per quota
   */
  public abstract Map<Currency, Coverage> coverage();

  /**
   * Returns the report of each group of deals, if the query groups them. A group's report has
   * every figure of this one except groups and trends.
   *
   * @return an unmodifiable map ordered by group key, empty without a grouping
   */
  public abstract Map<String, MetricsReport> groups();

  /**
   * Returns the report of each calendar period, if the query asks for trends: the report as it
   * stood at the period's end (or {@code T} if earlier), with the period (within the window) as
   * its window. Periods start with the first one in which a deal exists.
   *
   * @return an unmodifiable map in period order, empty without trends
   */
  public abstract Map<TrendPeriod, MetricsReport> trends();

  /**
   * Returns the report as aligned text tables: counts and rates, deal size, sales cycle, time to
   * close, funnel, transitions, time in stage, bottlenecks, stuck deals, pipeline, forecast,
   * coverage, groups and trends.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return ReportPrinter.print(this);
  }
}
