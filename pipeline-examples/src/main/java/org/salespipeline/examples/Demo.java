package org.salespipeline.examples;

import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The demo of the README's Quick start: the standard pipeline, and a few deals walked through it,
 * including a refused move and a lost deal with its reason.
 */
public final class Demo {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  private final PrintStream out;
  private final Pipeline pipeline = Pipeline.standard();

  private Demo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the demo, printing to the given stream.
   *
   * @param out where to print, not null
   */
  public static void run(PrintStream out) {
    new Demo(out).walkThrough();
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
        .withOwner("ana").withAmount(Money.of("48000", "EUR")), MONDAY));
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
        .withOwner("bo").withAmount(Money.of("9500", "USD")), MONDAY));
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
