package org.salespipeline.analyst.report;

import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.Bottlenecks;
import org.salespipeline.metrics.DurationSummary;
import org.salespipeline.metrics.Figure;
import org.salespipeline.metrics.FlaggedDeal;
import org.salespipeline.metrics.ForecastFigures;
import org.salespipeline.metrics.ForecastReport;
import org.salespipeline.metrics.FunnelStage;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.HygieneCounts;
import org.salespipeline.metrics.HygieneFlag;
import org.salespipeline.metrics.HygieneReport;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.Movement;
import org.salespipeline.metrics.MovementReport;
import org.salespipeline.metrics.PeriodForecast;
import org.salespipeline.metrics.StageExcess;
import org.salespipeline.metrics.StageTime;
import org.salespipeline.metrics.StuckDeal;
import org.salespipeline.metrics.TrendPeriod;
import org.salespipeline.scoring.RankedDeal;
import org.salespipeline.scoring.Ranking;

/**
 * A pipeline report as one self-contained HTML file: headline figures, the funnel, time in stage,
 * the win-rate trend, bottlenecks, stuck deals and the deals to work first; and, when given
 * ({@link #withMovement}, {@link #withForecast}, {@link #withHygiene}), the pipeline movement as a
 * waterfall beside its table, the forecast roll-up and the hygiene review of SPEC §4.1.
 *
 * <pre>{@code
 * MetricsReport metrics = PipelineMetrics.of(pipeline)
 *     .calculate(deals, MetricsQuery.asOf(exportedAt).withTrends(CalendarUnit.MONTH, ZoneOffset.UTC));
 * Ranking top = Prioritiser.of(HistoricalWinRateScorer.of()).top(15, deals, ScoringContext.of(pipeline, exportedAt).withHistory(deals));
 * HtmlReport.of("Pipeline review", metrics, top).writeTo(Path.of("target/pipeline-report.html"));
 * }</pre>
 *
 * <p>The file needs nothing else: charts are inline SVG, the style sheet is inline, there is no
 * script, web font, image or link to fetch, and a content security policy forbids loading any. All
 * text (titles, deal ids, owners, stage names from a CSV file) is HTML-escaped. Every chart has a
 * real table next to it, an SVG {@code <title>} and description, and a tooltip on each mark; the
 * page prints on A4 or Letter with a section per page break where possible.
 *
 * <p>The win-rate trend needs a report computed with trends
 * ({@code MetricsQuery.withTrends}); without them the section says so. Immutable and thread-safe;
 * {@link #render()} gives the same text for the same inputs.
 */
public final class HtmlReport {

  /** How many stuck deals the report lists; the rest are counted. */
  public static final int STUCK_SHOWN = 25;

  /** How many flagged deals the hygiene section lists; the rest are counted. */
  public static final int HYGIENE_SHOWN = 25;

  private final String title;
  private final MetricsReport report;
  private final Option<Ranking> ranking;
  private final List<String> warnings;
  private final Option<MovementReport> movement;
  private final Option<ForecastReport> forecast;
  private final Option<HygieneReport> hygiene;

  private HtmlReport(String title, MetricsReport report, Option<Ranking> ranking, List<String> warnings) {
    this(title, report, ranking, warnings, Option.none(), Option.none(), Option.none());
  }

  private HtmlReport(String title, MetricsReport report, Option<Ranking> ranking, List<String> warnings,
      Option<MovementReport> movement, Option<ForecastReport> forecast, Option<HygieneReport> hygiene) {
    this.title = title;
    this.report = report;
    this.ranking = ranking;
    this.warnings = warnings;
    this.movement = movement;
    this.forecast = forecast;
    this.hygiene = hygiene;
  }

  /**
   * Returns this report with a section on the pipeline's movement: a waterfall per currency beside
   * the table of every figure.
   *
   * @param movement the movement, not null
   * @return a new report, never null
   */
  public HtmlReport withMovement(MovementReport movement) {
    return new HtmlReport(title, report, ranking, warnings, Option.some(Objects.requireNonNull(movement, "movement")),
        forecast, hygiene);
  }

  /**
   * Returns this report with a section on the forecast roll-up: per period, the team's and each
   * owner's figures, against their quotas when the roll-up has them.
   *
   * @param forecast the roll-up, not null
   * @return a new report, never null
   */
  public HtmlReport withForecast(ForecastReport forecast) {
    return new HtmlReport(title, report, ranking, warnings, movement,
        Option.some(Objects.requireNonNull(forecast, "forecast")), hygiene);
  }

  /**
   * Returns this report with a section on pipeline hygiene: the counts per flag and owner, and the
   * flagged deals worst first (the first {@value #HYGIENE_SHOWN}).
   *
   * @param hygiene the review, not null
   * @return a new report, never null
   */
  public HtmlReport withHygiene(HygieneReport hygiene) {
    return new HtmlReport(title, report, ranking, warnings, movement, forecast,
        Option.some(Objects.requireNonNull(hygiene, "hygiene")));
  }

  /**
   * Returns a copy showing warnings about what the data cannot support as a banner above the
   * figures (see {@link org.salespipeline.analyst.DataWarnings}).
   *
   * @param warnings the warnings, one sentence each, not null; none means no banner
   * @return the copy, never null
   */
  public HtmlReport withWarnings(List<String> warnings) {
    return new HtmlReport(title, report, ranking, List.copyOf(warnings), movement, forecast, hygiene);
  }

  /**
   * Returns the report of some metrics and a ranking of the deals to work first.
   *
   * @param title the page's title, not null, not blank
   * @param report the metrics, not null
   * @param top the prioritised deals, not null; all of them are listed, so pass a top-k ranking
   * @return the report, never null
   * @throws IllegalArgumentException if the title is blank
   */
  public static HtmlReport of(String title, MetricsReport report, Ranking top) {
    return new HtmlReport(checkTitle(title), Objects.requireNonNull(report, "report"),
        Option.some(Objects.requireNonNull(top, "top")), List.of());
  }

  /**
   * Returns the report of some metrics with no ranking: the section on prioritised deals says that
   * none was given.
   *
   * @param title the page's title, not null, not blank
   * @param report the metrics, not null
   * @return the report, never null
   * @throws IllegalArgumentException if the title is blank
   */
  public static HtmlReport of(String title, MetricsReport report) {
    return new HtmlReport(checkTitle(title), Objects.requireNonNull(report, "report"), Option.none(), List.of());
  }

  private static String checkTitle(String title) {
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank but was '" + title + "'");
    }
    return title;
  }

  /**
   * Renders the report.
   *
   * @return the HTML document, UTF-8 text, never null
   */
  public String render() {
    Html html = new Html();
    html.constant("<!DOCTYPE html>").newline();
    html.open("html", "lang", "en").newline().open("head").newline();
    html.empty("meta", "charset", "utf-8");
    html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    html.empty("meta", "http-equiv", "Content-Security-Policy",
        "content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    html.empty("meta", "name", "generator", "content", "org.salespipeline.analyst.report.HtmlReport");
    html.newline().element("title", title + " – " + report.pipelineName()).newline();
    html.open("style").constant(Style.CSS).close("style").newline();
    html.close("head").newline().open("body").newline();

    html.open("header").element("h1", title);
    html.element("p", subtitle(), "class", "subtitle");
    contents(html);
    html.close("header").newline().open("main").newline();
    if (!warnings.isEmpty()) {
      html.open("div", "class", "warnings", "role", "alert").element("p", "What the data cannot support:");
      html.open("ul");
      warnings.forEach(warning -> html.element("li", warning));
      html.close("ul").close("div").newline();
    }
    headline(html);
    funnel(html);
    timeInStage(html);
    trend(html);
    bottlenecks(html);
    stuck(html);
    prioritised(html);
    movement.forEach(m -> movement(html, m));
    forecast.forEach(f -> forecast(html, f));
    hygiene.forEach(h -> hygiene(html, h));
    groups(html);
    html.close("main").newline();
    html.open("footer").element("p", "Definitions: win rate = won / (won + lost) among deals closed in the window,"
        + " with a 95% Wilson score interval; sales cycle = close − creation; the funnel is over the deals created in"
        + " the window, a skipped stage counting as passed; percentiles interpolate linearly (type 7); a stuck deal"
        + " is an open deal whose current stay exceeds its stage's rotting threshold or, without one, the 90th"
        + " percentile of completed stays. A dash marks a figure that is undefined (no data).");
    html.close("footer").newline().close("body").newline().close("html").newline();
    return html.toString();
  }

  /**
   * Renders the report into a file, creating its directory if needed and replacing the file.
   *
   * @param file where to write, not null
   * @return the file, for chaining
   * @throws IOException if the file cannot be written
   */
  public Path writeTo(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(), StandardCharsets.UTF_8);
    return file;
  }

  private String subtitle() {
    MetricsQuery query = report.query();
    return "Pipeline " + report.pipelineName() + " as of " + instant(query.asOf()) + "; "
        + query.window().map(w -> "window " + instant(w.from()) + " to " + instant(w.to()) + " (exclusive)")
            .getOrElse("all time up to then")
        + ". " + Figures.count(report.deals()) + " deals: " + Figures.count(report.open()) + " open, "
        + Figures.count(report.won()) + " won and " + Figures.count(report.lost()) + " lost in the window, "
        + Figures.count(report.unpriced()) + " of them without an amount.";
  }

  private static String instant(Instant at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(at.atOffset(ZoneOffset.UTC));
  }

  private static String zone(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private void contents(Html html) {
    html.open("nav", "aria-label", "Sections").open("ul");
    List<String[]> sections = new ArrayList<>(List.of(new String[] {"headline", "Headline figures"},
        new String[] {"funnel", "Funnel"}, new String[] {"time-in-stage", "Time in stage"},
        new String[] {"trend", "Win-rate trend"}, new String[] {"bottlenecks", "Bottlenecks"},
        new String[] {"stuck", "Stuck deals"}, new String[] {"prioritised", "Deals to work first"}));
    if (movement.isDefined()) {
      sections.add(new String[] {"movement", "Pipeline movement"});
    }
    if (forecast.isDefined()) {
      sections.add(new String[] {"forecast", "Forecast"});
    }
    if (hygiene.isDefined()) {
      sections.add(new String[] {"hygiene", "Pipeline hygiene"});
    }
    if (!report.groups().isEmpty()) {
      sections.add(new String[] {"groups", groupsHeading()});
    }
    for (String[] s : sections) {
      html.open("li").element("a", s[1], "href", "#" + s[0]).close("li");
    }
    html.close("ul").close("nav");
  }

  private String groupsHeading() {
    return "By " + report.query().grouping().map(Grouping::name).getOrElse("group");
  }

  private static void section(Html html, String id, String heading) {
    html.open("section", "id", id, "aria-labelledby", id + "-heading").newline()
        .element("h2", heading, "id", id + "-heading").newline();
  }

  private void headline(Html html) {
    section(html, "headline", "Headline figures");
    html.open("dl", "class", "figures");
    figure(html, "Win rate", List.of(Figures.rate(report.winRate())), report.winRate()
        .map(r -> "95% interval " + Figures.interval(report.winRate()) + " over " + Figures.count(r.trials())
            + " closed deals").getOrElse("no deal closed in the window"));
    figure(html, "Average deal size", values(report.averageDealSize(), Figures::quotient),
        "median " + Figures.quotients(report.medianDealSize()) + ", over the deals won in the window");
    DurationSummary won = report.salesCycleWon();
    figure(html, "Sales cycle (won)",
        List.of(won.medianDays().map(d -> Figures.days(d) + " days").getOrElse(Figures.NONE)),
        "median over " + Figures.count(won.count()) + " won deals; mean " + Figures.days(won.meanDays()) + ", p90 "
            + Figures.days(won.p90Days()) + " days; Kaplan–Meier median with open deals "
            + Figures.days(report.kmMedianDaysToClose()) + " days");
    figure(html, "Weighted pipeline", values(report.weightedPipeline(), Figures::money),
        "amount × probability over " + Figures.count(report.open()) + " open deals; unweighted "
            + Figures.moneys(report.openPipeline()));
    figure(html, "Pipeline velocity per day", values(report.velocityPerDay(), Figures::quotient),
        "open deals × average deal size × win rate ÷ mean cycle of won deals");
    html.close("dl").newline().close("section").newline();
  }

  /** A headline figure: its name, its values (one per currency), and a note on what it is over. */
  private static void figure(Html html, String name, List<String> values, String note) {
    html.open("div").element("dt", name);
    for (String value : values) {
      html.element("dd", value, "class", "value");
    }
    html.element("dd", note, "class", "note").close("div");
  }

  private static List<String> values(Map<Currency, Money> amounts, java.util.function.Function<Money, String> shown) {
    if (amounts.isEmpty()) {
      return List.of(Figures.NONE);
    }
    List<String> values = new ArrayList<>();
    amounts.values().forEach(m -> values.add(shown.apply(m)));
    return values;
  }

  private void funnel(Html html) {
    section(html, "funnel", "Funnel");
    html.element("p", "Deals created in the window, by the furthest open stage they reached. Conversion = advanced /"
        + " (advanced + lost); deals still open in a stage are undecided and left out of it.", "class", "lead");
    Charts.funnel(html, report.funnel());
    Table table = Table.of("Funnel per stage", "Stage", "Reached", "Advanced", "Lost", "Open", "Conversion",
        "95% interval", "Win rate from stage");
    for (FunnelStage f : report.funnel()) {
      table.row(f.stageName(), Figures.count(f.reached()), Figures.count(f.advanced()), Figures.count(f.lost()),
          Figures.count(f.open()), Figures.rate(f.conversion()), Figures.interval(f.conversion()),
          Figures.rate(f.winRate()));
    }
    table.writeTo(html);
    html.close("section").newline();
  }

  private void timeInStage(Html html) {
    section(html, "time-in-stage", "Time in stage");
    html.element("p", "Completed stays (entered and left by the as-of instant) and the current age of the deals open in"
        + " each stage, in days.", "class", "lead");
    Charts.timeInStage(html, report.timeInStage());
    Table table = Table.of("Time in stage, days", "Stage", "Completed stays", "Mean", "Median", "p90", "Open deals",
        "Median age", "p90 age");
    for (StageTime t : report.timeInStage()) {
      table.row(t.stageName(), Figures.count(t.completed().count()), Figures.days(t.completed().meanDays()),
          Figures.days(t.completed().medianDays()), Figures.days(t.completed().p90Days()),
          Figures.count(t.current().count()), Figures.days(t.current().medianDays()),
          Figures.days(t.current().p90Days()));
    }
    table.writeTo(html);
    html.close("section").newline();
  }

  private void trend(Html html) {
    section(html, "trend", "Win-rate trend");
    Map<TrendPeriod, MetricsReport> trends = report.trends();
    if (trends.isEmpty()) {
      html.element("p", "No trend: the metrics were computed without trends (MetricsQuery.withTrends(CalendarUnit.MONTH,"
          + " zone) adds them).", "class", "empty");
      html.close("section").newline();
      return;
    }
    String unit = report.query().trends().map(u -> u.name().toLowerCase(Locale.ROOT)).getOrElse("period");
    html.element("p", "Win rate of the deals closed in each " + unit + " (" + zone(report.query().zone()) + "), with its 95%"
        + " interval; few closed deals make a wide interval.", "class", "lead");
    Charts.winRateTrend(html, trends, report.winRate());
    Table table = Table.of("Win rate per " + unit, "Period", "Won", "Lost", "Win rate", "95% interval",
        "Average deal size");
    trends.forEach((period, part) -> table.row(period.label(), Figures.count(part.won()), Figures.count(part.lost()),
        Figures.rate(part.winRate()), Figures.interval(part.winRate()), Figures.quotients(part.averageDealSize())));
    table.writeTo(html);
    html.close("section").newline();
  }

  private void bottlenecks(Html html) {
    section(html, "bottlenecks", "Bottlenecks");
    Bottlenecks b = report.bottlenecks();
    html.open("ul", "class", "findings");
    html.element("li", b.lowestConversion()
        .map(f -> "Lowest conversion: " + f.stageName() + ", " + Figures.rate(f.conversion()) + " (95% interval "
            + Figures.interval(f.conversion()) + "), " + Figures.count(f.lost()) + " deals lost there.")
        .getOrElse("Lowest conversion: none yet (no deal has left a stage)."));
    html.element("li", b.longestMedianStay()
        .map(t -> "Longest median stay: " + t.stageName() + ", " + Figures.days(t.completed().medianDays())
            + " days over " + Figures.count(t.completed().count()) + " completed stays.")
        .getOrElse("Longest median stay: none yet (no completed stay)."));
    html.close("ul").newline();
    if (b.beyondNorm().isEmpty()) {
      html.element("p", "No stage has a norm yet: a norm is a rotting threshold, or the 90th percentile of at least 20"
          + " completed stays.", "class", "empty");
    } else {
      Table table = Table.of("Open-deal days beyond each stage's norm, most first", "Stage", "Norm (days)",
          "Norm from", "Open deals", "Beyond norm", "Days beyond norm").textColumns(2);
      for (StageExcess e : b.beyondNorm()) {
        table.row(e.stageName(), Figures.days(e.normDays()), normName(e.norm()), Figures.count(e.openDeals()),
            Figures.count(e.dealsBeyondNorm()), Figures.days(e.daysBeyondNorm()));
      }
      table.writeTo(html);
    }
    html.close("section").newline();
  }

  private void stuck(Html html) {
    section(html, "stuck", "Stuck deals");
    List<StuckDeal> stuck = report.stuck();
    if (stuck.isEmpty()) {
      html.element("p", "No stuck deal: no open deal has stayed in its stage beyond the stage's norm.", "class",
          "empty");
      html.close("section").newline();
      return;
    }
    html.element("p", Figures.count(stuck.size()) + " open deals have stayed in their stage beyond its norm; the "
        + Math.min(STUCK_SHOWN, stuck.size()) + " furthest over are listed.", "class", "lead");
    Table table = Table.of("Stuck deals, furthest over their norm first", "Deal", "Owner", "Stage", "Amount",
        "Days in stage", "Norm (days)", "Days over").textColumns(1, 2);
    for (StuckDeal s : stuck.subList(0, Math.min(STUCK_SHOWN, stuck.size()))) {
      table.row(s.dealId(), Grouping.label(s.owner()), s.stageName(), Figures.money(s.amount()), Figures.days(s.ageDays()),
          Figures.days(s.normDays()), Figures.days(s.overDays()));
    }
    table.writeTo(html);
    if (stuck.size() > STUCK_SHOWN) {
      html.element("p", "… and " + Figures.count(stuck.size() - STUCK_SHOWN) + " more.", "class", "note");
    }
    html.close("section").newline();
  }

  private void prioritised(Html html) {
    section(html, "prioritised", "Deals to work first");
    if (ranking.isEmpty()) {
      html.element("p", "No ranking was given.", "class", "empty");
      html.close("section").newline();
      return;
    }
    Ranking top = ranking.get();
    if (top.deals().isEmpty()) {
      html.element("p", "No open deal to rank (" + Figures.count(top.considered()) + " considered).", "class", "empty");
    } else {
      html.element("p", "Open deals by expected value (win probability × amount), weighted by urgency; the top "
          + top.deals().size() + " of " + Figures.count(top.considered()) + " open deals.", "class", "lead");
      Map<String, String> stageNames = new HashMap<>();
      report.funnel().forEach(f -> stageNames.put(f.stageId(), f.stageName()));
      Table table = Table.of("Deals to work first", "Rank", "Deal", "Title", "Account", "Owner", "Stage",
          "Probability", "Amount", "Expected value", "Urgency").textColumns(1, 2, 3, 4, 5);
      for (RankedDeal r : top.deals()) {
        table.row(Integer.toString(r.rank()), r.deal().id(), r.deal().title(), r.deal().account(), Grouping.label(r.deal().owner()),
            stageNames.getOrDefault(r.deal().stageId(), r.deal().stageId()), Figures.percent(r.probability()),
            Figures.money(r.deal().amount()), Figures.money(r.expectedValue()),
            String.format(Locale.ROOT, "×%.2f", r.urgency()));
      }
      table.writeTo(html);
    }
    if (!top.notes().isEmpty() || !top.failures().isEmpty()) {
      html.open("ul", "class", "notes");
      top.notes().forEach(note -> html.element("li", note));
      top.failures().forEach(failure -> html.element("li", failure.message()));
      html.close("ul").newline();
    }
    html.close("section").newline();
  }

  private static void movement(Html html, MovementReport m) {
    section(html, "movement", "Pipeline movement");
    Movement total = m.total();
    html.element("p", "How the " + m.query().targetPeriod().map(p -> "pipeline of the deals expected to close in "
        + p.label()).getOrElse("open pipeline") + " moved from " + instant(m.query().from()) + " to "
        + instant(m.query().to()) + " (exclusive): start + created + moved in + reopened − won − lost − moved out"
        + " = end, and for amounts + increased − decreased. Every reopen, win and loss counts; deals without an"
        + " amount count in the counts only.", "class", "lead");
    Set<Currency> currencies = new TreeSet<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    for (Figure f : figures(total)) {
      currencies.addAll(f.amount().keySet());
    }
    html.open("div", "class", "side-by-side");
    for (Currency c : currencies) {
      Charts.waterfall(html, "movement-chart-" + c.getCurrencyCode(), total, c);
    }
    List<String> headers = new ArrayList<>(List.of("Figure", "Count"));
    currencies.forEach(c -> headers.add(c.getCurrencyCode()));
    Table table = Table.of("Pipeline movement", headers.toArray(String[]::new));
    // the waterfall's order: what adds, then what takes away, each breakdown under its figure
    String[] names = {"Start", "+ Created", "+ Moved in", "of which pulled in", "+ Reopened", "+ Increased", "− Won",
        "− Lost", "− Moved out", "of which pushed out", "− Decreased", "= End"};
    Figure[] rows = {total.start(), total.created(), total.movedIn(), total.pulledIn(), total.reopened(),
        total.increased(), total.won(), total.lost(), total.movedOut(), total.pushedOut(), total.decreased(),
        total.end()};
    for (int i = 0; i < names.length; i++) {
      List<String> cells = new ArrayList<>(List.of(names[i], Figures.count(rows[i].count())));
      for (Currency c : currencies) {
        cells.add(Figures.money(rows[i].amount(c)));
      }
      table.row(cells.toArray(String[]::new));
    }
    table.writeTo(html);
    html.close("div").newline();
    m.query().grouping().forEach(grouping -> movementGroups(html, grouping, m.groups()));
    html.close("section").newline();
  }

  /** Each group's movement in deals, one row a group, in the waterfall's order. */
  private static void movementGroups(Html html, Grouping grouping, Map<String, Movement> groups) {
    Table table = Table.of("Pipeline movement " + grouping + ", deals", "Group", "Start", "+ Created",
        "+ Moved in", "+ Reopened", "− Won", "− Lost", "− Moved out", "= End");
    groups.forEach((group, g) -> table.row(Grouping.label(group), Figures.count(g.start().count()),
        Figures.count(g.created().count()), Figures.count(g.movedIn().count()), Figures.count(g.reopened().count()),
        Figures.count(g.won().count()), Figures.count(g.lost().count()), Figures.count(g.movedOut().count()),
        Figures.count(g.end().count())));
    table.writeTo(html);
  }

  private static List<Figure> figures(Movement m) {
    return List.of(m.start(), m.created(), m.movedIn(), m.reopened(), m.won(), m.lost(), m.movedOut(),
        m.increased(), m.decreased(), m.end());
  }

  private static void forecast(Html html, ForecastReport f) {
    section(html, "forecast", "Forecast");
    html.element("p", "Per " + f.query().unit().name().toLowerCase(Locale.ROOT) + " in " + zone(f.query().zone())
        + ", as of " + instant(f.query().asOf()) + ": open deals by their expected close date and forecast category,"
        + " closed deals by their close date. Commit includes closed won and best case includes commit; pipeline is"
        + " every open deal in pipeline, best case or commit; omitted holds the omitted open deals and the deals lost."
        + " Attainment = closed won / quota; coverage = pipeline / (quota − closed won).", "class", "lead");
    if (f.periods().isEmpty()) {
      html.element("p", "No deal closes in any period.", "class", "empty");
    } else {
      for (PeriodForecast p : f.periods()) {
        Table table = Table.of("Forecast roll-up, " + p.period().label(), "Owner", "Closed won", "Commit",
            "Best case", "Pipeline", "Omitted", "Quota", "Attainment", "Coverage").stacked();
        forecastRow(table, "(all)", p.team());
        p.owners().forEach((owner, figures) -> forecastRow(table, owner, figures));
        table.writeTo(html);
        p.ownersWithoutQuota().forEach((currency, owners) -> html.element("p", "Team attainment and coverage in "
            + currency.getCurrencyCode() + " need a quota for every owner who won or has pipeline in "
            + p.period().label() + "; none for: " + String.join(", ", owners) + ".", "class", "note"));
      }
    }
    Figure none = f.noCloseDate();
    List<String> byOwner = new ArrayList<>();
    f.noCloseDateByOwner().forEach((owner, figure) -> byOwner.add(owner + " " + cell(figure)));
    html.element("p", Figures.count(none.count()) + " open deals have no expected close date and are in no period"
        + (none.amount().isEmpty() ? "" : " (" + Figures.moneys(none.amount()) + ")")
        + (byOwner.isEmpty() ? "." : ": " + String.join("; ", byOwner) + "."), "class", "note");
    html.close("section").newline();
  }

  private static void forecastRow(Table table, String owner, ForecastFigures f) {
    table.row(owner, stacked(f.closedWon()), stacked(f.commit()), stacked(f.bestCase()), stacked(f.pipeline()),
        stacked(f.omitted()), lines(f.quota().values(), Figures::money), ratios(f.attainment(), f.quota().size()),
        ratios(f.coverage(), f.quota().size()));
  }

  /** A figure's amounts over its count, one per line, in a stacked table's cell. */
  private static String stacked(Figure f) {
    String deals = Figures.count(f.count()) + (f.count() == 1 ? " deal" : " deals");
    return f.amount().isEmpty() ? deals : lines(f.amount().values(), Figures::money) + "\n" + deals;
  }


  /** A figure's count and amounts in one cell: {@code 3 · 12,000.00 USD}. */
  private static String cell(Figure f) {
    return Figures.count(f.count()) + (f.amount().isEmpty() ? "" : " · " + Figures.moneys(f.amount()));
  }

  /** Ratios to a quota, one per line, each named by its currency when the quota has several. */
  private static String ratios(Map<Currency, Double> ratios, int quotaCurrencies) {
    boolean named = quotaCurrencies > 1 || ratios.size() > 1;
    return lines(ratios.entrySet(), r -> Figures.percent(r.getValue())
        + (named ? Figures.NBSP + r.getKey().getCurrencyCode() : ""));
  }

  /** Values one per line, in a stacked table's cell; {@link Figures#NONE} for none. */
  private static <T> String lines(Collection<T> values, Function<T, String> shown) {
    List<String> lines = new ArrayList<>();
    values.forEach(v -> lines.add(shown.apply(v)));
    return lines.isEmpty() ? Figures.NONE : String.join("\n", lines);
  }


  private static void hygiene(Html html, HygieneReport h) {
    section(html, "hygiene", "Pipeline hygiene");
    html.element("p", "The open deals as of " + instant(h.query().asOf()) + " that need a look: a close date passed"
        + " or missing, no event of any kind for " + h.query().quietDays() + " days, no amount, no owner, or stuck"
        + " in their stage.", "class", "lead");
    HygieneFlag[] flags = HygieneFlag.values();
    List<String> headers = new ArrayList<>(List.of("Owner", "Open", "Flagged"));
    for (HygieneFlag flag : flags) {
      headers.add(flagName(flag));
    }
    Table counts = Table.of("Flags per owner", headers.toArray(String[]::new));
    h.owners().forEach((owner, c) -> counts.row(countRow(owner, c, flags)));
    counts.row(countRow("(all)", h.total(), flags));
    counts.writeTo(html);
    List<FlaggedDeal> deals = h.deals();
    if (deals.isEmpty()) {
      html.element("p", "No open deal is flagged.", "class", "empty");
    } else {
      Table table = Table.of("Flagged deals, worst first", "Deal", "Owner", "Stage", "Amount", "Expected close",
          "Quiet days", "Flags").textColumns(1, 2, 4, 6);
      for (FlaggedDeal d : deals.subList(0, Math.min(HYGIENE_SHOWN, deals.size()))) {
        List<String> named = new ArrayList<>();
        for (HygieneFlag flag : flags) {
          if (d.has(flag)) {
            named.add(flagName(flag));
          }
        }
        table.row(d.dealId(), Grouping.label(d.owner()), d.stageName(), Figures.money(d.amount()),
            d.expectedClose().map(Object::toString).getOrElse(Figures.NONE), Figures.days(d.quietDays()),
            String.join(", ", named));
      }
      table.writeTo(html);
      if (deals.size() > HYGIENE_SHOWN) {
        html.element("p", "… and " + Figures.count(deals.size() - HYGIENE_SHOWN) + " more.", "class", "note");
      }
    }
    html.close("section").newline();
  }

  private static String[] countRow(String owner, HygieneCounts c, HygieneFlag[] flags) {
    List<String> cells = new ArrayList<>(List.of(owner, Figures.count(c.openDeals()), Figures.count(c.flaggedDeals())));
    for (HygieneFlag flag : flags) {
      cells.add(Figures.count(c.count(flag)));
    }
    return cells.toArray(String[]::new);
  }

  private static String flagName(HygieneFlag flag) {
    String words = flag.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private void groups(Html html) {
    if (report.groups().isEmpty()) {
      return;
    }
    section(html, "groups", groupsHeading());
    String group = report.query().grouping().map(Grouping::name).getOrElse("group");
    Table table = Table.of("Figures per " + group, capitalised(group), "Deals",
        "Open", "Won", "Lost", "Win rate", "95% interval", "Average deal size", "Median cycle (days)",
        "Weighted pipeline");
    report.groups().forEach((key, part) -> table.row(key, Figures.count(part.deals()), Figures.count(part.open()),
        Figures.count(part.won()), Figures.count(part.lost()), Figures.rate(part.winRate()),
        Figures.interval(part.winRate()), Figures.quotients(part.averageDealSize()),
        Figures.days(part.salesCycleWon().medianDays()), Figures.moneys(part.weightedPipeline())));
    table.writeTo(html);
    html.close("section").newline();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String normName(StuckDeal.Norm norm) {
    return norm == StuckDeal.Norm.ROTTING_THRESHOLD ? "rotting threshold" : "p90 of completed stays";
  }

  @Override
  public String toString() {
    return "HtmlReport['" + title + "', " + report.pipelineName() + ", " + report.query() + "]";
  }
}
