package org.salespipeline.metrics;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Rejection;
import org.salespipeline.core.Stage;

/**
 * Writes small deal histories for hand-computed tests: times are days after {@link #T0}, every
 * step goes through the real state machine and fails the test if it is rejected.
 */
final class Script {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** Open stages a (10%), b (30%, rots after 30 days), c (60%); then won or lost. */
  static final Pipeline SIMPLE = Pipeline.builder("simple", "Simple")
      .openStage(Stage.open("a", "A").withProbability(0.1))
      .openStage(Stage.open("b", "B").withProbability(0.3).withRottingAfter(Duration.ofDays(30)))
      .openStage(Stage.open("c", "C").withProbability(0.6))
      .wonStage(Stage.won("won", "Won"))
      .lostStage(Stage.lost("lost", "Lost"))
      .build();

  private final Pipeline pipeline;
  private Deal deal;

  private Script(Pipeline pipeline, Deal deal) {
    this.pipeline = pipeline;
    this.deal = deal;
  }

  static Instant day(double days) {
    return T0.plusMillis(Math.round(days * 86_400_000L));
  }

  static Script open(String id, String stage, double day) {
    return open(SIMPLE, NewDeal.of(id).withStage(stage), day);
  }

  static Script open(String id, String stage, double day, String amount, String currency) {
    return open(SIMPLE, NewDeal.of(id).withStage(stage).withAmount(Money.parse(amount, currency)), day);
  }

  static Script open(Pipeline pipeline, NewDeal draft, double day) {
    return new Script(pipeline, check(pipeline.open(draft, day(day))));
  }

  Script move(String stage, double day) {
    deal = check(pipeline.move(deal, stage, day(day)));
    return this;
  }

  Script win(double day) {
    deal = check(pipeline.win(deal, day(day)));
    return this;
  }

  Script lose(double day) {
    deal = check(pipeline.lose(deal, "Price", day(day)));
    return this;
  }

  Script reopen(double day) {
    deal = check(pipeline.reopen(deal, day(day)));
    return this;
  }

  Script override(double probability, double day) {
    deal = check(pipeline.overrideProbability(deal, probability, day(day)));
    return this;
  }

  Script category(ForecastCategory category, double day) {
    deal = check(pipeline.overrideForecastCategory(deal, category, day(day)));
    return this;
  }

  Script clearCategory(double day) {
    deal = check(pipeline.clearForecastCategoryOverride(deal, day(day)));
    return this;
  }

  Script expectedClose(String date, double day) {
    deal = check(pipeline.setExpectedClose(deal, LocalDate.parse(date), day(day)));
    return this;
  }

  Script owner(String owner, double day) {
    deal = check(pipeline.reassign(deal, owner, day(day)));
    return this;
  }

  Script attribute(String key, String value, double day) {
    deal = check(pipeline.setAttribute(deal, key, value, day(day)));
    return this;
  }

  Script amount(String amount, String currency, double day) {
    deal = check(pipeline.changeAmount(deal, Money.parse(amount, currency), day(day)));
    return this;
  }

  Script clearAmount(double day) {
    deal = check(pipeline.clearAmount(deal, day(day)));
    return this;
  }

  Script clearExpectedClose(double day) {
    deal = check(pipeline.clearExpectedClose(deal, day(day)));
    return this;
  }

  Script activity(double day) {
    deal = check(pipeline.recordActivity(deal, day(day)));
    return this;
  }

  Deal deal() {
    return deal;
  }

  private static Deal check(Either<Rejection, Change> result) {
    if (result.isLeft()) {
      throw new AssertionError("rejected: " + result.getLeft().message());
    }
    return result.get().deal();
  }
}
