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
    rates.row("by count", r.winRate().map(x -> FigureFormat.PLAIN.percent(x.value())).getOrElse(FigureFormat.PLAIN.none()),
        interval(r.winRate()), r.winRate().map(x -> Long.toString(x.trials())).getOrElse("0"));
    r.valueWinRate().forEach((currency, x) -> rates.row("by value " + currency.getCurrencyCode(),
        FigureFormat.PLAIN.percent(x.value()), interval(Option.some(x)), Long.toString(x.trials())));
    rates.appendTo(out, "");

    if (!r.dealSize().isEmpty()) {
      out.append('\n');
      TextTable size = new TextTable("Deal size (won)", "count", "total", "mean", "median");
      r.dealSize().forEach((currency, s) -> size.row(currency.getCurrencyCode(), Long.toString(s.count()),
          FigureFormat.PLAIN.money(s.total()), FigureFormat.PLAIN.quotient(s.mean()), FigureFormat.PLAIN.quotient(s.median())));
      size.appendTo(out, "");
    }

    out.append('\n');
    TextTable cycle = new TextTable("Sales cycle (days)", "count", "mean", "median", "p90");
    summaryRow(cycle, "won", r.salesCycleWon());
    summaryRow(cycle, "lost", r.salesCycleLost());
    cycle.appendTo(out, "");
    out.append("Time to close (Kaplan-Meier): median ").append(FigureFormat.PLAIN.days(r.kmMedianDaysToClose()))
        .append(" days over ").append(r.timeToClose().subjects()).append(" deals (")
        .append(r.timeToClose().events()).append(" closed, ").append(r.timeToClose().censored())
        .append(" open, censored)\n");

    out.append('\n');
    TextTable funnel = new TextTable("Funnel (created in window)", "reached", "advanced", "lost", "open",
        "conversion", "95% interval", "win rate", "win prob.");
    for (FunnelStage f : r.funnel()) {
      funnel.row(f.stageName(), Long.toString(f.reached()), Long.toString(f.advanced()), Long.toString(f.lost()),
          Long.toString(f.open()), f.conversion().map(x -> FigureFormat.PLAIN.percent(x.value())).getOrElse(FigureFormat.PLAIN.none()),
          interval(f.conversion()), f.winRate().map(x -> FigureFormat.PLAIN.percent(x.value())).getOrElse(FigureFormat.PLAIN.none()),
          FigureFormat.PLAIN.percent(r.transitions().winProbability(f.stageId())));
    }
    funnel.appendTo(out, "");

    out.append('\n');
    TextTable time = new TextTable("Time in stage (days)", "stays", "mean", "median", "p90", "open", "mean age",
        "median age", "p90 age");
    for (StageTime t : r.timeInStage()) {
      time.row(t.stageName(), Long.toString(t.completed().count()), FigureFormat.PLAIN.days(t.completed().meanDays()),
          FigureFormat.PLAIN.days(t.completed().medianDays()), FigureFormat.PLAIN.days(t.completed().p90Days()),
          Long.toString(t.current().count()), FigureFormat.PLAIN.days(t.current().meanDays()),
          FigureFormat.PLAIN.days(t.current().medianDays()), FigureFormat.PLAIN.days(t.current().p90Days()));
    }
    time.appendTo(out, "");

    out.append('\n');
    Bottlenecks b = r.bottlenecks();
    out.append("Bottlenecks: lowest conversion ")
        .append(b.lowestConversion().map(f -> f.stageName() + " (" + f.conversion().map(Rate::toString).getOrElse(FigureFormat.PLAIN.none()) + ")")
            .getOrElse(FigureFormat.PLAIN.none()))
        .append("; longest median stay ")
        .append(b.longestMedianStay().map(t -> t.stageName() + " (" + FigureFormat.PLAIN.days(t.completed().medianDays())
            + " days)").getOrElse(FigureFormat.PLAIN.none()))
        .append('\n');
    if (!b.beyondNorm().isEmpty()) {
      TextTable excess = new TextTable("Beyond norm", "norm days", "norm", "open", "beyond", "days beyond");
      for (StageExcess e : b.beyondNorm()) {
        excess.row(e.stageName(), FigureFormat.PLAIN.days(e.normDays()), normName(e.norm()), Long.toString(e.openDeals()),
            Long.toString(e.dealsBeyondNorm()), FigureFormat.PLAIN.days(e.daysBeyondNorm()));
      }
      excess.appendTo(out, INDENT);
    }

    out.append("Stuck deals: ").append(r.stuck().size()).append('\n');
    if (!r.stuck().isEmpty()) {
      TextTable stuck = new TextTable("Deal", "stage", "owner", "amount", "age days", "norm days", "over days");
      List<StuckDeal> shown = r.stuck().subList(0, Math.min(STUCK_SHOWN, r.stuck().size()));
      for (StuckDeal s : shown) {
        stuck.row(s.dealId(), s.stageName(), Grouping.label(s.owner()), FigureFormat.PLAIN.money(s.amount()), FigureFormat.PLAIN.days(s.ageDays()),
            FigureFormat.PLAIN.days(s.normDays()), FigureFormat.PLAIN.days(s.overDays()));
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
          r.velocityPerDay().containsKey(c) ? FigureFormat.PLAIN.quotient(r.velocityPerDay().get(c)) : FigureFormat.PLAIN.none());
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
          FigureFormat.PLAIN.money(x.pipeline()), FigureFormat.PLAIN.money(x.expected()), FigureFormat.PLAIN.money(x.p10()), FigureFormat.PLAIN.money(x.p50()),
          FigureFormat.PLAIN.money(x.p90())));
      if (forecast.hasRows()) {
        forecast.appendTo(out, INDENT);
      }
    }
    if (!r.coverage().isEmpty()) {
      out.append('\n');
      TextTable coverage = new TextTable("Coverage", "quota", "pipeline", "coverage", "weighted", "coverage");
      r.coverage().forEach((c, x) -> coverage.row(c.getCurrencyCode(), FigureFormat.PLAIN.money(x.quota()),
          FigureFormat.PLAIN.money(x.pipeline()), ratio(x.ratio()), FigureFormat.PLAIN.money(x.weighted()), ratio(x.weightedRatio())));
      coverage.appendTo(out, "");
    }
  }

  private static <K> void summaryTable(Map<K, MetricsReport> parts, StringBuilder out) {
    TextTable table = new TextTable("", "deals", "open", "won", "lost", "win rate", "avg deal size",
        "median cycle", "KM median", "weighted pipeline");
    parts.forEach((key, part) -> table.row(key.toString(), Long.toString(part.deals()), Long.toString(part.open()),
        Long.toString(part.won()), Long.toString(part.lost()),
        part.winRate().map(x -> FigureFormat.PLAIN.percent(x.value())).getOrElse(FigureFormat.PLAIN.none()),
        joined(part.averageDealSize()), FigureFormat.PLAIN.days(part.salesCycleWon().medianDays()),
        FigureFormat.PLAIN.days(part.kmMedianDaysToClose()), joined(part.weightedPipeline())));
    table.appendTo(out, INDENT);
  }

  private static String joined(Map<Currency, Money> amounts) {
    if (amounts.isEmpty()) {
      return FigureFormat.PLAIN.none();
    }
    StringBuilder s = new StringBuilder();
    amounts.values().forEach(m -> s.append(s.length() == 0 ? "" : ", ").append(FigureFormat.PLAIN.money(m)));
    return s.toString();
  }

  private static void summaryRow(TextTable table, String label, DurationSummary s) {
    table.row(label, Long.toString(s.count()), FigureFormat.PLAIN.days(s.meanDays()), FigureFormat.PLAIN.days(s.medianDays()),
        FigureFormat.PLAIN.days(s.p90Days()));
  }

  private static String interval(Option<Rate> rate) {
    return rate.map(x -> "[" + FigureFormat.PLAIN.percent(x.lower()) + ", " + FigureFormat.PLAIN.percent(x.upper()) + "]")
        .getOrElse(FigureFormat.PLAIN.none());
  }

  private static String money(Map<Currency, Money> amounts, Currency currency) {
    Money m = amounts.get(currency);
    return m == null ? FigureFormat.PLAIN.none() : FigureFormat.PLAIN.money(m);
  }

  private static String ratio(Option<Double> ratio) {
    return ratio.map(x -> String.format(java.util.Locale.ROOT, "%.2fx", x)).getOrElse(FigureFormat.PLAIN.none());
  }

  private static String normName(StuckDeal.Norm norm) {
    return norm == StuckDeal.Norm.ROTTING_THRESHOLD ? "rotting threshold" : "p90 of stays";
  }
}
