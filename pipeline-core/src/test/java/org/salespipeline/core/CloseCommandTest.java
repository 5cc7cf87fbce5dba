package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.qualifiedProspect;
import static org.salespipeline.core.Fixtures.rejected;
import static org.salespipeline.core.Fixtures.simple;

import io.vavr.control.Option;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Win, lose and reopen. */
class CloseCommandTest {

  private static Deal inNegotiation() {
    return accepted(STANDARD.move(qualifiedProspect(), "negotiation", day(1))).deal();
  }

  @Test
  void win_openDeal_closesItInTheWonStage() {
    Change change = accepted(STANDARD.win(inNegotiation(), day(2)));
    Deal won = change.deal();

    assertThat(change.events()).containsExactly(new DealEvent.Won("D-1", "negotiation", "won", day(2)));
    assertThat(won).extracting(Deal::stageId, Deal::status, Deal::isOpen).containsExactly("won", DealStatus.WON, false);
    assertThat(won.closedAt()).isEqualTo(Option.some(day(2)));
    assertThat(won.closedFromStageId()).isEqualTo(Option.some("negotiation"));
    assertThat(won.status().isClosed()).isTrue();
  }

  @Test
  void win_fromAnyOpenStageByDefault_isAccepted() {
    assertThat(accepted(STANDARD.win(prospect(), day(1))).deal().status()).isEqualTo(DealStatus.WON);
  }

  @Test
  void win_fromAStageThePolicyDoesNotAllow_isRejectedNamingTheAllowedStages() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withWinStages("contract"));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    Rejection rejection = rejected(pipeline.win(deal, day(1)));

    assertThat(rejection).isEqualTo(new Rejection.WinNotAllowed("D-1", "Lead", List.of("Contract")));
    assertThat(rejection.code()).isEqualTo("WIN_NOT_ALLOWED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 cannot be won from Lead: deals are won from Contract.");
  }

  @Test
  void win_wonStageCriteriaNotMet_isRejectedListingThem() {
    Pipeline pipeline = Pipeline.builder("p", "P")
        .openStage(Stage.open("a", "A"))
        .wonStage(Stage.won("won", "Won")
            .withEntryCriterion(EntryCriterion.of("amount", "no amount", d -> d.amount().isDefined()))
            .withEntryCriterion(EntryCriterion.of("owner", "no owner", d -> !d.owner().isEmpty())))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    Rejection rejection = rejected(pipeline.win(deal, day(1)));

    assertThat(rejection.code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(rejection.message()).isEqualTo("Deal D-1 cannot enter Won: no amount; no owner.");
  }

  @Test
  void win_aWonDeal_isDealClosed() {
    Deal won = accepted(STANDARD.win(prospect(), day(1))).deal();

    assertThat(rejected(STANDARD.win(won, day(2)))).isEqualTo(new Rejection.DealClosed("D-1", DealStatus.WON));
  }

  @Test
  void lose_withAReason_closesItInTheLostStageWithTheReasonStripped() {
    Change change = accepted(STANDARD.lose(inNegotiation(), "  Competitor ", day(2)));

    assertThat(change.events()).containsExactly(new DealEvent.Lost("D-1", "negotiation", "lost", "Competitor", day(2)));
    assertThat(change.deal()).extracting(Deal::stageId, Deal::status).containsExactly("lost", DealStatus.LOST);
    assertThat(change.deal().lostReason()).isEqualTo(Option.some("Competitor"));
    assertThat(change.deal().closedFromStageId()).isEqualTo(Option.some("negotiation"));
  }

  @Test
  void lose_withoutAReasonWhenRequired_isRejected() {
    Rejection rejection = rejected(STANDARD.lose(prospect(), "  ", day(1)));

    assertThat(rejection).isEqualTo(new Rejection.LostReasonRequired("D-1", Set.of()));
    assertThat(rejection.code()).isEqualTo("LOST_REASON_REQUIRED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 needs a reason to be marked lost.");
  }

  @Test
  void lose_withoutAReasonWhenRequiredFromAList_namesTheChoices() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withLostReasons("Price", "Competitor"));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    assertThat(rejected(pipeline.lose(deal, "", day(1))).message())
        .isEqualTo("Deal D-1 needs a reason to be marked lost: one of Competitor, Price.");
  }

  @Test
  void lose_withAReasonNotInTheList_isRejectedNamingTheChoices() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withLostReasons("Price", "Competitor"));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    Rejection rejection = rejected(pipeline.lose(deal, "Bad luck", day(1)));

    assertThat(rejection.code()).isEqualTo("LOST_REASON_NOT_ALLOWED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 cannot be lost for 'Bad luck': choose one of Competitor, Price.");
    assertThat(accepted(pipeline.lose(deal, "Price", day(1))).deal().lostReason()).isEqualTo(Option.some("Price"));
  }

  @Test
  void lose_withoutAReasonWhenNotRequired_hasNoLostReason() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withLostReasonRequired(false));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    Deal lost = accepted(pipeline.lose(deal, " ", day(1))).deal();

    assertThat(lost.status()).isEqualTo(DealStatus.LOST);
    assertThat(lost.lostReason()).isEqualTo(Option.none());
  }

  @Test
  void lose_aLostDeal_isDealClosed() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Price", day(1))).deal();

    assertThat(rejected(STANDARD.lose(lost, "Price", day(2))).code()).isEqualTo("DEAL_CLOSED");
  }

  @Test
  void reopen_byDefault_returnsToTheStageItWasClosedFrom() {
    Deal lost = accepted(STANDARD.lose(inNegotiation(), "Timing", day(2))).deal();

    Change change = accepted(STANDARD.reopen(lost, day(3)));

    assertThat(change.events()).containsExactly(new DealEvent.Reopened("D-1", "negotiation", day(3)));
    assertThat(change.deal()).extracting(Deal::stageId, Deal::status).containsExactly("negotiation", DealStatus.OPEN);
    assertThat(change.deal().lostReason().isEmpty()).isTrue();
    assertThat(change.deal().closedAt().isEmpty()).isTrue();
    assertThat(change.deal().closedFromStageId().isEmpty()).isTrue();
  }

  @Test
  void reopen_intoTheClosedFromStage_doesNotRecheckItsCriteria() {
    Deal won = accepted(STANDARD.win(inNegotiation(), day(2))).deal();
    Deal disqualified = accepted(STANDARD.qualify(won, Qualification.UNKNOWN, day(3))).deal();

    assertThat(accepted(STANDARD.reopen(disqualified, "negotiation", day(4))).deal().stageId()).isEqualTo("negotiation");
  }

  @Test
  void reopen_intoAnEarlierStage_isAccepted() {
    Deal won = accepted(STANDARD.win(inNegotiation(), day(2))).deal();

    assertThat(accepted(STANDARD.reopen(won, "qualification", day(3))).deal().stageId()).isEqualTo("qualification");
  }

  @Test
  void reopen_pastProposalWhenUnqualified_isRejectedListingTheCriteria() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Timing", day(1))).deal();

    Rejection rejection = rejected(STANDARD.reopen(lost, "negotiation", day(2)));

    assertThat(rejection.code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(((Rejection.CriteriaNotMet) rejection).failed()).hasSize(4);
  }

  @Test
  void reopen_skippingStagesWhenSkipsForbidden_isRejected() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withSkipForward(false));
    Deal lost = accepted(pipeline.lose(accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal(), "Price", day(1))).deal();

    assertThat(rejected(pipeline.reopen(lost, "contract", day(2))))
        .isEqualTo(new Rejection.SkipNotAllowed("D-1", "Lead", "Contract", List.of("Demo")));
  }

  @Test
  void reopen_intoAnEarlierStageWhenBackwardForbidden_isRejected() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withMoveBackward(false));
    Deal deal = accepted(pipeline.move(accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal(), "demo", day(1))).deal();
    Deal won = accepted(pipeline.win(deal, day(2))).deal();

    assertThat(rejected(pipeline.reopen(won, "lead", day(3))))
        .isEqualTo(new Rejection.BackwardNotAllowed("D-1", "Demo", "Lead"));
    assertThat(accepted(pipeline.reopen(won, day(3))).deal().stageId()).isEqualTo("demo");
  }

  @Test
  void reopen_anOpenDeal_isDealNotClosed() {
    Rejection rejection = rejected(STANDARD.reopen(prospect(), day(1)));

    assertThat(rejection).isEqualTo(new Rejection.DealNotClosed("D-1"));
    assertThat(rejection.code()).isEqualTo("DEAL_NOT_CLOSED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 is still open: only won or lost deals can be reopened.");
  }

  @Test
  void reopen_whenThePolicyKeepsClosedDealsClosed_isRejected() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withReopen(false));
    Deal won = accepted(pipeline.win(accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal(), day(1))).deal();

    Rejection rejection = rejected(pipeline.reopen(won, day(2)));

    assertThat(rejection).isEqualTo(new Rejection.ReopenNotAllowed("D-1"));
    assertThat(rejection.code()).isEqualTo("REOPEN_NOT_ALLOWED");
    assertThat(rejection.message()).contains("cannot be reopened");
  }

  @Test
  void reopen_intoTheWonStageOrAnUnknownStage_isRejected() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Price", day(1))).deal();

    assertThat(rejected(STANDARD.reopen(lost, "won", day(2))).code()).isEqualTo("NOT_AN_OPEN_STAGE");
    assertThat(rejected(STANDARD.reopen(lost, "limbo", day(2))).code()).isEqualTo("UNKNOWN_STAGE");
  }

  @Test
  void reopen_beforeTheClose_isBeforeLastEvent() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Price", day(2))).deal();

    assertThat(rejected(STANDARD.reopen(lost, day(1))).code()).isEqualTo("BEFORE_LAST_EVENT");
  }

  @Test
  void closeReopenClose_recordsEveryStepAndTheLatestClose() {
    Deal lost = accepted(STANDARD.lose(inNegotiation(), "Price", day(2))).deal();
    Deal reopened = accepted(STANDARD.reopen(lost, day(3))).deal();
    Deal won = accepted(STANDARD.win(reopened, day(4))).deal();

    assertThat(won.history()).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Opened", "StageChanged", "Lost", "Reopened", "Won");
    assertThat(won.closedAt()).isEqualTo(Option.some(day(4)));
    assertThat(won.lostReason().isEmpty()).isTrue();
  }
}
