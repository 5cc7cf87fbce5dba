package org.salespipeline.analyst;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.ReadOptions;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.importers.ImportRequest;
import org.salespipeline.history.importers.ImportShape;
import org.salespipeline.history.importers.ImportedHistory;
import org.salespipeline.analyst.report.HtmlReport;
import org.salespipeline.history.Timestamps;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.ForecastReport;
import org.salespipeline.metrics.ForecastRollup;
import org.salespipeline.metrics.HygieneQuery;
import org.salespipeline.metrics.HygieneReport;
import org.salespipeline.metrics.MovementQuery;
import org.salespipeline.metrics.MovementReport;
import org.salespipeline.metrics.PipelineHygiene;
import org.salespipeline.metrics.PipelineMovement;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;
import org.salespipeline.scoring.HistoricalWinRateScorer;
import org.salespipeline.scoring.NaiveBayesScorer;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.RankedDeal;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScorerRegistry;
import org.salespipeline.scoring.ScoringContext;

/**
 * The analyst's toolkit in a few static methods, for JShell ({@code analyst.jsh} imports them) and
 * for the {@code metrics} and {@code prioritize} commands, which share its decisions:
 *
 * <pre>{@code
 * var deals = load("export.csv", "Prospecting,Qualification,Proposal");
 * metrics(deals)                       // every figure, as of the latest stage entry in the file
 * metrics(deals, "owner")              // and per owner (or any attribute column)
 * prioritize(deals)                    // the open deals to work first, by expected value
 * prioritize(deals, "naive-bayes")     // with another scorer
 * }</pre>
 *
 * <p>Decisions an analyst should know:
 * <ul>
 *   <li>The as-of instant is the {@linkplain Export#latestEntry() latest stage entry} of the
 *       file unless given: figures are as if the file had been exported then.
 *   <li>Stages built from names carry no probability (an export does not say), so the weighted
 *       pipeline weighs each open deal by the <em>historical win rate from its stage</em>: among
 *       the file's deals closed by the as-of instant that reached that stage, the share won (the
 *       {@code historical} scorer). With no closed deal to learn from, the stages' probability
 *       (0) is used.
 *   <li>Amounts whose row names no currency are in the loader's default currency (USD unless
 *       given); money figures are per currency, never added across currencies.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Analyst {

  /** How many deals {@link #prioritize(Export)} lists unless told otherwise. */
  public static final int DEFAULT_TOP = 20;

  /** The scorer {@link #prioritize(Export)} uses unless told otherwise. */
  public static final String DEFAULT_SCORER = HistoricalWinRateScorer.ID;

  private Analyst() {}

  /**
   * Loads a stage-history CSV file whose won and lost stages are named {@code Won} and
   * {@code Lost}, amounts without currency being USD.
   *
   * @param file the file's path, not null
   * @param openStages the open stages in order, comma-separated, such as
   *     {@code "Prospecting,Qualification,Proposal"}
   * @return the export, never null; rows that could not be loaded are in {@link Export#rejections()}
   * @throws IllegalArgumentException if a stage name is blank or repeated
   * @throws UncheckedIOException if the file cannot be read or its header is not valid
   */
  public static Export load(String file, String openStages) {
    return load(file, openStages, "Won", "Lost");
  }

  /**
   * Loads a stage-history CSV file, amounts without currency being USD.
   *
   * @param file the file's path, not null
   * @param openStages the open stages in order, comma-separated
   * @param won the won stage's name, not blank
   * @param lost the lost stage's name, not blank
   * @return the export, never null
   * @throws IllegalArgumentException if a stage name is blank or repeated
   * @throws UncheckedIOException if the file cannot be read or its header is not valid
   */
  public static Export load(String file, String openStages, String won, String lost) {
    Objects.requireNonNull(file, "file");
    return load(Path.of(file), HistoryPipeline.parse(openStages, won, lost), Currency.getInstance("USD"));
  }

  /**
   * Loads a stage-history CSV file (UTF-8, strictly: the first bad row stops it) for a pipeline.
   *
   * @param file the file, not null
   * @param pipeline the pipeline whose stage names the file uses, not null
   * @param defaultCurrency the currency of amounts whose row names none, not null
   * @return the export, never null
   * @throws UncheckedIOException if the file cannot be read as the format says: the message names
   *     the file, the line, the deal and the reason
   */
  public static Export load(Path file, Pipeline pipeline, Currency defaultCurrency) {
    return load(file, pipeline, ReadOptions.defaults().withDefaultCurrency(defaultCurrency));
  }

  /**
   * Loads a stage-history CSV file for a pipeline with the reader's options, the same choices as
   * the command line's ({@code ReadOptions.defaults().withSkipBadRows(true).withDelimiter(';')
   * .withDateFormat("dd.MM.yyyy").withDecimalComma(true)}, say).
   *
   * @param file the file, not null
   * @param pipeline the pipeline whose stage names the file uses, not null
   * @param options how to read the file, not null
   * @return the export, never null; skipping bad rows, the rows not loaded are in
   *     {@link Export#rejections()}
   * @throws UncheckedIOException if the file cannot be read as the options say (naming the file, the
   *     line, the deal and the reason), or no deal could be loaded
   */
  public static Export load(Path file, Pipeline pipeline, ReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    StageHistoryReader reader = StageHistoryReader.of(pipeline, options);
    try {
      return Export.of(file.toString(), reader.load(file), options.defaultCurrency());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Imports a CRM export with its shape's vendor defaults (strictly, UTF-8, comma-separated,
   * ISO-8601 dates in UTC) and loads the stage history it holds: {@code importFrom("opportunities",
   * "sales_pipeline.csv")} for the Maven CRM sample. What the import told (counts, warnings) is in
   * {@link Export#importNotes()} and {@link #warnings(Export)}.
   *
   * @param shape the export's shape: {@code opportunities}, {@code salesforce-history} or
   *     {@code hubspot}, not null
   * @param file the export's path, not null
   * @return the export, never null
   * @throws IllegalArgumentException if the shape is not one of those
   * @throws UncheckedIOException if the export cannot be read or imported (strictly, its first bad
   *     record: the message names the file, line, record and reason)
   */
  public static Export importFrom(String shape, String file) {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(file, "file");
    ImportShape known = ImportShape.parse(shape).getOrElseThrow(() -> new IllegalArgumentException(
        "shape: unknown export shape '" + shape + "'; the shapes are " + ImportShape.names()));
    return importFrom(ImportRequest.of(known, Path.of(file)));
  }

  /**
   * Imports a CRM export as a request says (renamed columns, stages, a joined Salesforce
   * {@code Opportunity} export, reading options such as {@code ImportOptions.defaults()
   * .withSkipBadRows(true)}, the zone) and loads the stage history it holds, amounts without
   * currency in the reading options' default currency; the same choices as {@code import --from}
   * and {@code --history-shape} on the command line.
   *
   * @param request what to import and how, not null
   * @return the export, never null; {@link Export#importNotes()} holds the import's counts, warnings
   *     and rejected records
   * @throws IllegalArgumentException if an option of the request does not apply to its shape
   * @throws UncheckedIOException if the export cannot be read or imported
   */
  public static Export importFrom(ImportRequest request) {
    Objects.requireNonNull(request, "request");
    ReadOptions reading = request.options().reading();
    try {
      ImportedHistory imported = request.read();
      // the imported rows are comma-separated with ISO-8601 instants: read back with the defaults
      ReadOptions again = ReadOptions.defaults().withDefaultCurrency(reading.defaultCurrency())
          .withAllowAnyYear(reading.allowAnyYear());
      return Export.imported(request.file().toString(), imported,
          imported.load(StageHistoryReader.of(imported.pipeline(), again)), reading.defaultCurrency());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * Computes every metric as of the export's latest stage entry, weighting open deals by the
   * historical win rate from their stage.
   *
   * @param export the deals, not null
   * @return the report, never null; {@code toString()} prints its tables
   */
  public static MetricsReport metrics(Export export) {
    return metrics(export, query(export));
  }

  /**
   * Computes every metric as {@link #metrics(Export)} does, and per group.
   *
   * @param export the deals, not null
   * @param groupBy {@code owner}, {@code currency} or an attribute column, matched ignoring case
   * @return the report, never null
   * @throws IllegalArgumentException if no loaded deal has a value in that column
   */
  public static MetricsReport metrics(Export export, String groupBy) {
    Grouping grouping = Objects.requireNonNull(export, "export").grouping(groupBy)
        .getOrElseThrow(bad -> new IllegalArgumentException(bad.message()));
    return metrics(export, query(export).withGrouping(grouping));
  }

  /**
   * Computes the metrics a query asks for. A query without its own probability function gets the
   * historical win rates from each stage, learned as of the query's as-of instant.
   *
   * @param export the deals, not null
   * @param query what to compute, not null
   * @return the report, never null
   */
  public static MetricsReport metrics(Export export, MetricsQuery query) {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(query, "query");
    MetricsQuery weighted = query;
    if (query.probability().isEmpty()) {
      Option<ToDoubleFunction<Deal>> rates = historicalWinRates(export, query.asOf());
      if (rates.isDefined()) {
        weighted = query.withProbability(rates.get());
      }
    }
    return PipelineMetrics.of(export.pipeline()).calculate(export.deals(), weighted);
  }

  /**
   * Returns the query of every figure as of the export's latest stage entry (or the Unix epoch
   * for an export without deals).
   *
   * @param export the deals, not null
   * @return the query, never null
   */
  public static MetricsQuery query(Export export) {
    return MetricsQuery.asOf(Objects.requireNonNull(export, "export").defaultAsOf());
  }

  /**
   * Returns each open deal's historical win rate from its stage, learned from the export's deals
   * closed at an instant: the probabilities the weighted pipeline uses.
   *
   * @param export the deals, not null
   * @param asOf the instant, not null
   * @return the probability function, or none if no deal had closed by then
   */
  public static Option<ToDoubleFunction<Deal>> historicalWinRates(Export export, Instant asOf) {
    Objects.requireNonNull(export, "export");
    ScoringContext context = ScoringContext.of(export.pipeline(), Objects.requireNonNull(asOf, "asOf"))
        .withHistory(export.deals());
    if (context.closedHistory().isEmpty()) {
      return Option.none();
    }
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(context);
    return Option.some(deal -> trained.probability(deal, context));
  }

  /**
   * Computes the movement of the whole open pipeline over {@code [from, to)} (SPEC §4.1).
   *
   * @param export the deals, not null
   * @param from the first instant, an ISO-8601 date (start of that day in UTC) or date-time
   * @param to the first instant after the interval, in the same form, after {@code from}
   * @return the report, never null; {@code toString()} prints its table
   * @throws IllegalArgumentException if a time cannot be read or {@code to} is not after {@code from}
   */
  public static MovementReport movement(Export export, String from, String to) {
    return movement(export, MovementQuery.over(instant(from, "from"), instant(to, "to")));
  }

  /**
   * Computes the movement a query asks for, over the export's deals.
   *
   * @param export the deals, not null
   * @param query the interval, target period and grouping, not null
   * @return the report, never null
   */
  public static MovementReport movement(Export export, MovementQuery query) {
    Objects.requireNonNull(export, "export");
    return PipelineMovement.of(export.pipeline()).calculate(export.deals(), Objects.requireNonNull(query, "query"));
  }

  /**
   * Computes the forecast roll-up per month or quarter in UTC, as of the export's latest stage
   * entry, without quotas (SPEC §4.1).
   *
   * @param export the deals, not null
   * @param unit {@code month} or {@code quarter}, ignoring case
   * @return the report, never null; {@code toString()} prints its table
   * @throws IllegalArgumentException if the unit is neither
   */
  public static ForecastReport forecast(Export export, String unit) {
    Objects.requireNonNull(unit, "unit");
    CalendarUnit calendarUnit = switch (unit.toLowerCase(Locale.ROOT)) {
      case "month" -> CalendarUnit.MONTH;
      case "quarter" -> CalendarUnit.QUARTER;
      default -> throw new IllegalArgumentException("unit must be month or quarter but was '" + unit + "'");
    };
    return forecast(export, ForecastQuery.of(asOf(export), calendarUnit, ZoneOffset.UTC));
  }

  /**
   * Computes the forecast roll-up a query asks for, over the export's deals.
   *
   * @param export the deals, not null
   * @param query the as-of instant, unit, zone and quotas, not null
   * @return the report, never null
   */
  public static ForecastReport forecast(Export export, ForecastQuery query) {
    Objects.requireNonNull(export, "export");
    return ForecastRollup.of(export.pipeline()).calculate(export.deals(), Objects.requireNonNull(query, "query"));
  }

  /**
   * Reviews the open deals' hygiene as of the export's latest stage entry, in UTC, with the
   * default {@value HygieneQuery#DEFAULT_QUIET_DAYS} quiet days (SPEC §4.1).
   *
   * @param export the deals, not null
   * @return the report, never null; {@code toString()} prints its tables
   */
  public static HygieneReport hygiene(Export export) {
    return hygiene(export, HygieneQuery.asOf(asOf(export)));
  }

  /**
   * Reviews the open deals' hygiene as a query asks.
   *
   * @param export the deals, not null
   * @param query the as-of instant, zone and quiet days, not null
   * @return the report, never null
   */
  public static HygieneReport hygiene(Export export, HygieneQuery query) {
    Objects.requireNonNull(export, "export");
    return PipelineHygiene.of(export.pipeline()).calculate(export.deals(), Objects.requireNonNull(query, "query"));
  }

  private static Instant asOf(Export export) {
    return Objects.requireNonNull(export, "export").defaultAsOf();
  }

  private static Instant instant(String text, String name) {
    Objects.requireNonNull(text, name);
    return Timestamps.parse(text).getOrElseThrow(bad -> new IllegalArgumentException(name + ": " + bad.message()));
  }

  /**
   * Lists the {@value #DEFAULT_TOP} open deals to work first, by expected value, scored by the
   * historical win rate from their stage, as of the export's latest stage entry.
   *
   * @param export the deals, not null
   * @return the ranking, never null; {@code toString()} prints it
   */
  public static Priorities prioritize(Export export) {
    return prioritize(export, DEFAULT_SCORER);
  }

  /**
   * Lists the {@value #DEFAULT_TOP} open deals to work first, scored by a scorer named by id.
   *
   * @param export the deals, not null
   * @param scorerId {@code stage}, {@code historical}, {@code scorecard}, {@code naive-bayes} (every
   *     attribute a feature) or the id of a plugin found with {@link java.util.ServiceLoader}
   * @return the ranking, never null
   * @throws IllegalArgumentException if no scorer has that id
   */
  public static Priorities prioritize(Export export, String scorerId) {
    Scorer scorer = scorer(export, scorerId, List.of(), Option.none())
        .getOrElseThrow(bad -> new IllegalArgumentException(bad.message()));
    return prioritize(export, scorer, DEFAULT_TOP);
  }

  /**
   * Lists the open deals to work first, scored by a scorer, as of the export's latest stage entry.
   *
   * @param export the deals, not null
   * @param scorer the scorer, not null; trained on the export's closed deals if it learns
   * @param top how many deals, at least 1
   * @return the ranking, never null
   * @throws IllegalArgumentException if top is below 1
   */
  public static Priorities prioritize(Export export, Scorer scorer, int top) {
    return Priorities.rank(export, scorer, query(export).asOf(), top);
  }

  /**
   * Writes the HTML report of an export: every metric with monthly trends (UTC) as of its latest
   * stage entry, and the {@value #DEFAULT_TOP} deals to work first by the historical win rate from
   * their stage. One self-contained file, no scripts, nothing fetched from the network.
   *
   * @param export the deals, not null
   * @param file where to write, not null; its folder is created if missing
   * @return the file written, never null
   * @throws UncheckedIOException if the file cannot be written
   */
  public static Path report(Export export, String file) {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(file, "file");
    MetricsQuery query = query(export).withTrends(CalendarUnit.MONTH, ZoneOffset.UTC);
    MetricsReport metrics = metrics(export, query);
    ScoringContext context = ScoringContext.of(export.pipeline(), query.asOf()).withHistory(export.deals());
    Ranking top = Prioritiser.of(HistoricalWinRateScorer.of()).top(DEFAULT_TOP, export.deals(), context);
    try {
      return HtmlReport.of("Pipeline report: " + export.source(), metrics, top).withWarnings(warnings(export, query
          .asOf(), top)).writeTo(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns what the export's data cannot support as of its latest stage entry (no lost deals, no
   * won deals, lost deals without an amount), as {@link DataWarnings#of} says, after the warnings of
   * the import it came from, if any; {@link #metrics(Export)} computes the figures anyway.
   *
   * @param export the deals, not null
   * @return the warnings, one sentence each, never null
   */
  public static List<String> warnings(Export export) {
    Objects.requireNonNull(export, "export");
    List<String> warnings = new ArrayList<>();
    export.importNotes().stream().filter(n -> n.startsWith("warning: "))
        .forEach(n -> warnings.add(n.substring("warning: ".length())));
    warnings.addAll(DataWarnings.of(export.deals(), query(export).asOf()));
    return warnings;
  }

  private static List<String> warnings(Export export, Instant asOf, Ranking top) {
    List<String> warnings = new ArrayList<>(DataWarnings.of(export.deals(), asOf));
    DataWarnings.sameScore(top.deals().stream().map(RankedDeal::probability).toList(), top.considered(),
        HistoricalWinRateScorer.of().id()).forEach(warnings::add);
    return warnings;
  }

  /**
   * Chooses a scorer by id among the built-ins and the plugins {@link ScorerRegistry#discover()}
   * finds; {@code naive-bayes} may be given its features and team column.
   *
   * @param export the deals, whose columns the features and team name; not null
   * @param scorerId the scorer's id, not null
   * @param features the attribute columns naive Bayes learns from, matched ignoring case; empty
   *     for every attribute; not null
   * @param team the attribute column naming each deal's team, for per-team tables; not null
   * @return the scorer, or why not (listing the known ids, or the columns of the file)
   */
  public static Either<BadChoice, Scorer> scorer(Export export, String scorerId, List<String> features,
      Option<String> team) {
    return scorer(Objects.requireNonNull(export, "export").profile(), scorerId, features, team);
  }

  /**
   * Chooses a scorer by id as {@link #scorer(Export, String, List, Option)} does, knowing only the
   * export's profile (its columns): for a command that reads a file without holding its deals.
   *
   * @param export what the export tells besides its deals, whose columns the features and team
   *     name; not null
   * @param scorerId the scorer's id, not null
   * @param features the attribute columns naive Bayes learns from, matched ignoring case; empty
   *     for every attribute; not null
   * @param team the attribute column naming each deal's team, for per-team tables; not null
   * @return the scorer, not trained, or why not (listing the known ids, or the columns of the file)
   */
  public static Either<BadChoice, Scorer> scorer(ExportProfile export, String scorerId, List<String> features,
      Option<String> team) {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(scorerId, "scorerId");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(team, "team");
    ScorerRegistry registry = ScorerRegistry.discover();
    Option<Scorer> found = registry.find(scorerId);
    if (found.isEmpty()) {
      return Either.left(new BadChoice.UnknownScorer(scorerId, registry.ids()));
    }
    if (features.isEmpty() && team.isEmpty()) {
      return Either.right(found.get());
    }
    if (!scorerId.equals(NaiveBayesScorer.ID)) {
      return Either.left(new BadChoice.OptionsNotForScorer(scorerId));
    }
    List<String> keys = new ArrayList<>();
    for (String feature : features) {
      Option<String> key = export.attribute(feature);
      if (key.isEmpty()) {
        return Either.left(new BadChoice.UnknownColumn(feature, export.attributes()));
      }
      if (keys.contains(key.get())) {
        return Either.left(new BadChoice.RepeatedFeature(feature));
      }
      keys.add(key.get());
    }
    NaiveBayesScorer scorer = NaiveBayesScorer.of(keys);
    if (team.isDefined()) {
      Option<String> key = export.attribute(team.get());
      if (key.isEmpty()) {
        return Either.left(new BadChoice.UnknownColumn(team.get(), export.attributes()));
      }
      scorer = scorer.withTeamAttribute(key.get());
    }
    return Either.right(scorer);
  }
}
