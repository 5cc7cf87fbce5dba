package org.salespipeline.analyst.demo;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;

/**
 * The embedding example of the README, verbatim between the {@code README:begin} and
 * {@code README:end} markers; {@code ReadmeExampleTest} checks that the README shows exactly this
 * code and that it runs, so the README never rots.
 */
public final class ReadmeExample {

  private ReadmeExample() {}

  /**
   * Runs the example and returns what it would print.
   *
   * @return the lines, in order
   */
  public static List<String> run() {
    List<String> out = new ArrayList<>();
    // README:begin
    Pipeline pipeline = Pipeline.standard();
    List<DealEvent> store = new ArrayList<>(); // your storage: append the events of every change

    Change opened = pipeline.open(NewDeal.of("D-42").withTitle("Fleet renewal").withAccount("ACME")
        .withOwner("ana").withAmount(Money.parse("48000.00", "EUR")), Instant.parse("2026-03-02T09:00:00Z")).get();
    store.addAll(opened.events());
    Deal deal = opened.deal();

    // Proposal needs a qualified deal: the move is refused, with every missing criterion named
    Either<Rejection, Change> refused = pipeline.move(deal, "proposal", Instant.parse("2026-03-04T10:00:00Z"));
    out.add(refused.getLeft().code() + ": " + refused.getLeft().message());

    Qualification qualified = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
        QualificationLevel.YES, QualificationLevel.PARTIAL, QualificationLevel.YES);
    Change change = pipeline.qualify(deal, qualified, Instant.parse("2026-03-05T10:00:00Z"))
        .flatMap(c -> c.then(d -> pipeline.move(d, "proposal", Instant.parse("2026-03-05T10:05:00Z"))))
        .get();
    store.addAll(change.events());
    out.add(change.deal().stageId() + " at " + pipeline.probabilityOf(change.deal()));

    // the deal is rebuilt from your stored events alone
    out.add("replayed equal: " + Deal.replay(pipeline, store).equals(change.deal()));
    // README:end
    return out;
  }
}
