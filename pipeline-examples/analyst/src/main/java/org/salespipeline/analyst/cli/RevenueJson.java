package org.salespipeline.analyst.cli;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.FlaggedDeal;
import org.salespipeline.metrics.ForecastFigures;
import org.salespipeline.metrics.ForecastReport;
import org.salespipeline.metrics.Figure;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.HygieneCounts;
import org.salespipeline.metrics.HygieneFlag;
import org.salespipeline.metrics.HygieneReport;
import org.salespipeline.metrics.Movement;
import org.salespipeline.metrics.MovementReport;
import org.salespipeline.metrics.PeriodForecast;

/**
 * The JSON and CSV forms of the SPEC §4.1 reports: pipeline movement, forecast roll-up and
 * hygiene, as nested maps for {@link Json#write} and as {@link CsvTable}s.
 *
 * <p>Shape decisions: a figure is {@code {"count": n, "amount": {"USD": …}}} with one key per
 * currency of the export (and any other currency the figure has), an empty sum being 0; money is
 * the exact sum rounded half-even once, here, to the currency's minor unit (ISO 4217 digits); a
 * ratio (attainment, coverage) is a plain number, absent when undefined (no quota, or nothing left
 * to cover). A deal without an owner (empty or blank) has {@code "owner": null}; where owners or
 * groups are keys (per-owner figures, {@code --group-by owner}) and in CSV cells, its group is
 * {@code (none)} ({@link Grouping#NONE}), as in the tables.
 */
final class RevenueJson {

  /** The movement figures in the order of SPEC §4.1, as JSON keys. */
  static final List<String> MOVEMENT_KEYS = List.of("start", "created", "movedIn", "movedOut", "pulledIn", "pushedOut",
      "reopened", "won", "lost", "increased", "decreased", "end");

  /** The forecast figures, cumulative as the CRMs show them, as JSON keys. */
  static final List<String> FORECAST_KEYS = List.of("closedWon", "commit", "bestCase", "pipeline", "omitted");

  private RevenueJson() {}

  /** The movement as {@code {start: figure, …, end: figure[, groups: {key: {…}}]}}. */
  static Map<String, Object> movement(MovementReport report, Set<Currency> currencies) {
    Map<String, Object> json = movement(report.total(), currencies);
    if (report.query().grouping().isDefined()) {
      Map<String, Object> groups = new LinkedHashMap<>();
      report.groups().forEach((key, group) -> groups.put(key, movement(group, currencies)));
      json.put("groups", groups);
    }
    return json;
  }

  private static Map<String, Object> movement(Movement m, Set<Currency> currencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Figure> figures = movementFigures(m);
    for (int i = 0; i < MOVEMENT_KEYS.size(); i++) {
      json.put(MOVEMENT_KEYS.get(i), figure(figures.get(i), currencies));
    }
    return json;
  }

  /** The movement's figures in the order of {@link #MOVEMENT_KEYS}. */
  static List<Figure> movementFigures(Movement m) {
    return List.of(m.start(), m.created(), m.movedIn(), m.movedOut(), m.pulledIn(), m.pushedOut(), m.reopened(),
        m.won(), m.lost(), m.increased(), m.decreased(), m.end());
  }

  /** The movement as CSV: {@code group, figure, count} and one column per currency. */
  static CsvTable movementCsv(MovementReport report, Set<Currency> currencies) {
    List<Currency> columns = columns(currencies, report);
    List<String> header = new ArrayList<>(List.of("group", "figure", "count"));
    columns.forEach(c -> header.add(c.getCurrencyCode()));
    CsvTable table = new CsvTable(header.toArray(String[]::new));
    movementRows(table, "", report.total(), columns);
    report.groups().forEach((key, group) -> movementRows(table, key, group, columns));
    return table;
  }

  private static void movementRows(CsvTable table, String group, Movement m, List<Currency> columns) {
    List<Figure> figures = movementFigures(m);
    for (int i = 0; i < MOVEMENT_KEYS.size(); i++) {
      List<Object> cells = new ArrayList<>(List.of(group, MOVEMENT_KEYS.get(i), figures.get(i).count()));
      for (Currency c : columns) {
        cells.add(figures.get(i).amount(c).amountInMinorUnit());
      }
      table.add(cells.toArray());
    }
  }

  private static List<Currency> columns(Set<Currency> currencies, MovementReport report) {
    Set<Currency> all = new TreeSet<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    all.addAll(currencies);
    for (Figure f : movementFigures(report.total())) {
      all.addAll(f.amount().keySet());
    }
    return List.copyOf(all);
  }

  /**
   * The roll-up as {@code {unit, zone, asOf, periods: […], noCloseDate, noCloseDateByOwner}}; each
   * period also has {@code ownersWithoutQuota}: per currency, the owners whose missing quota leaves
   * the team without attainment and coverage in it.
   */
  static Map<String, Object> forecast(ForecastReport report, Set<Currency> currencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("unit", report.query().unit().name().toLowerCase(Locale.ROOT));
    json.put("zone", report.query().zone().getId());
    json.put("asOf", report.query().asOf().toString());
    json.put("deals", report.deals());
    List<Object> periods = new ArrayList<>();
    for (PeriodForecast period : report.periods()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("period", period.period().label());
      p.put("team", forecast(period.team(), currencies));
      Map<String, Object> owners = new LinkedHashMap<>();
      period.owners().forEach((owner, figures) -> owners.put(owner, forecast(figures, currencies)));
      p.put("owners", owners);
      Map<String, Object> withoutQuota = new LinkedHashMap<>();
      period.ownersWithoutQuota().forEach((c, names) -> withoutQuota.put(c.getCurrencyCode(), List.copyOf(names)));
      p.put("ownersWithoutQuota", withoutQuota);
      periods.add(p);
    }
    json.put("periods", periods);
    json.put("noCloseDate", figure(report.noCloseDate(), currencies));
    Map<String, Object> byOwner = new LinkedHashMap<>();
    report.noCloseDateByOwner().forEach((owner, figure) -> byOwner.put(owner, figure(figure, currencies)));
    json.put("noCloseDateByOwner", byOwner);
    return json;
  }

  private static Map<String, Object> forecast(ForecastFigures f, Set<Currency> currencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Figure> figures = forecastFigures(f);
    for (int i = 0; i < FORECAST_KEYS.size(); i++) {
      json.put(FORECAST_KEYS.get(i), figure(figures.get(i), currencies));
    }
    Map<String, Object> quota = new LinkedHashMap<>();
    f.quota().forEach((c, money) -> quota.put(c.getCurrencyCode(), money.amountInMinorUnit()));
    json.put("quota", quota);
    json.put("attainment", ratios(f.attainment()));
    json.put("coverage", ratios(f.coverage()));
    return json;
  }

  private static List<Figure> forecastFigures(ForecastFigures f) {
    return List.of(f.closedWon(), f.commit(), f.bestCase(), f.pipeline(), f.omitted());
  }

  private static Map<String, Object> ratios(Map<Currency, Double> ratios) {
    Map<String, Object> json = new LinkedHashMap<>();
    ratios.forEach((c, r) -> json.put(c.getCurrencyCode(), r));
    return json;
  }

  /**
   * The roll-up as CSV: {@code period, owner, figure, count, currency, value}, one row per figure
   * and currency ({@code owner} empty for the team; a deal count alone has an empty currency);
   * quota, attainment and coverage are figures without a count. An owner of
   * {@link PeriodForecast#ownersWithoutQuota()} has, after their figures, a {@code withoutQuota}
   * row in each currency where their missing quota leaves the team without attainment and
   * coverage, its count and value empty. The open deals without an expected close date close it:
   * {@code noCloseDate} for the team, then per owner ({@code (none)} for the deals without one),
   * with an empty period.
   */
  static CsvTable forecastCsv(ForecastReport report, Set<Currency> currencies) {
    CsvTable table = new CsvTable("period", "owner", "figure", "count", "currency", "value");
    for (PeriodForecast period : report.periods()) {
      String label = period.period().label();
      forecastRows(table, label, "", period.team(), currencies);
      Map<Currency, SortedSet<String>> withoutQuota = period.ownersWithoutQuota();
      period.owners().forEach((owner, figures) -> {
        forecastRows(table, label, owner, figures, currencies);
        withoutQuota.forEach((c, owners) -> {
          if (owners.contains(owner)) {
            table.add(label, owner, "withoutQuota", null, c.getCurrencyCode(), null);
          }
        });
      });
    }
    figureRows(table, "", "", "noCloseDate", report.noCloseDate(), currencies);
    report.noCloseDateByOwner().forEach((owner, figure) -> figureRows(table, "", owner, "noCloseDate", figure,
        currencies));
    return table;
  }

  private static void forecastRows(CsvTable table, String period, String owner, ForecastFigures f,
      Set<Currency> currencies) {
    List<Figure> figures = forecastFigures(f);
    for (int i = 0; i < FORECAST_KEYS.size(); i++) {
      figureRows(table, period, owner, FORECAST_KEYS.get(i), figures.get(i), currencies);
    }
    f.quota().forEach((c, money) -> table.add(period, owner, "quota", null, c.getCurrencyCode(), money.amountInMinorUnit()));
    f.attainment().forEach((c, r) -> table.add(period, owner, "attainment", null, c.getCurrencyCode(), r));
    f.coverage().forEach((c, r) -> table.add(period, owner, "coverage", null, c.getCurrencyCode(), r));
  }

  private static void figureRows(CsvTable table, String period, String owner, String name, Figure figure,
      Set<Currency> currencies) {
    Map<String, Object> amounts = amounts(figure, currencies);
    if (amounts.isEmpty()) {
      table.add(period, owner, name, figure.count(), null, null);
    }
    amounts.forEach((code, value) -> table.add(period, owner, name, figure.count(), code, value));
  }

  /** The review as {@code {asOf, zone, quietDays, total, owners, deals}}. */
  static Map<String, Object> hygiene(HygieneReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("asOf", report.query().asOf().toString());
    json.put("zone", report.query().zone().getId());
    json.put("quietDays", report.query().quietDays());
    json.put("total", counts(report.total()));
    Map<String, Object> owners = new LinkedHashMap<>();
    report.owners().forEach((owner, counts) -> owners.put(owner, counts(counts)));
    json.put("owners", owners);
    List<Object> deals = new ArrayList<>();
    for (FlaggedDeal deal : report.deals()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("deal", deal.dealId());
      d.put("owner", deal.owner().isBlank() ? null : deal.owner());
      d.put("stage", deal.stageName());
      d.put("amount", deal.amount().map(RevenueJson::money).getOrNull());
      d.put("expectedClose", deal.expectedClose().map(Object::toString).getOrNull());
      d.put("lastChangeAt", deal.lastChangeAt().toString());
      d.put("quietDays", deal.quietDays());
      d.put("flags", flags(deal));
      d.put("stuckDaysOver", deal.stuck().map(s -> (Object) (s.ageDays() - s.normDays())).getOrNull());
      deals.add(d);
    }
    json.put("deals", deals);
    return json;
  }

  /** The flagged deals as CSV, worst first: one row per deal, its flags separated by spaces. */
  static CsvTable hygieneCsv(HygieneReport report) {
    CsvTable table = new CsvTable("deal", "owner", "stage", "amount", "currency", "expectedClose", "quietDays", "flags");
    for (FlaggedDeal deal : report.deals()) {
      table.add(deal.dealId(), Grouping.label(deal.owner()), deal.stageName(), deal.amount().map(Money::amountInMinorUnit).getOrNull(),
          deal.amount().map(m -> m.currency().getCurrencyCode()).getOrNull(),
          deal.expectedClose().getOrNull(), deal.quietDays(), String.join(" ", flags(deal)));
    }
    return table;
  }

  private static Map<String, Object> counts(HygieneCounts counts) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("open", counts.openDeals());
    json.put("flagged", counts.flaggedDeals());
    for (HygieneFlag flag : HygieneFlag.values()) {
      json.put(key(flag), counts.count(flag));
    }
    return json;
  }

  private static List<String> flags(FlaggedDeal deal) {
    List<String> flags = new ArrayList<>();
    for (HygieneFlag flag : HygieneFlag.values()) {
      if (deal.has(flag)) {
        flags.add(key(flag));
      }
    }
    return flags;
  }

  /** A flag's JSON name: {@code CLOSE_DATE_PASSED} is {@code closeDatePassed}. */
  static String key(HygieneFlag flag) {
    StringBuilder key = new StringBuilder();
    for (String word : flag.name().toLowerCase(Locale.ROOT).split("_")) {
      key.append(key.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return key.toString();
  }

  /** A figure as {@code {"count": n, "amount": {"USD": …}}}. */
  static Map<String, Object> figure(Figure figure, Set<Currency> currencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", figure.count());
    json.put("amount", amounts(figure, currencies));
    return json;
  }

  private static Map<String, Object> amounts(Figure figure, Set<Currency> currencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Currency c : currencies) {
      json.put(c.getCurrencyCode(), figure.amount(c).amountInMinorUnit());
    }
    figure.amount().forEach((c, money) -> json.putIfAbsent(c.getCurrencyCode(), money.amountInMinorUnit()));
    return json;
  }

  private static Map<String, Object> money(Money money) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(money.currency().getCurrencyCode(), money.amountInMinorUnit());
    return json;
  }
}
