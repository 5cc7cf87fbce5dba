package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.DataWarnings;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.report.HtmlReport;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.HygieneQuery;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MovementQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.RankedDeal;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code report --out FILE}: the HTML report of a stage-history file (funnel, stage durations, win
 * rate trend by month in UTC, stuck deals, the deals to work first), taken with the same window,
 * grouping and scorer options as {@code metrics} and {@code prioritize}.
 */
@Command(name = "report", sortOptions = false, sortSynopsis = false,
    header = "write the HTML report: funnel, stage durations, win rate trend, stuck deals, deals to work first,"
        + " pipeline movement, forecast, hygiene",
    description = {
        "Reads a stage-history CSV file and writes one self-contained HTML file (inline SVG, no scripts, "
            + "nothing fetched from the network) with the figures of metrics, monthly trends in UTC, and the "
            + "--top deals to work first by --scorer, under a banner of what the data cannot support (the "
            + "warnings metrics and prioritize print on standard error). --as-of, --from, --to and --group-by "
            + "mean what they mean for metrics; --scorer, --features and --team what they mean for prioritize. It "
            + "also shows the pipeline movement (a waterfall) over the window, or over the 28 days up to --as-of "
            + "without one; the forecast roll-up per quarter in UTC, with attainment and coverage against --quotas "
            + "(quarters, as for forecast --quotas); and the hygiene flags of the open deals (14 "
            + "quiet days), as the movement, forecast and hygiene commands give them. Prints the path written."})
final class ReportCommand implements Callable<Integer> {

  /** The days of movement the report shows when no window is given. */
  static final int MOVEMENT_DAYS = 28;

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE", order = 10,
      description = "where to write the HTML report; its folder is created if missing")
  private Path file = Path.of("");

  @Mixin
  private QueryOptions when = new QueryOptions();

  @Mixin
  private ScorerOptions scoring = new ScorerOptions();

  @Mixin
  private QuotaOptions quotas = new QuotaOptions();

  @Option(names = "--top", paramLabel = "N", defaultValue = "" + Analyst.DEFAULT_TOP,
      converter = PrioritizeCommand.Top.class, order = 40, description = "how many deals to list (default: ${DEFAULT-VALUE})")
  private int top = Analyst.DEFAULT_TOP;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    PrintStream err = main.err();
    when.check();
    scoring.check();
    HistoryInput input = HistoryInput.from(loading, main.err());
    HeldWarnings warnings = main.heldWarnings();
    Export export = input.export(warnings);
    MetricsQuery query = when.query(export).withTrends(CalendarUnit.MONTH, ZoneOffset.UTC);
    Scorer scorer = scoring.scorer(export);
    ForecastQuery forecast = quotas.addTo(ForecastQuery.of(query.asOf(), CalendarUnit.QUARTER, ZoneOffset.UTC),
        "the report's forecast is per", export, input);
    warnings.release();
    MetricsReport metrics = Analyst.metrics(export, query);
    ScoringContext context = ScoringContext.of(export.pipeline(), query.asOf()).withHistory(export.deals());
    Ranking ranking = Prioritiser.of(scorer).top(top, export.deals(), context);
    List<String> dataWarnings = new ArrayList<>(DataWarnings.of(export.deals(), query.asOf()));
    DataWarnings.sameScore(ranking.deals().stream().map(RankedDeal::probability).toList(), ranking.considered(),
        scorer.id()).forEach(dataWarnings::add);
    dataWarnings.forEach(w -> err.println("warning: " + w));
    Path written;
    try {
      written = HtmlReport.of("Pipeline report: " + export.source(), metrics, ranking).withWarnings(input.warnings(dataWarnings))
          .withMovement(Analyst.movement(export, movementQuery(query)))
          .withForecast(Analyst.forecast(export, forecast))
          .withHygiene(Analyst.hygiene(export, HygieneQuery.asOf(query.asOf())))
          .writeTo(file);
    } catch (IOException e) {
      String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
          : e instanceof FileSystemException ? e.getClass().getSimpleName() + " " + e.getMessage() : e.getMessage();
      throw new UsageException("cannot write " + file + ": " + reason, e);
    }
    out.println(written);
    return 0;
  }

  /**
   * The movement the report shows: over the window when --from or --to gives one, otherwise over
   * the {@value #MOVEMENT_DAYS} days up to --as-of (to just after it, as the window's default end);
   * grouped as the metrics are.
   */
  static MovementQuery movementQuery(MetricsQuery query) {
    MovementQuery movement = query.window().map(w -> MovementQuery.over(w.from(), w.to()))
        .getOrElse(() -> MovementQuery.over(query.asOf().minus(Duration.ofDays(MOVEMENT_DAYS)),
            query.asOf().plusMillis(1)));
    return query.grouping().map(movement::withGrouping).getOrElse(movement);
  }
}
