package org.salespipeline.metrics;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * The forecast of one owner (or the whole team) in one calendar period: the forecast categories
 * rolled up cumulatively, as Salesforce's cumulative forecast roll-ups and HubSpot's and Dynamics
 * 365's forecast grids show them, with quota attainment and coverage where a quota was given.
 *
 * <p>A deal is in the period of its expected close date while open, of its close date (in the
 * query's time zone) once won or lost. Open deals count by their forecast category
 * ({@link ForecastCategoryRule}); won deals are closed won, lost deals omitted. The cumulative
 * figures include (following Salesforce's {@code ForecastingSubmissionItem} roll-ups:
 * CommitForecast = Commit + Closed, BestCaseForecast = Best Case + Commit + Closed, OpenPipeline =
 * Pipeline + Best Case + Commit):
 * <ul>
 *   <li>{@code closedWon}: the deals won in the period;</li>
 *   <li>{@code commit}: closedWon and the open deals in COMMIT;</li>
 *   <li>{@code bestCase}: commit and the open deals in BEST_CASE;</li>
 *   <li>{@code pipeline}: every open deal not omitted: those in PIPELINE, BEST_CASE and COMMIT (no
 *       closed deal);</li>
 *   <li>{@code omitted}: the open deals in OMITTED and the deals lost in the period.</li>
 * </ul>
 * Amounts are each deal's amount as of {@code T}; deals without one count in the counts only.
 *
 * <p>With quotas: {@code attainment} = closedWon / quota and {@code coverage} = pipeline /
 * (quota − closedWon), per currency of a quota, each with the amounts in that currency only. An
 * undefined ratio (a zero quota; a quota already reached, so nothing remains to cover) has no
 * entry. The team's quota is the sum of its owners' quotas, and its ratios in a currency are
 * defined only when every owner who won or has pipeline in that currency in the period has a quota
 * in it: the team's closed won and pipeline count every owner, so a quota of only some of them
 * would overstate attainment and coverage. Immutable and thread-safe.
 *
 * @param closedWon the deals won in the period
 * @param commit closedWon plus the open deals committed
 * @param bestCase commit plus the open deals in best case
 * @param pipeline the open deals in pipeline, best case and commit
 * @param omitted the open deals omitted and the deals lost in the period
 * @param quota the quota per currency (summed over the owners for a team), empty without one
 * @param attainment closedWon / quota per currency of a quota
 * @param coverage pipeline / (quota − closedWon) per currency of a quota
 */
public record ForecastFigures(
    Figure closedWon,
    Figure commit,
    Figure bestCase,
    Figure pipeline,
    Figure omitted,
    Map<Currency, Money> quota,
    Map<Currency, Double> attainment,
    Map<Currency, Double> coverage) {

  /**
   * Creates the value, checking that nothing is null and copying the maps.
   *
   * @param closedWon the deals won in the period
   * @param commit closedWon plus the open deals committed
   * @param bestCase commit plus the open deals in best case
   * @param pipeline the open deals in pipeline, best case and commit
   * @param omitted the open deals omitted and the deals lost in the period
   * @param quota the quota per currency
   * @param attainment closedWon / quota per currency
   * @param coverage pipeline / (quota − closedWon) per currency
   */
  public ForecastFigures {
    Objects.requireNonNull(closedWon, "closedWon");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(bestCase, "bestCase");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(omitted, "omitted");
    quota = Maps.byCurrency(Objects.requireNonNull(quota, "quota"));
    attainment = Maps.byCurrency(Objects.requireNonNull(attainment, "attainment"));
    coverage = Maps.byCurrency(Objects.requireNonNull(coverage, "coverage"));
  }
}
