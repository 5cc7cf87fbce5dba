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
import static org.salespipeline.core.Fixtures.simple;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of programmer errors (SPEC §3.3, §8): each throws at once, names the parameter and
 * never comes back as a rejection.
 */
class ProgrammerErrorTest {

  private static final Deal DEAL = prospect();

  static Stream<Arguments> nullArguments() {
    return Stream.of(
        nul("open draft", "draft", () -> STANDARD.open(null, T0)),
        nul("open at", "at", () -> STANDARD.open(NewDeal.of("D-9"), null)),
        nul("move deal", "deal", () -> STANDARD.move(null, "qualification", T0)),
        nul("move stageId", "stageId", () -> STANDARD.move(DEAL, null, T0)),
        nul("move at", "at", () -> STANDARD.move(DEAL, "qualification", null)),
        nul("win deal", "deal", () -> STANDARD.win(null, T0)),
        nul("win at", "at", () -> STANDARD.win(DEAL, null)),
        nul("lose deal", "deal", () -> STANDARD.lose(null, "Price", T0)),
        nul("lose reason", "reason", () -> STANDARD.lose(DEAL, null, T0)),
        nul("lose at", "at", () -> STANDARD.lose(DEAL, "Price", null)),
        nul("reopen deal", "deal", () -> STANDARD.reopen(null, T0)),
        nul("reopen at", "at", () -> STANDARD.reopen(DEAL, null)),
        nul("reopen stageId", "stageId", () -> STANDARD.reopen(DEAL, null, T0)),
        nul("changeAmount amount", "amount", () -> STANDARD.changeAmount(DEAL, null, T0)),
        nul("changeAmount at", "at", () -> STANDARD.changeAmount(DEAL, Money.parse("1", "EUR"), null)),
        nul("clearAmount at", "at", () -> STANDARD.clearAmount(DEAL, null)),
        nul("qualify qualification", "qualification", () -> STANDARD.qualify(DEAL, null, T0)),
        nul("qualify at", "at", () -> STANDARD.qualify(DEAL, QUALIFIED, null)),
        nul("setAttribute key", "key", () -> STANDARD.setAttribute(DEAL, null, "v", T0)),
        nul("setAttribute value", "value", () -> STANDARD.setAttribute(DEAL, "k", null, T0)),
        nul("clearAttribute key", "key", () -> STANDARD.clearAttribute(DEAL, null, T0)),
        nul("setExpectedClose date", "date", () -> STANDARD.setExpectedClose(DEAL, null, T0)),
        nul("clearExpectedClose at", "at", () -> STANDARD.clearExpectedClose(DEAL, null)),
        nul("overrideProbability at", "at", () -> STANDARD.overrideProbability(DEAL, 0.5, null)),
        nul("clearProbabilityOverride deal", "deal", () -> STANDARD.clearProbabilityOverride(null, T0)),
        nul("reassign owner", "owner", () -> STANDARD.reassign(DEAL, null, T0)),
        nul("recordActivity at", "at", () -> STANDARD.recordActivity(DEAL, null)),
        nul("probabilityOf deal", "deal", () -> STANDARD.probabilityOf(null)),
        nul("furthestOpenStage deal", "deal", () -> STANDARD.furthestOpenStage(null)),
        nul("rottingClock asOf", "asOf", () -> STANDARD.rottingClock(DEAL, null)),
        nul("isRotting deal", "deal", () -> STANDARD.isRotting(null, T0)),
        nul("stage stageId", "stageId", () -> STANDARD.stage(null)),
        nul("replay pipeline", "pipeline", () -> Deal.replay(null, DEAL.history())),
        nul("replay events", "events", () -> Deal.replay(STANDARD, null)),
        nul("asOf asOf", "asOf", () -> DEAL.asOf(null)),
        nul("cumulativeTimeIn stageId", "stageId", () -> DEAL.cumulativeTimeIn(null, T0)),
        nul("timeInCurrentStage asOf", "asOf", () -> DEAL.timeInCurrentStage(null)),
        nul("NewDeal id", "id", () -> NewDeal.of(null)),
        nul("NewDeal title", "title", () -> NewDeal.of("D").withTitle(null)),
        nul("NewDeal amount", "amount", () -> NewDeal.of("D").withAmount(null)),
        nul("Qualification budget", "budget", () -> QUALIFIED.withBudget(null)),
        nul("Change events", "events", () -> new Change(DEAL, null)),
        nul("Change.then command", "command", () -> new Change(DEAL, DEAL.history()).then(null)),
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

  @Test
  void changeAmount_negative_throwsWithTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.changeAmount(DEAL, Money.parse("-1", "EUR"), day(1)))
        .withMessage("amount must not be negative but was -1.00 EUR");
  }

  @Test
  void newDeal_negativeAmount_throwsWithTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> NewDeal.of("D").withAmount(Money.parse("-0.01", "USD")))
        .withMessage("amount must not be negative but was -0.01 USD");
  }

  @Test
  void changeAmount_otherCurrency_throwsNamingBothCurrencies() {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.changeAmount(DEAL, Money.parse("10", "USD"), day(1)))
        .withMessageStartingWith("amount must be in EUR, the currency of deal D-1, but was in USD");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -0.01, 1.0001, Double.POSITIVE_INFINITY})
  void overrideProbability_outOfRange_throwsWithTheValue(double probability) {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.overrideProbability(DEAL, probability, day(1)))
        .withMessage("probability must be within [0, 1] but was " + probability);
  }

  @Test
  void overrideProbability_bounds_areAccepted() {
    assertThat(accepted(STANDARD.overrideProbability(DEAL, 0.0, day(1))).deal().probabilityOverride()).isEqualTo(Option.some(0.0));
    assertThat(accepted(STANDARD.overrideProbability(DEAL, 1.0, day(1))).deal().probabilityOverride()).isEqualTo(Option.some(1.0));
  }

  @Test
  void commands_dealOfAnotherPipeline_throwNamingBothPipelines() {
    Pipeline other = simple(TransitionPolicy.defaults());

    assertThatIllegalArgumentException().isThrownBy(() -> other.move(DEAL, "demo", day(1)))
        .withMessage("deal D-1 belongs to pipeline 'standard', not to 'simple'");
    assertThatIllegalArgumentException().isThrownBy(() -> other.probabilityOf(DEAL)).withMessageContaining("'standard'");
    assertThatIllegalArgumentException().isThrownBy(() -> other.recordActivity(DEAL, day(1)))
        .withMessageContaining("'standard'");
  }

  @Test
  void blankKeysAndIds_throwNamingTheParameter() {
    assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.setAttribute(DEAL, " ", "v", day(1)))
        .withMessage("key must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> NewDeal.of(""))
        .withMessage("id must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> EntryCriterion.of("budget", " ", d -> true))
        .withMessage("reason must not be blank");
  }

  @Test
  void timeInCurrentStage_beforeEntering_throwsWithBothInstants() {
    assertThatIllegalArgumentException().isThrownBy(() -> DEAL.timeInCurrentStage(T0.minusSeconds(1)))
        .withMessage("asOf must not be before " + T0 + " but was " + T0.minusSeconds(1));
  }

  @Test
  void change_withoutEvents_throws() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Change(DEAL, List.of()))
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
}
