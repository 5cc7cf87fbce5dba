package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.metrics.HygieneQuery;
import org.salespipeline.metrics.HygieneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hygiene}: the open deals a manager should look at, with their flags (SPEC §4.1). */
@Command(name = "hygiene", sortOptions = false, sortSynopsis = false,
    header = "open deals to look after: close date passed, quiet, no amount, no owner, stuck",
    description = {
        "Flags every deal open at --as-of: closeDatePassed (expected close date before --as-of's date in --zone), "
            + "noCloseDate, noRecentActivity (no event of any kind for --quiet-days days), noAmount, noOwner, "
            + "stuck (longer in its stage than the stage's rotting threshold, or the p90 of completed stays, as "
            + "metrics' stuck deals). Prints the counts per flag, for all and per owner, and the flagged deals "
            + "worst first (more flags, then the longest quiet, then deal id); the table lists the first 20, "
            + "JSON and CSV all of them.",
        "",
        "Time: --as-of is the instant the deals are taken at (default: the latest entered_at)."})
final class HygieneCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Option(names = "--as-of", paramLabel = "DATE", converter = Instants.class, order = 20,
      description = "the instant the deals are reviewed at, ISO-8601 date or date-time (default: the latest entered_at)")
  private Instant asOf;

  @Option(names = "--quiet-days", paramLabel = "N", defaultValue = "14", order = 21,
      description = "days without any event after which a deal has no recent activity (default: ${DEFAULT-VALUE})")
  private int quietDays = HygieneQuery.DEFAULT_QUIET_DAYS;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", order = 22,
      description = "the time zone of --as-of's date, against which close dates are passed (default: ${DEFAULT-VALUE})")
  private String zone = "UTC";

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", converter = Format.Converter.class,
      order = 30, description = "the tables, one JSON object, or the flagged deals as CSV rows (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    if (quietDays < 1) {
      throw new UsageException("bad --quiet-days: " + quietDays + " must be at least 1");
    }
    ZoneId zoneId = RevenueOptions.zone(zone);
    HistoryInput input = HistoryInput.from(loading, main.err());
    HeldWarnings warnings = main.heldWarnings();
    Export export = input.export(warnings);
    Instant at = asOf != null ? asOf : export.defaultAsOf();
    HygieneQuery query;
    try {
      query = HygieneQuery.asOf(at).withZone(zoneId).withQuietDays(quietDays);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --as-of: " + e.getMessage(), e);
    }
    warnings.release();
    HygieneReport report = Analyst.hygiene(export, query);
    switch (format) {
      case TABLE -> out.print(report);
      case JSON -> out.println(Json.write(RevenueJson.hygiene(report)));
      case CSV -> RevenueJson.hygieneCsv(report).writeTo(out);
    }
    return 0;
  }
}
