package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.internal.DealCursor;

/**
 * A deal shares its history's arrays with the deals that evolve from it (see {@code History}).
 * These properties run random commands against a tree of deals — each command is applied to any
 * deal made so far, so many deals branch: two commands applied to the same deal — and compare
 * every deal with a plain model, the list of events that made it: its history, its replay and
 * restore, and the in-place reads of {@link DealCursor} must all agree with the list, whatever was
 * appended to the arrays it shares afterwards. Time steps cover whole seconds (compact marks),
 * milliseconds and nanoseconds (wide marks), years (past the compact reach) and decades (past the
 * wide reach).
 */
class SharedHistoryProperties {

  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final List<String> STAGES = List.of("prospecting", "qualification", "proposal", "negotiation",
      "closing", "won", "lost", "nowhere");
  /** Time steps: the first {@value #WHOLE_SECONDS} keep a history compact, the others may widen it. */
  private static final List<Duration> STEPS = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(7),
      Duration.ofDays(9), Duration.ofDays(9 * 366), Duration.ofMillis(1), Duration.ofNanos(1),
      Duration.ofDays(20 * 366));
  private static final int WHOLE_SECONDS = 4;
  private static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);
  private static final int COMMANDS = 15;
  private static final List<ForecastCategory> OVERRIDES = List.of(ForecastCategory.PIPELINE,
      ForecastCategory.BEST_CASE, ForecastCategory.COMMIT, ForecastCategory.OMITTED);

  /** One random command: which deal made so far it applies to, which command, a parameter and a time step. */
  record Step(int parent, int command, int parameter, int step) {
    @Override
    public String toString() {
      return "deal " + parent + ": command " + command + "(" + parameter + ") after " + STEPS.get(step);
    }
  }

  /** A deal and the model of it: the events of every change that made it, in order. */
  record Version(Deal deal, List<DealEvent> events) {}

  private static Gen<Step> steps() {
    return integers().between(0, Integer.MAX_VALUE)
        .zip(integers().between(0, COMMANDS - 1), integers().between(0, 7), integers().between(0, STEPS.size() - 1),
            (parent, command, parameter, step) -> new Step(parent, command, parameter, step));
  }

  @Test
  void everyDealOfATreeOfCommands_equalsTheListOfItsEvents() {
    qt().withExamples(300).forAll(lists().of(steps()).ofSizeBetween(1, 60), integers().between(0, 7))
        .checkAssert((steps, mode) -> check(grow(steps, mode % 4, mode < 4)));
  }

  @Test
  void longChains_andBranchesOfThem_equalTheListOfTheirEvents() {
    // long enough to pass the exact-size arrays and fill and grow spare room several times
    qt().withExamples(40).forAll(lists().of(steps()).ofSizeBetween(100, 400), integers().between(0, 3))
        .checkAssert((steps, mode) -> check(grow(steps, 1 + mode % 2, mode < 2)));
  }

  /**
   * Applies every step to a deal made so far: the latest one, or (as often as {@code branching}
   * says) an earlier one, so that it branches; in whole seconds only, or any step. Checks that a
   * command never changes the deal it is applied to.
   */
  private static List<Version> grow(List<Step> steps, int branching, boolean wholeSeconds) {
    Deal opened = Fixtures.accepted(PIPELINE.open(NewDeal.of("D-1").withTitle("Branches").withOwner("ana")
        .withAmount(Money.parse("100", "EUR")).withAttribute("source", "web"), Fixtures.T0)).deal();
    List<Version> versions = new ArrayList<>();
    versions.add(new Version(opened, opened.history()));
    for (Step step : steps) {
      boolean branch = step.parent() % 8 < branching;
      Version from = branch ? versions.get(step.parent() % versions.size()) : versions.get(versions.size() - 1);
      Instant at = from.deal().lastEventAt().plus(STEPS.get(wholeSeconds ? step.step() % WHOLE_SECONDS : step.step()));
      List<DealEvent> before = from.deal().history();
      Either<Rejection, Change> result = command(from.deal(), step, at);
      assertThat(from.deal().history()).as("a command never changes the deal it is applied to").isEqualTo(before);
      if (result.isRight()) {
        List<DealEvent> events = new ArrayList<>(from.events());
        events.addAll(result.get().events());
        versions.add(new Version(result.get().deal(), List.copyOf(events)));
      }
    }
    return versions;
  }

  private static Either<Rejection, Change> command(Deal deal, Step step, Instant at) {
    int p = step.parameter();
    return switch (step.command()) {
      case 0, 1 -> PIPELINE.move(deal, STAGES.get(p), at);
      case 2 -> PIPELINE.qualify(deal, p % 2 == 0 ? QUALIFIED : Qualification.UNKNOWN, at);
      case 3 -> PIPELINE.win(deal, at);
      case 4 -> PIPELINE.lose(deal, p % 3 == 0 ? "" : "Price " + p, at);
      case 5 -> p % 2 == 0 ? PIPELINE.reopen(deal, at) : PIPELINE.reopen(deal, STAGES.get(p), at);
      case 6 -> PIPELINE.changeAmount(deal, Money.parse(p * 1_000L + ".00", "EUR"), at);
      case 7 -> PIPELINE.clearAmount(deal, at);
      case 8 -> p < 5 ? PIPELINE.setAttribute(deal, "key" + p % 3, "value" + p, at)
          : PIPELINE.clearAttribute(deal, "key" + p % 3, at);
      case 9 -> p < 5 ? PIPELINE.setExpectedClose(deal, LocalDate.of(2026, 4, 1 + p), at)
          : PIPELINE.clearExpectedClose(deal, at);
      case 10 -> p < 5 ? PIPELINE.overrideProbability(deal, p / 8.0, at) : PIPELINE.clearProbabilityOverride(deal, at);
      case 11 -> PIPELINE.reassign(deal, "owner" + p % 3, at);
      case 12 -> p < 4 ? PIPELINE.overrideForecastCategory(deal, OVERRIDES.get(p), at)
          : PIPELINE.clearForecastCategoryOverride(deal, at);
      default -> PIPELINE.recordActivity(deal, at);
    };
  }

  private static void check(List<Version> versions) {
    for (Version version : versions) {
      Deal deal = version.deal();
      List<DealEvent> events = version.events();
      assertThat(deal.history()).isEqualTo(events);
      assertThat(deal.version()).isEqualTo(events.size());
      assertThat(deal.lastEventAt()).isEqualTo(events.get(events.size() - 1).at());
      Deal restored = Deal.restore(events);
      assertThat(restored).isEqualTo(deal).hasSameHashCodeAs(deal);
      assertThat(Deal.replay(PIPELINE, events)).isEqualTo(deal);
      assertThat(restored.attributes()).isEqualTo(deal.attributes());
      assertThat(restored.probabilityOverride()).isEqualTo(deal.probabilityOverride());
      assertThat(restored.forecastCategoryOverride()).isEqualTo(deal.forecastCategoryOverride());
      DealCursor cursor = DealCursor.of(deal);
      assertThat(cursor.size()).isEqualTo(events.size());
      for (int i = 0; i < events.size(); i++) {
        assertThat(cursor.index()).isEqualTo(i);
        Instant at = events.get(i).at();
        assertThat(cursor.compareAt(at)).isZero();
        assertThat(cursor.compareAt(at.plusNanos(1))).isNegative();
        assertThat(cursor.epochMilli()).isEqualTo(at.toEpochMilli());
        assertThat(cursor.enteredStage()).isEqualTo(enteredStage(events.get(i)));
        assertThat(cursor.next()).isEqualTo(i < events.size() - 1);
      }
    }
  }

  /** The model's answer to {@link DealCursor#enteredStage()}. */
  private static String enteredStage(DealEvent event) {
    return switch (event.kind()) {
      case OPENED -> ((DealEvent.Opened) event).stageId();
      case STAGE_CHANGED -> ((DealEvent.StageChanged) event).toStageId();
      case WON -> ((DealEvent.Won) event).wonStageId();
      case LOST -> ((DealEvent.Lost) event).lostStageId();
      case REOPENED -> ((DealEvent.Reopened) event).toStageId();
      case AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, PROBABILITY_OVERRIDDEN,
          OWNER_CHANGED, ACTIVITY_RECORDED, FORECAST_CATEGORY_OVERRIDDEN -> null;
    };
  }
}
