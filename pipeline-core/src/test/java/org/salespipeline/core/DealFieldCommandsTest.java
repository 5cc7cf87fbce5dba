package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Commands that change a deal's fields but not its stage. */
class DealFieldCommandsTest {

  @Test
  void changeAmount_sameCurrency_replacesTheAmount() {
    Change change = accepted(STANDARD.changeAmount(prospect(), Money.parse("52000.50", "EUR"), day(1)));

    assertThat(change.deal().amount()).isEqualTo(Option.some(Money.parse("52000.50", "EUR")));
    assertThat(change.events()).containsExactly(
        new DealEvent.AmountChanged("D-1", Option.some(Money.parse("52000.50", "EUR")), day(1)));
  }

  @Test
  void changeAmount_toZero_isAccepted() {
    assertThat(accepted(STANDARD.changeAmount(prospect(), Money.parse("0", "EUR"), day(1))).deal().amount().get().isZero())
        .isTrue();
  }

  @Test
  void clearAmount_thenAnotherCurrency_isAccepted() {
    Deal cleared = accepted(STANDARD.clearAmount(prospect(), day(1))).deal();
    Deal inUsd = accepted(STANDARD.changeAmount(cleared, Money.parse("50000", "USD"), day(2))).deal();

    assertThat(cleared.amount().isEmpty()).isTrue();
    assertThat(inUsd.amount()).isEqualTo(Option.some(Money.parse("50000", "USD")));
  }

  @Test
  void changeAmount_ofAWonDeal_isAccepted() {
    Deal won = accepted(STANDARD.win(prospect(), day(1))).deal();

    Deal changed = accepted(STANDARD.changeAmount(won, Money.parse("47000", "EUR"), day(2))).deal();

    assertThat(changed.amount().get()).isEqualTo(Money.parse("47000", "EUR"));
    assertThat(changed.status()).isEqualTo(DealStatus.WON);
  }

  @Test
  void qualify_recordsTheNewQualification() {
    Change change = accepted(STANDARD.qualify(prospect(), QUALIFIED, day(1)));

    assertThat(change.deal().qualification()).isEqualTo(QUALIFIED);
    assertThat(change.events()).containsExactly(new DealEvent.QualificationUpdated("D-1", QUALIFIED, day(1)));
  }

  @Test
  void setAndClearAttribute_keepInsertionOrderAndRemoveTheKey() {
    Deal deal = accepted(STANDARD.setAttribute(prospect(), "source", "web", day(1))).deal();
    deal = accepted(STANDARD.setAttribute(deal, "segment", "SMB", day(1))).deal();
    deal = accepted(STANDARD.setAttribute(deal, "source", "event", day(2))).deal();

    assertThat(deal.attributes()).containsExactly(Map.entry("source", "event"), Map.entry("segment", "SMB"));

    Change cleared = accepted(STANDARD.clearAttribute(deal, "source", day(3)));

    assertThat(cleared.deal().attributes()).containsExactly(Map.entry("segment", "SMB"));
    assertThat(cleared.events()).containsExactly(new DealEvent.AttributeChanged("D-1", "source", Option.none(), day(3)));
  }

  @Test
  void setAndClearExpectedClose_areRecorded() {
    Deal dated = accepted(STANDARD.setExpectedClose(prospect(), LocalDate.of(2026, 6, 30), day(1))).deal();
    Deal undated = accepted(STANDARD.clearExpectedClose(dated, day(2))).deal();

    assertThat(dated.expectedClose()).isEqualTo(Option.some(LocalDate.of(2026, 6, 30)));
    assertThat(undated.expectedClose().isEmpty()).isTrue();
  }

  @Test
  void overrideAndClearProbability_areRecorded() {
    Deal overridden = accepted(STANDARD.overrideProbability(prospect(), 0.35, day(1))).deal();
    Deal cleared = accepted(STANDARD.clearProbabilityOverride(overridden, day(2))).deal();

    assertThat(overridden.probabilityOverride()).isEqualTo(Option.some(0.35));
    assertThat(cleared.probabilityOverride().isEmpty()).isTrue();
    assertThat(STANDARD.probabilityOf(cleared)).isEqualTo(0.1);
  }

  @Test
  void reassign_changesTheOwner() {
    Change change = accepted(STANDARD.reassign(prospect(), "bo", day(1)));

    assertThat(change.deal().owner()).isEqualTo("bo");
    assertThat(change.events()).containsExactly(new DealEvent.OwnerChanged("D-1", "bo", day(1)));
  }

  @Test
  void recordActivity_movesLastActivityButNotTheStage() {
    Change change = accepted(STANDARD.recordActivity(prospect(), day(4)));

    assertThat(change.deal().lastActivityAt()).isEqualTo(day(4));
    assertThat(change.deal().stageId()).isEqualTo("prospecting");
    assertThat(change.deal().enteredCurrentStageAt()).isEqualTo(Fixtures.T0);
  }

  static Stream<Arguments> fieldCommands() {
    return Stream.of(
        command("changeAmount", (d, at) -> STANDARD.changeAmount(d, Money.parse("1", "EUR"), at)),
        command("clearAmount", STANDARD::clearAmount),
        command("qualify", (d, at) -> STANDARD.qualify(d, QUALIFIED, at)),
        command("setAttribute", (d, at) -> STANDARD.setAttribute(d, "k", "v", at)),
        command("clearAttribute", (d, at) -> STANDARD.clearAttribute(d, "k", at)),
        command("setExpectedClose", (d, at) -> STANDARD.setExpectedClose(d, LocalDate.of(2026, 1, 1), at)),
        command("clearExpectedClose", STANDARD::clearExpectedClose),
        command("overrideProbability", (d, at) -> STANDARD.overrideProbability(d, 0.5, at)),
        command("clearProbabilityOverride", STANDARD::clearProbabilityOverride),
        command("reassign", (d, at) -> STANDARD.reassign(d, "bo", at)),
        command("recordActivity", STANDARD::recordActivity),
        command("overrideForecastCategory", (d, at) -> STANDARD.overrideForecastCategory(d, ForecastCategory.COMMIT, at)),
        command("clearForecastCategoryOverride", STANDARD::clearForecastCategoryOverride));
  }

  private static Arguments command(String name, BiFunction<Deal, Instant, Either<Rejection, Change>> command) {
    return Arguments.of(name, command);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldCommands")
  void fieldCommand_beforeTheLastEvent_isRejected(String name, BiFunction<Deal, Instant, Either<Rejection, Change>> command) {
    Deal deal = accepted(STANDARD.move(prospect(), "qualification", day(5))).deal();

    Rejection rejection = rejected(command.apply(deal, day(4)));

    assertThat(rejection).isEqualTo(new Rejection.BeforeLastEvent("D-1", day(4), day(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldCommands")
  void fieldCommand_accepted_appendsExactlyOneEventAtItsInstant(String name,
      BiFunction<Deal, Instant, Either<Rejection, Change>> command) {
    Deal before = prospect();

    Change change = accepted(command.apply(before, day(1)));

    assertThat(change.events()).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(day(1)));
    assertThat(change.deal().history()).startsWith(before.history().toArray(DealEvent[]::new)).hasSize(2);
    assertThat(change.deal().stageId()).isEqualTo(before.stageId());
  }
}
