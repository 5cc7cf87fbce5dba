package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.salespipeline.core.Deal;
import java.util.Map;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.DataWarnings;
import org.salespipeline.analyst.Export;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;

/**
 * {@code metrics}: every figure of SPEC §4 over a stage-history file, as aligned tables (the
 * report's {@code toString()}) or as the JSON object of SPEC §6 ({@link MetricsJson}). The
 * decisions it shares with the JShell kit (as-of default, weighted pipeline by historical win
 * rates) are {@link Analyst}'s.
 */
final class MetricsCommand implements Command {

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public String summary() {
    return "win rate, deal size, sales cycle, funnel, time in stage, weighted pipeline, velocity";
  }

  @Override
  public String description() {
    return """
        Reads a stage-history CSV file and prints every pipeline metric: deals open, won and lost, win
        rate and value win rate (95% Wilson intervals), average deal size, sales cycle of won and lost
        deals (count, mean, median, p90 in days), Kaplan-Meier median time to close, the funnel of the
        deals created in the window, time in stage, bottlenecks, stuck deals, weighted pipeline and
        velocity; with --group-by, the same per value of a column.

        Time: --as-of is the instant the figures are taken at, as if the file had been exported then
        (default: the latest entered_at of the loaded rows). --from/--to select the window [from, to):
        deals closed in it for win rate, deal size and cycle, deals created in it for the funnel.
        Without --from the window starts at the first deal's creation; without --to it ends just after
        --as-of (one millisecond after it, the metrics' resolution). A date means the start of that day
        in UTC.

        Weighted pipeline: stages named on the command line carry no probability, so each open deal is
        weighed by the historical win rate from its stage: among the file's deals closed by --as-of that
        reached the stage, the share won (the 'historical' scorer of prioritize). If no deal had closed,
        the weighted pipeline is undefined (null in JSON; 0 in the table, the stages' probability).

        Money: amounts whose row has no currency are in --currency; every money figure is given per
        currency and never added across currencies. JSON: deals, open, won, lost, rejectedRows, winRate,
        valueWinRate, averageDealSize, salesCycleDays, kmMedianDaysToClose, funnel, timeInStageDays,
        weightedPipeline, velocityPerDay (and groups); a rate is {"value","lower","upper"}; money figures
        and valueWinRate are objects keyed by currency code; an undefined figure is null.""";
  }

  @Override
  public List<OptionSpec> options() {
    List<OptionSpec> options = new ArrayList<>(HistoryInput.OPTIONS);
    options.add(OptionSpec.optional("as-of", "DATE", "the instant the figures are taken at (ISO-8601 date or date-time)",
        "the latest entered_at"));
    options.add(OptionSpec.optional("from", "DATE", "the first instant of the window", ""));
    options.add(OptionSpec.optional("to", "DATE", "the first instant after the window", ""));
    options.add(OptionSpec.optional("group-by", "COLUMN", "also report per value of owner, currency or an attribute column",
        ""));
    options.add(Formats.OPTION);
    return options;
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException {
    boolean json = Formats.json(args);
    Option<Instant> asOf = args.instant("as-of");
    Option<Instant> from = args.instant("from");
    Option<Instant> to = args.instant("to");
    if (from.isDefined() && to.isDefined() && !to.get().isAfter(from.get())) {
      throw new UsageException("bad --from and --to: --to " + to.get() + " must be after --from " + from.get());
    }
    HistoryInput input = HistoryInput.from(args);
    HeldWarnings warnings = new HeldWarnings();
    Export export = Export.of(input.file().toString(), input.load(warnings.stream()), input.defaultCurrency());

    Instant at = asOf.orElse(export.latestEntry()).getOrElse(Instant.EPOCH);
    MetricsQuery query = MetricsQuery.asOf(at);
    if (from.isDefined() || to.isDefined()) {
      Instant start = from.getOrElse(() -> export.deals().stream().map(Deal::createdAt).min(Comparator.naturalOrder())
          .orElse(Instant.EPOCH));
      Instant end = to.getOrElse(() -> at.plusNanos(1));
      if (!end.isAfter(start)) {
        throw new UsageException("bad --" + (from.isDefined() ? "from" : "to") + ": the window [" + start + ", " + end
            + ") is empty; give a --from before --to (or before --as-of)");
      }
      query = query.withWindow(start, end);
    }
    Option<String> groupBy = args.value("group-by");
    if (groupBy.isDefined()) {
      Either<String, Grouping> grouping = export.grouping(groupBy.get());
      if (grouping.isLeft()) {
        throw new UsageException("bad --group-by: " + grouping.getLeft());
      }
      query = query.withGrouping(grouping.get());
    }
    warnings.release(err);
    boolean weighted = Analyst.historicalWinRates(export, query.asOf()).isDefined();
    if (!weighted && export.deals().stream().anyMatch(Deal::isOpen)) {
      err.println("note: no deal had closed by " + query.asOf() + ", so there are no historical win rates to weigh"
          + " the open deals by: the weighted pipeline is undefined");
    }
    List<String> dataWarnings = DataWarnings.of(export.deals(), query.asOf());
    dataWarnings.forEach(w -> err.println("warning: " + w));
    MetricsReport report = Analyst.metrics(export, query);
    if (json) {
      out.println(Json.write(MetricsJson.of(report, export.currencies(), export.summary().rejectedRows(), weighted,
          dataWarnings, Rejections.json(export.summary(), export.rejections()))));
    } else {
      out.print(report);
    }
    return 0;
  }
}
