package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.internal.TextTable;

/** Prints a report as aligned text tables, one section per figure, for JShell and logs. */
final class ReportPrinter {

  static final int STUCK_SHOWN = 10;
  private static final String INDENT = "  ";

  private ReportPrinter() {}

  static String print(MetricsReport r) {
    StringBuilder out = new StringBuilder();
    out.append("Pipeline metrics: ").append(r.pipelineName()).append(", ").append(r.query()).append('\n');
    body(r, out);
    if (!r.groups().isEmpty()) {
      out.append("\nGroups (").append(r.query().grouping().map(Grouping::name).getOrElse("")).append(")\n");
      summaryTable(r.groups(), out);
    }
    if (!r.trends().isEmpty()) {
      out.append("\nTrends (per ").append(r.query().trends().get().name().toLowerCase(java.util.Locale.ROOT))
          .append(", ").append(r.query().zone()).append(")\n");
      summaryTable(r.trends(), out);
    }
    return out.toString();
  }

  private static void body(MetricsReport r, StringBuilder out) {
    out.append("Deals ").append(r.deals()).append(": ").append(r.open()).append(" open; ").append(r.won())
        .append(" won and ").append(r.lost()).append(" lost in the window; ").append(r.unpriced())
        .append(" without amount\n");
    out.append('\n');
    TextTable rates = new TextTable("Win rate", "rate", "95% interval", "deals");
    rates.row("by count", r.winRate().map(x -> Format.percent(x.value())).getOrElse(Format.NONE),
        interval(r.winRate()), r.winRate().map(x -> Long.toString(x.trials())).getOrElse("0"));
    r.valueWinRate().forEach((currency, x) -> rates.row("by value " + currency.getCurrencyCode(),
        Format.percent(x.value()), interval(Option.some(x)), Long.toString(x.trials())));
    rates.appendTo(out, "");

    if (!r.dealSize().isEmpty()) {
      out.append('\n');
      TextTable size = new TextTable("Deal size (won)", "count", "total", "mean", "median");
      r.dealSize().forEach((currency, s) -> size.row(currency.getCurrencyCode(), Long.toString(s.count()),
          Format.money(s.total()), Format.quotient(s.mean()), Format.quotient(s.median())));
      size.appendTo(out, "");
    }

    out.append('\n');
    TextTable cycle = new TextTable("Sales cycle (days)", "count", "mean", "median", "p90");
    summaryRow(cycle, "won", r.salesCycleWon());
    summaryRow(cycle, "lost", r.salesCycleLost());
    cycle.appendTo(out, "");
    out.append("Time to close (Kaplan-Meier): median ").append(Format.days(r.kmMedianDaysToClose()))
        .append(" days over ").append(r.timeToClose().subjects()).append(" deals (")
        .append(r.timeToClose().events()).append(" closed, ").append(r.timeToClose().censored())
        .append(" open, censored)\n");

    out.append('\n');
    TextTable funnel = new TextTable("Funnel (created in window)", "reached", "advanced", "lost", "open",
        "conversion", "95% interval", "win rate", "win prob.");
    for (FunnelStage f : r.funnel()) {
      funnel.row(f.stageName(), Long.toString(f.reached()), Long.toString(f.advanced()), Long.toString(f.lost()),
          Long.toString(f.open()), f.conversion().map(x -> Format.percent(x.value())).getOrElse(Format.NONE),
          interval(f.conversion()), f.winRate().map(x -> Format.percent(x.value())).getOrElse(Format.NONE),
          Format.percent(r.transitions().winProbability(f.stageId())));
    }
    funnel.appendTo(out, "");

    out.append('\n');
    TextTable time = new TextTable("Time in stage (days)", "stays", "mean", "median", "p90", "open", "mean age",
        "median age", "p90 age");
    for (StageTime t : r.timeInStage()) {
      time.row(t.stageName(), Long.toString(t.completed().count()), Format.days(t.completed().meanDays()),
          Format.days(t.completed().medianDays()), Format.days(t.completed().p90Days()),
          Long.toString(t.current().count()), Format.days(t.current().meanDays()),
          Format.days(t.current().medianDays()), Format.days(t.current().p90Days()));
    }
    time.appendTo(out, "");

    out.append('\n');
    Bottlenecks b = r.bottlenecks();
    out.append("Bottlenecks: lowest conversion ")
        .append(b.lowestConversion().map(f -> f.stageName() + " (" + Format.rate(f.conversion()) + ")")
            .getOrElse(Format.NONE))
        .append("; longest median stay ")
        .append(b.longestMedianStay().map(t -> t.stageName() + " (" + Format.days(t.completed().medianDays())
            + " days)").getOrElse(Format.NONE))
        .append('\n');
    if (!b.beyondNorm().isEmpty()) {
      TextTable excess = new TextTable("Beyond norm", "norm days", "norm", "open", "beyond", "days beyond");
      for (StageExcess e : b.beyondNorm()) {
        excess.row(e.stageName(), Format.days(e.normDays()), normName(e.norm()), Long.toString(e.openDeals()),
            Long.toString(e.dealsBeyondNorm()), Format.days(e.daysBeyondNorm()));
      }
      excess.appendTo(out, INDENT);
    }

    out.append("Stuck deals: ").append(r.stuck().size()).append('\n');
    if (!r.stuck().isEmpty()) {
      TextTable stuck = new TextTable("Deal", "stage", "owner", "amount", "age days", "norm days", "over days");
      List<StuckDeal> shown = r.stuck().subList(0, Math.min(STUCK_SHOWN, r.stuck().size()));
      for (StuckDeal s : shown) {
        stuck.row(s.dealId(), s.stageName(), Grouping.label(s.owner()), Format.money(s.amount()), Format.days(s.ageDays()),
            Format.days(s.normDays()), Format.days(s.overDays()));
      }
      stuck.appendTo(out, INDENT);
      if (r.stuck().size() > STUCK_SHOWN) {
        out.append(INDENT).append("... and ").append(r.stuck().size() - STUCK_SHOWN).append(" more\n");
      }
    }

    out.append('\n');
    TextTable pipeline = new TextTable("Open pipeline", "unweighted", "weighted", "velocity per day");
    java.util.Set<Currency> currencies = new java.util.TreeSet<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
    currencies.addAll(r.openPipeline().keySet());
    currencies.addAll(r.velocityPerDay().keySet());
    for (Currency c : currencies) {
      pipeline.row(c.getCurrencyCode(), money(r.openPipeline(), c), money(r.weightedPipeline(), c),
          r.velocityPerDay().containsKey(c) ? Format.quotient(r.velocityPerDay().get(c)) : Format.NONE);
    }
    if (pipeline.hasRows()) {
      pipeline.appendTo(out, "");
    } else {
      out.append("Open pipeline: no priced open deals\n");
    }

    for (Forecast f : r.forecast()) {
      out.append('\n').append("Forecast ").append(f.period()).append(": ").append(f.deals())
          .append(" open deals expected to close (").append(f.unpriced()).append(" without amount); ")
          .append(f.trials()).append(" trials, seed ").append(f.seed()).append('\n');
      TextTable forecast = new TextTable("Currency", "deals", "pipeline", "expected", "P10", "P50", "P90");
      f.byCurrency().forEach((c, x) -> forecast.row(c.getCurrencyCode(), Long.toString(x.deals()),
          Format.money(x.pipeline()), Format.money(x.expected()), Format.money(x.p10()), Format.money(x.p50()),
          Format.money(x.p90())));
      if (forecast.hasRows()) {
        forecast.appendTo(out, INDENT);
      }
    }
    if (!r.coverage().isEmpty()) {
      out.append('\n');
      TextTable coverage = new TextTable("Coverage", "quota", "pipeline", "coverage", "weighted", "coverage");
      r.coverage().forEach((c, x) -> coverage.row(c.getCurrencyCode(), Format.money(x.quota()),
          Format.money(x.pipeline()), ratio(x.ratio()), Format.money(x.weighted()), ratio(x.weightedRatio())));
      coverage.appendTo(out, "");
    }
  }

  private static <K> void summaryTable(Map<K, MetricsReport> parts, StringBuilder out) {
    TextTable table = new TextTable("", "deals", "open", "won", "lost", "win rate", "avg deal size",
        "median cycle", "KM median", "weighted pipeline");
    parts.forEach((key, part) -> table.row(key.toString(), Long.toString(part.deals()), Long.toString(part.open()),
        Long.toString(part.won()), Long.toString(part.lost()),
        part.winRate().map(x -> Format.percent(x.value())).getOrElse(Format.NONE),
        joined(part.averageDealSize()), Format.days(part.salesCycleWon().medianDays()),
        Format.days(part.kmMedianDaysToClose()), joined(part.weightedPipeline())));
    table.appendTo(out, INDENT);
  }

  private static String joined(Map<Currency, Money> amounts) {
    if (amounts.isEmpty()) {
      return Format.NONE;
    }
    StringBuilder s = new StringBuilder();
    amounts.values().forEach(m -> s.append(s.length() == 0 ? "" : ", ").append(Format.money(m)));
    return s.toString();
  }

  private static void summaryRow(TextTable table, String label, DurationSummary s) {
    table.row(label, Long.toString(s.count()), Format.days(s.meanDays()), Format.days(s.medianDays()),
        Format.days(s.p90Days()));
  }

  private static String interval(Option<Rate> rate) {
    return rate.map(x -> "[" + Format.percent(x.lower()) + ", " + Format.percent(x.upper()) + "]")
        .getOrElse(Format.NONE);
  }

  private static String money(Map<Currency, Money> amounts, Currency currency) {
    Money m = amounts.get(currency);
    return m == null ? Format.NONE : Format.money(m);
  }

  private static String ratio(Option<Double> ratio) {
    return ratio.map(x -> String.format(java.util.Locale.ROOT, "%.2fx", x)).getOrElse(Format.NONE);
  }

  private static String normName(StuckDeal.Norm norm) {
    return norm == StuckDeal.Norm.ROTTING_THRESHOLD ? "rotting threshold" : "p90 of stays";
  }
}
