package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.DataWarnings;
import org.salespipeline.analyst.ExportProfile;
import org.salespipeline.metrics.MetricsAccumulator;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;
import org.salespipeline.scoring.HistoricalWinRateScorer;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScorerTrainer;
import org.salespipeline.scoring.ScoringContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code metrics}: every figure of SPEC §4 over a stage-history file, as aligned tables (the
 * report's {@code toString()}) or as the JSON object of SPEC §6 ({@link MetricsJson}). The
 * decisions it shares with the JShell kit (as-of default, weighted pipeline by historical win
 * rates) are {@link Analyst}'s.
 *
 * <p>It goes over the deals twice ({@link ExportPasses}): first to learn the historical win rates
 * and count the data warnings, then into the metrics' accumulator. With {@code --grouped} each pass
 * reads the file again (a third reading, first, learns the as-of default, the window's start and
 * the columns), so no deal is held: only the figures' partial result (a few numbers per deal: the
 * medians are exact) and the profile.
 */
@Command(name = "metrics", sortOptions = false, sortSynopsis = false,
    header = "win rate, deal size, sales cycle, funnel, time in stage, weighted pipeline, velocity",
    description = {
        "Reads a stage-history CSV file and prints every pipeline metric: deals open, won and lost, win "
            + "rate and value win rate (95%% Wilson intervals), average deal size, sales cycle of won and lost "
            + "deals (count, mean, median, p90 in days), Kaplan-Meier median time to close, the funnel of the "
            + "deals created in the window, time in stage, bottlenecks, stuck deals, weighted pipeline and "
            + "velocity; with --group-by, the same per value of a column.",
        "",
        "Time: --as-of is the instant the figures are taken at, as if the file had been exported then "
            + "(default: the latest entered_at of the loaded rows). --from/--to select the window [from, to): "
            + "deals closed in it for win rate, deal size and cycle, deals created in it for the funnel. "
            + "Without --from the window starts at the first deal's creation; without --to it ends just after "
            + "--as-of (one millisecond after it, the metrics' resolution). A date means the start of that day "
            + "in UTC.",
        "",
        "Weighted pipeline: stages named on the command line carry no probability, so each open deal is "
            + "weighed by the historical win rate from its stage: among the file's deals closed by --as-of "
            + "that reached the stage, the share won (the 'historical' scorer of prioritize). If no deal had "
            + "closed, the weighted pipeline is undefined (null in JSON; 0 in the table, the stages' "
            + "probability).",
        "",
        "Money: amounts whose row has no currency are in --currency; every money figure is given per "
            + "currency and never added across currencies. JSON: deals, open, won, lost, rejectedRows, "
            + "warnings (what an import assumed and what the data cannot support), rowsRead, dealsRead, rejectedDeals, rejections (line, "
            + "dealId, reason of each row left out), winRate, valueWinRate, averageDealSize, salesCycleDays, "
            + "kmMedianDaysToClose, funnel, timeInStageDays, weightedPipeline, velocityPerDay (and groups); a rate is "
            + "{\"value\",\"lower\",\"upper\"}; money figures and valueWinRate are objects keyed by currency "
            + "code; an undefined figure is null."})
final class MetricsCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Mixin
  private GroupedOption grouping = new GroupedOption();

  @Mixin
  private QueryOptions when = new QueryOptions();

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", converter = Format.Converter.class,
      order = 30, description = "how to print the result: aligned tables, one JSON object, or the figures as CSV rows"
          + " (group, figure, detail, value) (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    PrintStream err = main.err();
    when.check();
    HistoryInput input = HistoryInput.from(loading, grouping.grouped, main.err());
    HeldWarnings warnings = main.heldWarnings();
    ExportPasses passes = ExportPasses.of(input, grouping.grouped, warnings, format != Format.TABLE);
    ExportProfile export = passes.profile();
    MetricsQuery query = when.query(export);
    warnings.release();
    // what needs every deal first, in one pass: the historical win rates the open deals are weighed by
    // (Analyst.metrics's), and the counts of the data warnings
    ScoringContext context = ScoringContext.of(export.pipeline(), query.asOf());
    ScorerTrainer trainer = HistoricalWinRateScorer.of().trainer(context);
    DataWarnings.Tally tally = DataWarnings.tally(query.asOf());
    passes.forEach(deal -> {
      trainer.add(deal);
      tally.add(deal);
    });
    boolean weighted = tally.closed() > 0;
    if (!weighted && tally.openNow() > 0) {
      err.println("note: no deal had closed by " + query.asOf() + ", so there are no historical win rates to weigh"
          + " the open deals by: the weighted pipeline is undefined");
    }
    List<String> dataWarnings = tally.warnings();
    dataWarnings.forEach(w -> err.println("warning: " + w));
    Scorer rates = trainer.trained();
    MetricsAccumulator figures = PipelineMetrics.of(export.pipeline())
        .accumulator(weighted ? query.withProbability(deal -> rates.probability(deal, context)) : query);
    passes.forEach(figures::add);
    MetricsReport report = figures.report();
    switch (format) {
      case TABLE -> out.print(report);
      case JSON -> out.println(Json.write(document(report, export, weighted, input.warnings(dataWarnings))));
      case CSV -> CsvTable.figures(document(report, export, weighted, input.warnings(dataWarnings))).writeTo(out);
    }
    return 0;
  }

  /** The JSON object of the figures, with the warnings and what the reading left out; CSV flattens the same. */
  private static Map<String, Object> document(MetricsReport report, ExportProfile export, boolean weighted,
      List<String> warnings) {
    return MetricsJson.of(report, export.currencies(), export.summary().rejectedRows(), weighted, warnings,
        Rejections.json(export.summary(), export.rejections()));
  }
}
