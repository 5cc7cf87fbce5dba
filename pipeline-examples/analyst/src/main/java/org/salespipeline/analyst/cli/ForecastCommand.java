package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.ForecastReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code forecast}: the forecast roll-up per month or quarter (SPEC §4.1), against quotas read
 * from a {@link QuotaFile} when given.
 */
@Command(name = "forecast", sortOptions = false, sortSynopsis = false,
    header = "forecast roll-up per month or quarter: closed won, commit, best case, vs quota",
    description = {
        "Rolls the deals up per calendar month or quarter in --zone, open deals by their expected close date and "
            + "closed deals by their close date: closedWon (won in the period), commit (closedWon + open deals in a "
            + "commit stage, or set to Commit by the history's forecast_category column), bestCase (commit + open best-case deals), pipeline (open deals in pipeline, best "
            + "case and commit), omitted (open omitted deals and deals lost in the period); each a count and an "
            + "amount per currency. Open deals without an expected close date are counted apart.",
        "",
        "Quotas (--quotas FILE): a CSV with the header period,owner,amount,currency, one quota a row, such as "
            + "2026-Q3,ana,120000,USD (an empty currency is --currency; no quoted cells). Each period must be of "
            + "--period's unit, each owner must own a deal in the history. With quotas: attainment = closed won / "
            + "quota and coverage = pipeline / (quota - closed won), per owner and for the team (the owners' "
            + "quotas added). The team's ratios in a currency need a quota for every owner who won or has pipeline "
            + "in it in the period; when some have none, the output names them (a line below the table, "
            + "ownersWithoutQuota in JSON, a withoutQuota row per owner and currency in CSV).",
        "",
        "Time: --as-of is the instant the deals are taken at (default: the latest entered_at). Money: exact sums "
            + "rounded half-even once to the currency's minor unit."})
final class ForecastCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Option(names = "--period", required = true, paramLabel = "month|quarter", converter = Units.class, order = 20,
      description = "roll up per calendar month or quarter")
  private CalendarUnit unit = CalendarUnit.QUARTER;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", order = 21,
      description = "the time zone of the periods (default: ${DEFAULT-VALUE})")
  private String zone = "UTC";

  @Mixin
  private QuotaOptions quotas = new QuotaOptions();

  @Option(names = "--as-of", paramLabel = "DATE", converter = Instants.class, order = 23,
      description = "the instant the figures are taken at, ISO-8601 date or date-time (default: the latest entered_at)")
  private Instant asOf;

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", converter = Format.Converter.class,
      order = 30, description = "the roll-up table, one JSON object, or CSV rows (period, owner, figure, count,"
          + " currency, value) (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    ZoneId zoneId = RevenueOptions.zone(zone);
    HistoryInput input = HistoryInput.from(loading, main.err());
    HeldWarnings warnings = main.heldWarnings();
    Export export = input.export(warnings);
    Instant at = asOf != null ? asOf : export.defaultAsOf();
    ForecastQuery query;
    try {
      query = ForecastQuery.of(at, unit, zoneId);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad --as-of: " + e.getMessage(), e);
    }
    query = quotas.addTo(query, "--period is", export, input);
    warnings.release();
    ForecastReport report = Analyst.forecast(export, query);
    switch (format) {
      case TABLE -> out.print(report);
      case JSON -> out.println(Json.write(RevenueJson.forecast(report, export.currencies())));
      case CSV -> RevenueJson.forecastCsv(report, export.currencies()).writeTo(out);
    }
    return 0;
  }

  /** Reads {@code month} or {@code quarter}. */
  static final class Units implements ITypeConverter<CalendarUnit> {

    @Override
    public CalendarUnit convert(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "month" -> CalendarUnit.MONTH;
        case "quarter" -> CalendarUnit.QUARTER;
        default -> throw new TypeConversionException("expected month or quarter but was '" + text + "'");
      };
    }
  }
}
