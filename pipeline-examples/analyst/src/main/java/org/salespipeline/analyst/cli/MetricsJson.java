package org.salespipeline.analyst.cli;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.DurationSummary;
import org.salespipeline.metrics.FunnelStage;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.Rate;
import org.salespipeline.metrics.StageTime;

/**
 * The JSON form of a {@link MetricsReport}, with the keys of SPEC §6 in a fixed order.
 *
 * <p>Shape decisions: an undefined figure is {@code null}; a money figure (and the value win rate)
 * is an object with one key per currency of the export's amounts, always the same keys, so a
 * currency without a figure maps to {@code null} (or 0 for the weighted pipeline, an empty sum); a
 * rate is {@code {"value","lower","upper"}} with its 95% Wilson interval; money is the decimal
 * the report gives (SPEC §4: computed exactly, rounded half-even once to the currency's minor
 * unit, two more decimals for the average deal size and the velocity); durations are in days. A group has the same keys, with {@code rejectedRows} null (a
 * rejected row belongs to no group) and no {@code groups}.
 */
final class MetricsJson {

  private MetricsJson() {}

  /**
   * Returns the report as nested maps for {@link Json#write}.
   *
   * @param report the report
   * @param currencies the keys of money figures
   * @param rejectedRows the rows not loaded, or null for a group
   * @param weighted whether open deals had probabilities to weigh them by
   */
  static Map<String, Object> of(MetricsReport report, Set<Currency> currencies, Long rejectedRows, boolean weighted) {
    return of(report, currencies, rejectedRows, weighted, null, null);
  }

  /**
   * Returns the JSON object of a report with what the reading and the data say: the warnings, and
   * the counts and rejections of {@link Rejections#json} (all null for a group).
   *
   * @param report the report
   * @param currencies the keys of money figures
   * @param rejectedRows the rows not loaded, or null for a group
   * @param weighted whether open deals had probabilities to weigh them by
   * @param warnings what the data cannot support, or null for a group
   * @param reading the counts and rejections, or null for a group
   */
  static Map<String, Object> of(MetricsReport report, Set<Currency> currencies, Long rejectedRows, boolean weighted,
      List<String> warnings, Map<String, Object> reading) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deals", report.deals());
    json.put("open", report.open());
    json.put("won", report.won());
    json.put("lost", report.lost());
    json.put("rejectedRows", rejectedRows);
    json.put("warnings", warnings);
    for (String key : List.of("rowsRead", "dealsRead", "rejectedDeals", "rejections")) {
      json.put(key, reading == null ? null : reading.get(key));
    }
    json.put("winRate", rate(report.winRate()));
    json.put("valueWinRate", perCurrency(currencies, report.valueWinRate(), r -> rate(Option.some(r)), null));
    json.put("averageDealSize", perCurrency(currencies, report.averageDealSize(), Money::amount, null));
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("won", durations(report.salesCycleWon()));
    cycle.put("lost", durations(report.salesCycleLost()));
    json.put("salesCycleDays", cycle);
    json.put("kmMedianDaysToClose", report.kmMedianDaysToClose().getOrNull());
    List<Object> funnel = new ArrayList<>();
    for (FunnelStage stage : report.funnel()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("stage", stage.stageName());
      entry.put("reached", stage.reached());
      entry.put("advanced", stage.advanced());
      entry.put("lost", stage.lost());
      entry.put("open", stage.open());
      entry.put("conversion", rate(stage.conversion()));
      funnel.add(entry);
    }
    json.put("funnel", funnel);
    Map<String, Object> stages = new LinkedHashMap<>();
    for (StageTime time : report.timeInStage()) {
      stages.put(time.stageName(), durations(time.completed()));
    }
    json.put("timeInStageDays", stages);
    json.put("weightedPipeline", weighted
        ? perCurrency(currencies, report.weightedPipeline(), Money::amount, BigDecimal.ZERO)
        : perCurrency(currencies, Map.of(), Money::amount, null));
    json.put("velocityPerDay", perCurrency(currencies, report.velocityPerDay(), Money::amount, null));
    if (report.query().grouping().isDefined()) {
      Map<String, Object> groups = new LinkedHashMap<>();
      report.groups().forEach((key, group) -> groups.put(key, of(group, currencies, null, weighted)));
      json.put("groups", groups);
    }
    return json;
  }

  private static Map<String, Object> rate(Option<Rate> rate) {
    if (rate.isEmpty()) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("value", rate.get().value());
    json.put("lower", rate.get().lower());
    json.put("upper", rate.get().upper());
    return json;
  }

  private static Map<String, Object> durations(DurationSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", summary.count());
    json.put("mean", summary.meanDays().getOrNull());
    json.put("median", summary.medianDays().getOrNull());
    json.put("p90", summary.p90Days().getOrNull());
    return json;
  }

  private static <T> Map<String, Object> perCurrency(Set<Currency> currencies, Map<Currency, T> values,
      Function<T, Object> json, Object absent) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Currency currency : currencies) {
      T value = values.get(currency);
      out.put(currency.getCurrencyCode(), value == null ? absent : json.apply(value));
    }
    // a converter or an unexpected currency: report it rather than drop it
    values.forEach((currency, value) -> out.putIfAbsent(currency.getCurrencyCode(), json.apply(value)));
    return out;
  }
}
