package org.salespipeline.metrics;

import java.time.Duration;
import java.time.LocalDate;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The pipeline and deal builder of the hand-worked examples of SPEC §4.1 (movement, forecast
 * roll-up, hygiene): times are days after {@link Script#T0} (2025-01-01, UTC).
 */
final class RevenueSample {

  /**
   * Open stages a Prospect (PIPELINE), b Proposal (BEST_CASE, rots after 30 days), c Closing
   * (COMMIT), h Hold (OMITTED); then won (CLOSED) or lost (OMITTED).
   */
  static final Pipeline REVENUE = Pipeline.builder("revenue", "Revenue")
      .openStage(Stage.open("a", "Prospect").withProbability(0.1))
      .openStage(Stage.open("b", "Proposal").withProbability(0.4).withForecastCategory(ForecastCategory.BEST_CASE)
          .withRottingAfter(Duration.ofDays(30)))
      .openStage(Stage.open("c", "Closing").withProbability(0.8).withForecastCategory(ForecastCategory.COMMIT))
      .openStage(Stage.open("h", "Hold").withForecastCategory(ForecastCategory.OMITTED))
      .wonStage(Stage.won("won", "Won"))
      .lostStage(Stage.lost("lost", "Lost"))
      .build();

  private RevenueSample() {}

  /**
   * A deal opened in a stage on a day, with an owner ("" for none), an amount ("" for none) and an
   * expected close date ("" for none), all set when it opens (one event).
   */
  static Script open(String id, String stage, double day, String owner, String amount, String currency,
      String close) {
    NewDeal draft = NewDeal.of(id).withStage(stage).withOwner(owner);
    if (!amount.isEmpty()) {
      draft = draft.withAmount(Money.parse(amount, currency));
    }
    if (!close.isEmpty()) {
      draft = draft.withExpectedClose(LocalDate.parse(close));
    }
    return Script.open(REVENUE, draft, day);
  }
}
