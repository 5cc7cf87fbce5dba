package org.salespipeline.analyst.demo;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;
import org.salespipeline.core.Stage;
import org.salespipeline.analyst.data.SampleDeals;
import org.salespipeline.analyst.report.HtmlReport;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;
import org.salespipeline.scoring.CompositeScorer;
import org.salespipeline.scoring.HistoricalWinRateScorer;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.QualificationScorecard;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;
import org.salespipeline.scoring.Urgency;

/**
 * The demo of the README's Quick start: the standard pipeline, a few deals walked through it
 * (including a refused move and a lost deal with its reason), then a year of sample deals through
 * the metrics calculator and the prioritiser, and the HTML report of it all.
 */
public final class Demo {

  /** How many sample deals the demo generates. */
  static final int SAMPLE_SIZE = 3_000;
  /** The seed of the sample deals: the demo prints the same figures on every run. */
  static final long SEED = 2_026L;
  /** How many prioritised deals the demo prints and reports. */
  static final int TOP = 10;

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  private final PrintStream out;
  private final Pipeline pipeline = Pipeline.standard();

  private Demo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo on standard output.
   *
   * @param args optionally, the file to write the HTML report to (the Maven build passes
   *     {@code pipeline-examples/analyst/target/demo/pipeline-report.html}); without it, a new temporary
   *     directory holds it
   * @throws IOException if the report cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path report = args.length > 0 ? Path.of(args[0])
        : Files.createTempDirectory("pipeline-demo").resolve("pipeline-report.html");
    run(System.out, report);
  }

  /**
   * Runs the demo, printing to the given stream and writing the HTML report to a file.
   *
   * @param out where to print, not null
   * @param reportFile where to write the HTML report, not null; its directory is created if needed
   * @throws IOException if the report cannot be written
   */
  public static void run(PrintStream out, Path reportFile) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(reportFile, "reportFile");
    Demo demo = new Demo(out);
    demo.walkThrough();
    demo.sampleYear(reportFile);
  }

  private void walkThrough() {
    out.println("== The standard pipeline");
    for (Stage stage : pipeline.stages()) {
      out.printf("  %-14s %-6s %4.0f%%  %-9s%s%n", stage.name(), stage.kind(), stage.probability() * 100,
          stage.forecastCategory(), stage.entryCriteria().isEmpty() ? "" : "  needs: " + stage.entryCriteria());
    }

    out.println();
    out.println("== ACME fleet renewal, 48,000 EUR, owned by ana");
    Deal acme = accept(pipeline.open(NewDeal.of("D-1").withTitle("Fleet renewal").withAccount("ACME")
        .withOwner("ana").withAmount(Money.parse("48000", "EUR")), MONDAY));
    acme = step(acme, pipeline.move(acme, "qualification", day(1)), "move to Qualification");
    acme = step(acme, pipeline.move(acme, "proposal", day(2)), "move to Proposal before qualifying");
    Qualification qualified = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
        QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);
    acme = step(acme, pipeline.qualify(acme, qualified, day(3)), "record budget, authority, need, timeline");
    acme = step(acme, pipeline.move(acme, "proposal", day(3)), "move to Proposal");
    acme = step(acme, pipeline.move(acme, "closing", day(10)), "skip Negotiation, straight to Closing");
    acme = step(acme, pipeline.win(acme, day(14)), "win");
    out.printf("  time in Proposal: %s; probability now %.0f%%%n",
        acme.cumulativeTimeIn("proposal", day(14)), pipeline.probabilityOf(acme) * 100);

    out.println();
    out.println("== Globex pilot, 9,500 USD, owned by bo");
    Deal globex = accept(pipeline.open(NewDeal.of("D-2").withTitle("Pilot").withAccount("Globex")
        .withOwner("bo").withAmount(Money.parse("9500", "USD")), MONDAY));
    globex = step(globex, pipeline.lose(globex, "", day(5)), "mark lost without a reason");
    globex = step(globex, pipeline.lose(globex, "Went with a competitor", day(5)), "mark lost: went with a competitor");
    globex = step(globex, pipeline.move(globex, "qualification", day(6)), "move a lost deal");
    globex = step(globex, pipeline.reopen(globex, day(20)), "reopen");
    out.printf("  lost reason cleared: %s; history has %d events%n", globex.lostReason().isEmpty(), globex.version());

    out.println();
    out.println("== Events a host would store for D-1, and replay");
    for (DealEvent e : acme.history()) {
      out.println("  " + e.getClass().getSimpleName() + " at " + e.at());
    }
    out.println("  replayed deal equals the live one: " + Deal.replay(pipeline, acme.history()).equals(acme));
  }

  private void sampleYear(Path reportFile) throws IOException {
    SampleDeals sample = SampleDeals.of(SEED);
    List<Deal> deals = sample.deals(SAMPLE_SIZE);
    Instant asOf = SampleDeals.AS_OF;

    out.println();
    out.printf(Locale.ROOT, "== A year of sample deals: %,d opened during 2025, exported at %s%n", deals.size(), asOf);
    describe(deals);

    out.println();
    out.println("== Pipeline metrics (PipelineMetrics), by owner and per month");
    MetricsReport metrics = PipelineMetrics.of(sample.pipeline()).calculate(deals,
        MetricsQuery.asOf(asOf).withGrouping(Grouping.owner()).withTrends(CalendarUnit.MONTH, ZoneOffset.UTC));
    out.print(metrics);

    out.println();
    out.printf("== The %d deals to work first: win probability (historical stage win rate 60%%, BANT scorecard 40%%)"
        + " x amount, urgency for a close within 30 days and for stuck deals%n", TOP);
    Scorer blend = CompositeScorer.builder().id("historical-and-bant")
        .add(HistoricalWinRateScorer.of(), 0.6)
        .add(QualificationScorecard.bant(), 0.4)
        .build();
    Ranking top = Prioritiser.of(blend).withUrgency(Urgency.of(0.5, 30, 0.25))
        .top(TOP, deals, ScoringContext.of(sample.pipeline(), asOf).withHistory(deals));
    out.print(top);

    out.println();
    out.println("== HTML report (one self-contained file: open it in a browser, or print it)");
    Path written = HtmlReport.of("Sales pipeline review, 2025", metrics, top).writeTo(reportFile);
    out.println("  written to " + written.toAbsolutePath().normalize());
  }

  /** What the sample holds: events, skips, backward moves, reopens, lost reasons, owners. */
  private void describe(List<Deal> deals) {
    Pipeline standard = pipeline;
    long events = 0;
    long skips = 0;
    long backward = 0;
    long reopens = 0;
    Map<String, Integer> lostReasons = new TreeMap<>();
    Map<String, Integer> owners = new TreeMap<>();
    for (Deal deal : deals) {
      events += deal.history().size();
      owners.merge(deal.owner(), 1, Integer::sum);
      for (DealEvent e : deal.history()) {
        if (e instanceof DealEvent.StageChanged c) {
          int from = standard.stage(c.fromStageId()).get().order();
          int to = standard.stage(c.toStageId()).get().order();
          skips += to > from + 1 ? 1 : 0;
          backward += to < from ? 1 : 0;
        } else if (e instanceof DealEvent.Reopened) {
          reopens++;
        } else if (e instanceof DealEvent.Lost lost) {
          lostReasons.merge(lost.reason(), 1, Integer::sum);
        }
      }
    }
    out.printf(Locale.ROOT, "  %,d events: %,d skipped stages, %,d backward moves, %,d reopens%n", events, skips,
        backward, reopens);
    out.println("  lost reasons: " + lostReasons);
    out.println("  deals per owner: " + owners);
  }

  private Deal step(Deal deal, Either<Rejection, Change> result, String what) {
    if (result.isLeft()) {
      out.printf("  REFUSED %-40s %s [%s]%n", what, result.getLeft().message(), result.getLeft().code());
      return deal;
    }
    Deal next = result.get().deal();
    out.printf("  ok      %-40s now %s, %s%n", what, next.stageId(), next.status());
    return next;
  }

  private static Deal accept(Either<Rejection, Change> result) {
    return result.getOrElseThrow(r -> new IllegalStateException("bug: demo deal refused: " + r.message())).deal();
  }

  private static Instant day(int n) {
    return MONDAY.plus(Duration.ofDays(n));
  }
}
