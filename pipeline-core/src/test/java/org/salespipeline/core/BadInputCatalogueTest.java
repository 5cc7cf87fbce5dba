package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.rejected;
import static org.salespipeline.core.Fixtures.simple;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input catalogue of pipeline-core (SPEC §8): extreme and inconsistent input to every
 * command and query, each answered exactly: a typed rejection, an exception naming the problem, or
 * a correct answer. It begins with the programmer errors (SPEC §3.3): null and out-of-range arguments of every
 * public method throw at once naming the parameter. Pipeline definitions in {@link PipelineBuilderTest}; stored histories
 * in {@link ReplayTest}; random command sequences in {@link DealStateMachineProperties}.
 */
class BadInputCatalogueTest {

  private static final Pipeline SIMPLE = simple(TransitionPolicy.defaults());

  // ------------------------------------------------------------------ time running backwards

  // ------------------------------------------------------------------ programmer errors: null and out of range

  static Stream<Arguments> nullArguments() {
    return Stream.of(
        nul("open draft", "draft", () -> STANDARD.open(null, T0)),
        nul("open at", "at", () -> STANDARD.open(NewDeal.of("D-9"), null)),
        nul("move deal", "deal", () -> STANDARD.move(null, "qualification", T0)),
        nul("move stageId", "stageId", () -> STANDARD.move(prospect(), null, T0)),
        nul("move at", "at", () -> STANDARD.move(prospect(), "qualification", null)),
        nul("win deal", "deal", () -> STANDARD.win(null, T0)),
        nul("win at", "at", () -> STANDARD.win(prospect(), null)),
        nul("lose deal", "deal", () -> STANDARD.lose(null, "Price", T0)),
        nul("lose reason", "reason", () -> STANDARD.lose(prospect(), null, T0)),
        nul("lose at", "at", () -> STANDARD.lose(prospect(), "Price", null)),
        nul("reopen deal", "deal", () -> STANDARD.reopen(null, T0)),
        nul("reopen at", "at", () -> STANDARD.reopen(prospect(), null)),
        nul("reopen stageId", "stageId", () -> STANDARD.reopen(prospect(), null, T0)),
        nul("changeAmount amount", "amount", () -> STANDARD.changeAmount(prospect(), null, T0)),
        nul("changeAmount at", "at", () -> STANDARD.changeAmount(prospect(), Money.parse("1", "EUR"), null)),
        nul("clearAmount at", "at", () -> STANDARD.clearAmount(prospect(), null)),
        nul("qualify qualification", "qualification", () -> STANDARD.qualify(prospect(), null, T0)),
        nul("qualify at", "at", () -> STANDARD.qualify(prospect(), QUALIFIED, null)),
        nul("setAttribute key", "key", () -> STANDARD.setAttribute(prospect(), null, "v", T0)),
        nul("setAttribute value", "value", () -> STANDARD.setAttribute(prospect(), "k", null, T0)),
        nul("clearAttribute key", "key", () -> STANDARD.clearAttribute(prospect(), null, T0)),
        nul("setExpectedClose date", "date", () -> STANDARD.setExpectedClose(prospect(), null, T0)),
        nul("clearExpectedClose at", "at", () -> STANDARD.clearExpectedClose(prospect(), null)),
        nul("overrideProbability at", "at", () -> STANDARD.overrideProbability(prospect(), 0.5, null)),
        nul("clearProbabilityOverride deal", "deal", () -> STANDARD.clearProbabilityOverride(null, T0)),
        nul("reassign owner", "owner", () -> STANDARD.reassign(prospect(), null, T0)),
        nul("recordActivity at", "at", () -> STANDARD.recordActivity(prospect(), null)),
        nul("overrideForecastCategory deal", "deal", () -> STANDARD.overrideForecastCategory(null, ForecastCategory.COMMIT, T0)),
        nul("overrideForecastCategory category", "category", () -> STANDARD.overrideForecastCategory(prospect(), null, T0)),
        nul("overrideForecastCategory at", "at", () -> STANDARD.overrideForecastCategory(prospect(), ForecastCategory.COMMIT, null)),
        nul("clearForecastCategoryOverride deal", "deal", () -> STANDARD.clearForecastCategoryOverride(null, T0)),
        nul("clearForecastCategoryOverride at", "at", () -> STANDARD.clearForecastCategoryOverride(prospect(), null)),
        nul("forecastCategoryOf deal", "deal", () -> STANDARD.forecastCategoryOf(null)),
        nul("probabilityOf deal", "deal", () -> STANDARD.probabilityOf(null)),
        nul("furthestOpenStage deal", "deal", () -> STANDARD.furthestOpenStage(null)),
        nul("rottingClock asOf", "asOf", () -> STANDARD.rottingClock(prospect(), null)),
        nul("isRotting deal", "deal", () -> STANDARD.isRotting(null, T0)),
        nul("stage stageId", "stageId", () -> STANDARD.stage(null)),
        nul("replay pipeline", "pipeline", () -> Deal.replay(null, prospect().history())),
        nul("replay events", "events", () -> Deal.replay(STANDARD, null)),
        nul("asOf asOf", "asOf", () -> prospect().asOf(null)),
        nul("cumulativeTimeIn stageId", "stageId", () -> prospect().cumulativeTimeIn(null, T0)),
        nul("timeInCurrentStage asOf", "asOf", () -> prospect().timeInCurrentStage(null)),
        nul("NewDeal id", "id", () -> NewDeal.of(null)),
        nul("NewDeal title", "title", () -> NewDeal.of("D").withTitle(null)),
        nul("NewDeal amount", "amount", () -> NewDeal.of("D").withAmount(null)),
        nul("Qualification budget", "budget", () -> QUALIFIED.withBudget(null)),
        nul("Change events", "events", () -> new Change(prospect(), null)),
        nul("Change.then command", "command", () -> new Change(prospect(), prospect().history()).then(null)),
        nul("EntryCriterion test", "test", () -> EntryCriterion.of("n", "r", null)),
        nul("StageStay leftAt", "leftAt", () -> new StageStay("a", T0, null)));
  }

  private static Arguments nul(String name, String parameter, ThrowingCallable call) {
    return Arguments.of(name, parameter, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void null_throwsNamingTheParameter(String name, String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(parameter);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -0.01, 1.0001, Double.POSITIVE_INFINITY})
  void overrideProbability_outOfRange_throwsWithTheValue(double probability) {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.overrideProbability(prospect(), probability, day(1)))
        .withMessage("probability must be within [0, 1] but was " + probability);
  }

  @Test
  void overrideProbability_bounds_areAccepted() {
    assertThat(accepted(STANDARD.overrideProbability(prospect(), 0.0, day(1))).deal().probabilityOverride()).isEqualTo(Option.some(0.0));
    assertThat(accepted(STANDARD.overrideProbability(prospect(), 1.0, day(1))).deal().probabilityOverride()).isEqualTo(Option.some(1.0));
  }

  @Test
  void blankKeysAndIds_throwNamingTheParameter() {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.setAttribute(prospect(), " ", "v", day(1)))
        .withMessage("key must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> NewDeal.of(""))
        .withMessage("id must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> EntryCriterion.of("budget", " ", d -> true))
        .withMessage("reason must not be blank");
  }

  @Test
  void change_withoutEvents_throws() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Change(prospect(), List.of()))
        .withMessage("events must not be empty");
  }

  @Test
  void stageStay_leavingBeforeEntering_throws() {
    assertThatIllegalArgumentException().isThrownBy(() -> new StageStay("a", day(2), Option.some(day(1))))
        .withMessageContaining("leftAt must not be before enteredAt");
  }

  @Test
  void newDeal_blankAttributeKey_throws() {
    assertThatIllegalArgumentException().isThrownBy(() -> NewDeal.of("D").withAttribute("", "x"))
        .withMessage("key must not be blank");
    assertThat(NewDeal.of("D").withExpectedClose(LocalDate.of(2026, 1, 1)).expectedClose().isDefined()).isTrue();
  }

  static Stream<Arguments> everyCommand() {
    Deal open = prospect();
    Deal lost = accepted(STANDARD.lose(open, "Price", day(1))).deal();
    return Stream.of(
        command("move", open, d -> STANDARD.move(d, "qualification", T0.minusSeconds(1))),
        command("win", open, d -> STANDARD.win(d, T0.minusSeconds(1))),
        command("lose", open, d -> STANDARD.lose(d, "Price", T0.minusSeconds(1))),
        command("reopen", lost, d -> STANDARD.reopen(d, T0)),
        command("reopen to stage", lost, d -> STANDARD.reopen(d, "qualification", T0)),
        command("changeAmount", open, d -> STANDARD.changeAmount(d, Money.parse("1", "EUR"), T0.minusNanos(1))),
        command("clearAmount", open, d -> STANDARD.clearAmount(d, Instant.MIN)),
        command("qualify", open, d -> STANDARD.qualify(d, QUALIFIED, T0.minusSeconds(1))),
        command("setAttribute", open, d -> STANDARD.setAttribute(d, "source", "web", T0.minusSeconds(1))),
        command("clearAttribute", open, d -> STANDARD.clearAttribute(d, "source", T0.minusSeconds(1))),
        command("setExpectedClose", open, d -> STANDARD.setExpectedClose(d, LocalDate.of(2026, 5, 1), T0.minusSeconds(1))),
        command("clearExpectedClose", open, d -> STANDARD.clearExpectedClose(d, T0.minusSeconds(1))),
        command("overrideProbability", open, d -> STANDARD.overrideProbability(d, 0.5, T0.minusSeconds(1))),
        command("clearProbabilityOverride", open, d -> STANDARD.clearProbabilityOverride(d, T0.minusSeconds(1))),
        command("reassign", open, d -> STANDARD.reassign(d, "bo", T0.minusSeconds(1))),
        command("recordActivity", open, d -> STANDARD.recordActivity(d, T0.minusSeconds(1))),
        command("overrideForecastCategory", open,
            d -> STANDARD.overrideForecastCategory(d, ForecastCategory.COMMIT, T0.minusSeconds(1))),
        command("clearForecastCategoryOverride", open, d -> STANDARD.clearForecastCategoryOverride(d, T0.minusSeconds(1))));
  }

  private static Arguments command(String name, Deal deal, Function<Deal, Either<Rejection, Change>> command) {
    return Arguments.of(name, deal, command);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyCommand_beforeTheLastEvent_isRejectedNamingBothInstants_andChangesNothing(
      String name, Deal deal, Function<Deal, Either<Rejection, Change>> command) {
    Deal before = Deal.replay(STANDARD, deal.history());

    Rejection rejection = rejected(command.apply(deal));

    assertThat(rejection).isInstanceOfSatisfying(Rejection.BeforeLastEvent.class, r -> {
      assertThat(r.dealId()).isEqualTo("D-1");
      assertThat(r.lastEventAt()).isEqualTo(deal.lastEventAt());
      assertThat(r.at()).isBefore(deal.lastEventAt());
    });
    assertThat(rejection.message()).contains("cannot change at").contains("already goes up to " + deal.lastEventAt());
    assertThat(deal).isEqualTo(before);
  }

  @Test
  void commandAtTheSameInstantAsTheLastEvent_isAccepted_timeDoesNotRunBackwards() {
    Deal deal = prospect();

    Deal moved = accepted(STANDARD.move(deal, "qualification", T0)).deal();

    assertThat(moved.history()).extracting(DealEvent::at).containsOnly(T0);
    assertThat(moved.stays()).extracting(StageStay::stageId).containsExactly("prospecting", "qualification");
    assertThat(moved.cumulativeTimeIn("prospecting", day(1))).isEqualTo(Duration.ZERO);
  }

  // ------------------------------------------------------------------ Instant.MIN and Instant.MAX

  @Test
  void dealFromInstantMinToInstantMax_everyQueryAnswersExactly() {
    Deal opened = accepted(SIMPLE.open(NewDeal.of("EDGE").withStage("lead"), Instant.MIN)).deal();
    Deal moved = accepted(SIMPLE.move(opened, "demo", Instant.EPOCH)).deal();
    Deal won = accepted(SIMPLE.win(moved, Instant.MAX)).deal();

    assertThat(won.closedAt()).isEqualTo(Option.some(Instant.MAX));
    assertThat(won.cumulativeTimeIn("lead", Instant.MAX)).isEqualTo(Duration.between(Instant.MIN, Instant.EPOCH));
    assertThat(won.cumulativeTimeIn("demo", Instant.MAX)).isEqualTo(Duration.between(Instant.EPOCH, Instant.MAX));
    assertThat(won.timeInCurrentStage(Instant.MAX)).isEqualTo(Duration.ZERO);
    assertThat(won.asOf(Instant.MIN)).isEqualTo(Option.some(opened));
    assertThat(won.asOf(Instant.MAX)).isEqualTo(Option.some(won));
    assertThat(Deal.replay(SIMPLE, won.history())).isEqualTo(won);
    assertThat(SIMPLE.probabilityOf(won)).isEqualTo(1.0);
    assertThat(SIMPLE.furthestOpenStage(won).id()).isEqualTo("demo");
  }

  @Test
  void dealAtInstantMax_nothingCanFollow_everyLaterCommandIsImpossible() {
    Deal deal = accepted(SIMPLE.open(NewDeal.of("LAST"), Instant.MAX)).deal();

    assertThat(rejected(SIMPLE.move(deal, "demo", Instant.MAX.minusNanos(1))))
        .isInstanceOf(Rejection.BeforeLastEvent.class);
    Deal moved = accepted(SIMPLE.move(deal, "demo", Instant.MAX)).deal(); // the same instant is allowed
    assertThat(moved.timeInCurrentStage(Instant.MAX)).isEqualTo(Duration.ZERO);
    assertThat(SIMPLE.rottingClock(moved, Instant.MAX)).isEqualTo(Option.some(Duration.ZERO));
    assertThat(moved.asOf(Instant.MAX.minusNanos(1))).isEmpty();
  }

  @Test
  void rottingClock_fromInstantMinToInstantMax_isTheWholeRange() {
    Pipeline rotting = Pipeline.builder("rot", "Rot")
        .openStage(Stage.open("lead", "Lead").withRottingAfter(Duration.ofDays(30)))
        .wonStage(Stage.won("won", "Won")).lostStage(Stage.lost("lost", "Lost")).build();
    Deal deal = accepted(rotting.open(NewDeal.of("OLD"), Instant.MIN)).deal();

    assertThat(rotting.rottingClock(deal, Instant.MAX)).isEqualTo(Option.some(Duration.between(Instant.MIN, Instant.MAX)));
    assertThat(rotting.isRotting(deal, Instant.MAX)).isTrue();
    assertThat(rotting.isRotting(deal, Instant.MIN)).isFalse();
  }

  @Test
  void timeInCurrentStage_asOfInstantMinBeforeEntering_throwsWithBothInstants() {
    Deal deal = prospect();

    assertThatIllegalArgumentException().isThrownBy(() -> deal.timeInCurrentStage(Instant.MIN))
        .withMessage("asOf must not be before " + T0 + " but was " + Instant.MIN);
  }

  // ------------------------------------------------------------------ a very long history

  @Test
  void tenThousandStageChanges_everyFigureIsExact_andReplayRebuildsTheDeal() {
    Deal deal = accepted(SIMPLE.open(NewDeal.of("BUSY").withAmount(Money.parse("10", "USD")), T0)).deal();
    for (int i = 1; i <= 10_000; i++) {
      deal = accepted(SIMPLE.move(deal, i % 2 == 1 ? "demo" : "lead", T0.plusSeconds(60L * i))).deal();
    }
    Instant end = T0.plusSeconds(60L * 10_000);

    assertThat(deal.history()).hasSize(10_001);
    assertThat(deal.stays()).hasSize(10_001);
    assertThat(deal.stageId()).isEqualTo("lead");
    assertThat(deal.cumulativeTimeIn("demo", end)).isEqualTo(Duration.ofMinutes(5_000));
    assertThat(deal.cumulativeTimeIn("lead", end.plusSeconds(60))).isEqualTo(Duration.ofMinutes(5_001));
    assertThat(deal.asOf(T0.plusSeconds(60L * 5_000 + 30)).get().history()).hasSize(5_001);
    assertThat(SIMPLE.furthestOpenStage(deal).id()).isEqualTo("demo");
    assertThat(Deal.replay(SIMPLE, deal.history())).isEqualTo(deal);
    assertThat(Deal.restore(deal.history())).isEqualTo(deal);
  }

  // ------------------------------------------------------------------ a deal of another pipeline

  static Stream<Arguments> everyCommandOnADealOfAnotherPipeline() {
    Deal deal = prospect(); // of the standard pipeline
    Deal lost = accepted(STANDARD.lose(deal, "Price", day(1))).deal();
    Instant at = day(2);
    return Stream.of(
        Arguments.of("move", (Runnable) () -> SIMPLE.move(deal, "demo", at)),
        Arguments.of("win", (Runnable) () -> SIMPLE.win(deal, at)),
        Arguments.of("lose", (Runnable) () -> SIMPLE.lose(deal, "Price", at)),
        Arguments.of("reopen", (Runnable) () -> SIMPLE.reopen(lost, at)),
        Arguments.of("reopen to stage", (Runnable) () -> SIMPLE.reopen(lost, "lead", at)),
        Arguments.of("changeAmount", (Runnable) () -> SIMPLE.changeAmount(deal, Money.parse("1", "EUR"), at)),
        Arguments.of("clearAmount", (Runnable) () -> SIMPLE.clearAmount(deal, at)),
        Arguments.of("qualify", (Runnable) () -> SIMPLE.qualify(deal, QUALIFIED, at)),
        Arguments.of("setAttribute", (Runnable) () -> SIMPLE.setAttribute(deal, "k", "v", at)),
        Arguments.of("clearAttribute", (Runnable) () -> SIMPLE.clearAttribute(deal, "k", at)),
        Arguments.of("setExpectedClose", (Runnable) () -> SIMPLE.setExpectedClose(deal, LocalDate.of(2026, 5, 1), at)),
        Arguments.of("clearExpectedClose", (Runnable) () -> SIMPLE.clearExpectedClose(deal, at)),
        Arguments.of("overrideProbability", (Runnable) () -> SIMPLE.overrideProbability(deal, 0.5, at)),
        Arguments.of("clearProbabilityOverride", (Runnable) () -> SIMPLE.clearProbabilityOverride(deal, at)),
        Arguments.of("reassign", (Runnable) () -> SIMPLE.reassign(deal, "bo", at)),
        Arguments.of("recordActivity", (Runnable) () -> SIMPLE.recordActivity(deal, at)),
        Arguments.of("overrideForecastCategory",
            (Runnable) () -> SIMPLE.overrideForecastCategory(deal, ForecastCategory.COMMIT, at)),
        Arguments.of("clearForecastCategoryOverride", (Runnable) () -> SIMPLE.clearForecastCategoryOverride(deal, at)),
        Arguments.of("forecastCategoryOf", (Runnable) () -> SIMPLE.forecastCategoryOf(deal)),
        Arguments.of("furthestOpenStage", (Runnable) () -> SIMPLE.furthestOpenStage(deal)),
        Arguments.of("rottingClock", (Runnable) () -> SIMPLE.rottingClock(deal, at)),
        Arguments.of("isRotting", (Runnable) () -> SIMPLE.isRotting(deal, at)),
        Arguments.of("probabilityOf", (Runnable) () -> SIMPLE.probabilityOf(deal)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommandOnADealOfAnotherPipeline")
  void everyCommand_dealOfAnotherPipeline_throwsNamingBothPipelines(String name, Runnable command) {
    assertThatIllegalArgumentException().isThrownBy(command::run)
        .withMessage("deal D-1 belongs to pipeline 'standard', not to 'simple'");
  }

  // ------------------------------------------------------------------ a stored history broken late

  @Test
  void replay_badEventLateInTheHistory_failsAtItsOwnIndex() {
    Deal deal = accepted(SIMPLE.move(accepted(SIMPLE.move(accepted(SIMPLE.open(NewDeal.of("R"), T0)).deal(), "demo",
        day(1))).deal(), "contract", day(2))).deal();
    List<DealEvent> history = new ArrayList<>(deal.history());
    history.add(new DealEvent.StageChanged("R", "contract", "nowhere", day(3)));

    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidHistoryException.class,
        () -> Deal.replay(SIMPLE, history)).index()).isEqualTo(3);
  }

  // ------------------------------------------------------------------ unknown and wrong stages

  @Test
  void unknownStage_isRejectedNamingStageAndPipeline_inEveryCommandThatTakesOne() {
    Deal deal = prospect();
    Deal lost = accepted(STANDARD.lose(deal, "Price", day(1))).deal();

    for (Either<Rejection, Change> result : List.of(STANDARD.move(deal, "nope", day(1)),
        STANDARD.reopen(lost, "nope", day(2)), STANDARD.open(NewDeal.of("D-2").withStage("nope"), T0))) {
      assertThat(rejected(result)).isInstanceOfSatisfying(Rejection.UnknownStage.class,
          r -> assertThat(r.message()).contains("no stage 'nope'").contains(STANDARD.name()));
    }
    assertThat(STANDARD.stage("nope")).isEmpty();
  }

  @Test
  void terminalStageAsTarget_isRejectedAsNotAnOpenStage() {
    Deal deal = prospect();

    assertThat(rejected(STANDARD.move(deal, STANDARD.wonStage().id(), day(1)))).isInstanceOf(Rejection.NotAnOpenStage.class);
    assertThat(rejected(STANDARD.open(NewDeal.of("D-2").withStage(STANDARD.lostStage().id()), T0)))
        .isInstanceOf(Rejection.NotAnOpenStage.class);
  }

  // ------------------------------------------------------------------ extreme and mixed amounts

  @Test
  void enormousAmount_withinTheLimit_isKeptExactly() {
    Money huge = Money.of(new BigDecimal("9".repeat(Money.MAX_DIGITS) + "." + "9".repeat(Money.MAX_DIGITS)),
        Currency.getInstance("USD"));
    Deal deal = accepted(SIMPLE.open(NewDeal.of("BIG").withAmount(Money.parse("1", "USD")), T0)).deal();

    Deal changed = accepted(SIMPLE.changeAmount(deal, huge, day(1))).deal();

    assertThat(changed.amount().get().amount()).isEqualByComparingTo(huge.amount());
    assertThat(Deal.replay(SIMPLE, changed.history()).amount()).isEqualTo(Option.some(huge));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+10000000", "1E+999999999", "1E-10000000", "-1E+1001"})
  void absurdAmount_isRejectedAtOnce_namingTheLimitAndTheValue(String amount) {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(amount, "USD"))
        .withMessage("amount must have at most 1000 digits before and after the decimal point but was "
            + new BigDecimal(amount));
  }

  @Test
  void absurdAmount_asAPlainNumber_isRejectedWithAShortMessage() {
    String digits = "1" + "0".repeat(5_000);

    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(digits, "USD"))
        .withMessage("amount must have at most 1000 digits before and after the decimal point but was "
            + "10000000000000000000...000000000000 (5001 digits, scale 0)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1,5", "", "1e", "0x10"})
  void notANumber_isRejectedNamingTheText(String amount) {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(amount, "USD"))
        .withMessage("amount must be a decimal number but was '" + amount + "'");
  }

  @Test
  void negativeAmount_throwsInEveryEntryPoint_butZeroIsAPrice() {
    Deal deal = prospect();

    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.changeAmount(deal, Money.parse("-0.01", "EUR"), day(1)))
        .withMessage("amount must not be negative but was -0.01 EUR");
    assertThatIllegalArgumentException().isThrownBy(() -> NewDeal.of("D").withAmount(Money.parse("-1E+30", "EUR")))
        .withMessageStartingWith("amount must not be negative but was -1");
    assertThat(accepted(STANDARD.changeAmount(deal, Money.parse("0", "EUR"), day(1))).deal().amount())
        .isEqualTo(Option.some(Money.parse("0.00", "EUR")));
  }

  @Test
  void mixedCurrencies_throwNamingBoth_neverConverted() {
    Deal deal = prospect(); // in EUR

    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.changeAmount(deal, Money.parse("10", "JPY"), day(1)))
        .withMessageStartingWith("amount must be in EUR, the currency of deal D-1, but was in JPY");
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "EUR").plus(Money.parse("1", "USD")))
        .withMessageContaining("EUR").withMessageContaining("USD");
    Deal unpriced = accepted(STANDARD.clearAmount(deal, day(1))).deal();
    assertThat(accepted(STANDARD.changeAmount(unpriced, Money.parse("10", "JPY"), day(2))).deal().amount())
        .as("a deal without an amount may be priced in a new currency").isEqualTo(Option.some(Money.parse("10", "JPY")));
  }

  // ------------------------------------------------------------------ extreme probabilities and text

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE, 1.0000000000000002})
  void stageProbabilityOutOfRange_throwsWithTheValue(double probability) {
    assertThatIllegalArgumentException().isThrownBy(() -> Stage.open("s", "S").withProbability(probability))
        .withMessageContaining("probability must be within [0, 1] but was " + probability);
  }

  @Test
  void smallestPositiveProbability_isKeptExactly() {
    Deal deal = accepted(STANDARD.overrideProbability(prospect(), Double.MIN_VALUE, day(1))).deal();

    assertThat(STANDARD.probabilityOf(deal)).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void hugeAndUnusualText_isKeptAsGiven() {
    String title = "\u0000\u202e=cmd|' /C calc'!A0 " + "x".repeat(100_000);
    Deal deal = accepted(STANDARD.open(NewDeal.of("ü-\uD83D\uDE00").withTitle(title).withAttribute("k\ne", "v\r\n"), T0))
        .deal();

    assertThat(deal.title()).isEqualTo(title);
    assertThat(deal.id()).isEqualTo("ü-\uD83D\uDE00");
    assertThat(deal.attributes()).containsEntry("k\ne", "v\r\n");
    assertThat(Deal.replay(STANDARD, deal.history())).isEqualTo(deal);
  }

  // ------------------------------------------------------------------ inconsistent histories

  @Test
  void replay_historyOfEventsInReverseOrder_failsAtTheFirstEventOutOfOrder() {
    Deal deal = accepted(SIMPLE.move(accepted(SIMPLE.open(NewDeal.of("R"), T0)).deal(), "demo", day(1))).deal();
    List<DealEvent> reversed = new ArrayList<>(deal.history());
    java.util.Collections.reverse(reversed);

    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidHistoryException.class,
        () -> Deal.replay(SIMPLE, reversed)).index()).isZero();
  }
}
