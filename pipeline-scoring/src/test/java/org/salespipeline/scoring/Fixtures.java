package org.salespipeline.scoring;

import java.time.Instant;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;

/** Small hand-made deals over a pipeline without entry criteria: Odoo's stages at 10 %, 40 %, 70 %. */
final class Fixtures {

  static final Pipeline PIPELINE = Pipeline.builder("simple", "Simple")
      .openStage(org.salespipeline.core.Stage.open("new", "New").withProbability(0.1))
      .openStage(org.salespipeline.core.Stage.open("qualified", "Qualified").withProbability(0.4))
      .openStage(org.salespipeline.core.Stage.open("proposition", "Proposition").withProbability(0.7))
      .wonStage(org.salespipeline.core.Stage.won("won", "Won"))
      .lostStage(org.salespipeline.core.Stage.lost("lost", "Lost"))
      .build();
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-02-01T00:00:00Z");
  static final Instant AS_OF = Instant.parse("2025-03-01T00:00:00Z");

  private Fixtures() {}

  /**
   * The context of {@link #PIPELINE} as of {@link #AS_OF}, without history: built anew at each
   * call, inside the test that asks, so that PIT credits that test with the scoring code it runs
   * (a context built at class load is covered by no test).
   */
  static ScoringContext context() {
    return ScoringContext.of(PIPELINE, AS_OF);
  }

  static Deal deal(String id, String stage) {
    return PIPELINE.open(NewDeal.of(id).withTitle(id).withStage(stage), T0).get().deal();
  }

  static Deal deal(String id, String stage, String amount) {
    return PIPELINE.open(NewDeal.of(id).withTitle(id).withStage(stage).withAmount(Money.parse(amount, "USD")), T0).get()
        .deal();
  }

  static Deal qualified(String id, QualificationLevel b, QualificationLevel a, QualificationLevel n,
      QualificationLevel t, QualificationLevel i) {
    return PIPELINE.open(NewDeal.of(id).withQualification(new Qualification(b, a, n, t, i)), T0).get().deal();
  }

  static Deal won(Deal deal) {
    return PIPELINE.win(deal, T1).get().deal();
  }

  static Deal lost(Deal deal) {
    return PIPELINE.lose(deal, "Price", T1).get().deal();
  }

  static Deal attribute(Deal deal, String key, String value) {
    return PIPELINE.setAttribute(deal, key, value, T1).get().deal();
  }
}
