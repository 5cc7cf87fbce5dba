package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.metrics.MovementQuery;
import org.salespipeline.metrics.MovementReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code movement}: how the pipeline moved over {@code [--from, --to)} (SPEC §4.1), as the
 * report's waterfall table, as JSON ({@code start} … {@code end}, each
 * {@code {"count": n, "amount": {"USD": …}}}) or as CSV.
 */
@Command(name = "movement", sortOptions = false, sortSynopsis = false,
    header = "how the pipeline moved over [from, to): the waterfall from start to end",
    description = {
        "Replays every deal's events up to --to and shows how the open pipeline moved over [--from, --to): "
            + "start (just before --from), created, reopened, won, lost (each event counts, amounts as of it), "
            + "increased / decreased (amount changes while in the pipeline; a change of currency is a decrease "
            + "in one and an increase in the other) and end (just before --to). start + created + movedIn + "
            + "reopened - won - lost - movedOut = end, exactly, for counts, and for amounts with + increased - "
            + "decreased.",
        "",
        "With --period (a month 2026-07 or a quarter 2026-Q3) the pipeline is the open deals expected to close "
            + "in that period: movedIn / movedOut count deals whose expected close date moved into / out of it, "
            + "pulledIn the part of movedIn that came from a later period, pushedOut the part of movedOut that "
            + "went to a later one. Without --period these four are zero.",
        "",
        "Time: a date for --from or --to is the start of that day in --zone (default UTC); a date-time without "
            + "offset is UTC. Money: exact sums rounded half-even once to the currency's minor unit."})
final class MovementCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Option(names = "--from", required = true, paramLabel = "DATE", order = 20,
      description = "the first instant of the interval, ISO-8601 date or date-time")
  private String from = "";

  @Option(names = "--to", required = true, paramLabel = "DATE", order = 21,
      description = "the first instant after the interval, after --from")
  private String to = "";

  @Option(names = "--period", paramLabel = "2026-Q3|2026-07", order = 22,
      description = "follow the pipeline of the deals expected to close in this month or quarter")
  private String period;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", order = 23,
      description = "the time zone of dates given to --from and --to (default: ${DEFAULT-VALUE})")
  private String zone = "UTC";

  @Option(names = "--group-by", paramLabel = "COLUMN", order = 24,
      description = "also show the movement per value of owner, currency or an attribute column")
  private String groupBy;

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", converter = Format.Converter.class,
      order = 30, description = "the waterfall table, one JSON object, or CSV rows (group, figure, count, one column"
          + " per currency) (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    ZoneId zoneId = RevenueOptions.zone(zone);
    Instant start = RevenueOptions.instant("--from", from, zoneId);
    Instant end = RevenueOptions.instant("--to", to, zoneId);
    if (!end.isAfter(start)) {
      throw new UsageException("bad --from and --to: --to " + end + " must be after --from " + start);
    }
    MovementQuery query;
    try {
      query = MovementQuery.over(start, end);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --from or --to: " + e.getMessage(), e);
    }
    if (period != null) {
      query = query.withTargetPeriod(RevenueOptions.period("--period", period));
    }
    HistoryInput input = HistoryInput.from(loading, main.err());
    HeldWarnings warnings = main.heldWarnings();
    Export export = input.export(warnings);
    if (groupBy != null) {
      query = query.withGrouping(RevenueOptions.grouping(export, groupBy));
    }
    warnings.release();
    MovementReport report = Analyst.movement(export, query);
    switch (format) {
      case TABLE -> out.print(report);
      case JSON -> out.println(Json.write(RevenueJson.movement(report, export.currencies())));
      case CSV -> RevenueJson.movementCsv(report, export.currencies()).writeTo(out);
    }
    return 0;
  }
}
