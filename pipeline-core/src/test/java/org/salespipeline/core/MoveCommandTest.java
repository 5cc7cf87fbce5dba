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

import java.util.List;
import org.junit.jupiter.api.Test;

class MoveCommandTest {

  @Test
  void move_toTheNextStage_recordsTheStageChange() {
    Change change = accepted(STANDARD.move(prospect(), "qualification", day(1)));

    assertThat(change.deal().stageId()).isEqualTo("qualification");
    assertThat(change.events()).containsExactly(new DealEvent.StageChanged("D-1", "prospecting", "qualification", day(1)));
    assertThat(change.deal().history()).hasSize(2).endsWith(change.events().get(0));
  }

  @Test
  void move_skippingStagesWhenAllowed_isOneRecordedJump() {
    Change change = accepted(STANDARD.move(qualifiedProspect(), "closing", day(1)));

    assertThat(change.events()).containsExactly(new DealEvent.StageChanged("D-1", "prospecting", "closing", day(1)));
    assertThat(change.deal().stays()).extracting(StageStay::stageId).containsExactly("prospecting", "closing");
  }

  @Test
  void move_skippingStagesWhenForbidden_isRejectedListingTheSkippedStages() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withSkipForward(false));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    Rejection rejection = rejected(pipeline.move(deal, "contract", day(1)));

    assertThat(rejection).isEqualTo(new Rejection.SkipNotAllowed("D-1", "Lead", "Contract", List.of("Demo")));
    assertThat(rejection.code()).isEqualTo("SKIP_NOT_ALLOWED");
    assertThat(rejection.message()).isEqualTo(
        "Deal D-1 cannot jump from Lead to Contract: this pipeline does not allow skipping Demo.");
  }

  @Test
  void move_toTheNextStageWhenSkipsForbidden_isAccepted() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withSkipForward(false));
    Deal deal = accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();

    assertThat(accepted(pipeline.move(deal, "demo", day(1))).deal().stageId()).isEqualTo("demo");
  }

  @Test
  void move_backwardWhenAllowed_isRecorded() {
    Deal deal = accepted(STANDARD.move(qualifiedProspect(), "negotiation", day(1))).deal();

    Change change = accepted(STANDARD.move(deal, "qualification", day(2)));

    assertThat(change.events()).containsExactly(new DealEvent.StageChanged("D-1", "negotiation", "qualification", day(2)));
  }

  @Test
  void move_backwardWhenForbidden_isRejected() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withMoveBackward(false));
    Deal deal = accepted(pipeline.move(accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal(), "contract", day(1))).deal();

    Rejection rejection = rejected(pipeline.move(deal, "lead", day(2)));

    assertThat(rejection).isEqualTo(new Rejection.BackwardNotAllowed("D-1", "Contract", "Lead"));
    assertThat(rejection.code()).isEqualTo("BACKWARD_NOT_ALLOWED");
    assertThat(rejection.message()).contains("cannot move back from Contract to Lead");
  }

  @Test
  void move_backwardIntoAStageWithCriteria_checksThatStagesCriteria() {
    Deal inClosing = accepted(STANDARD.move(qualifiedProspect(), "closing", day(1))).deal();
    Deal disqualified = accepted(STANDARD.qualify(inClosing, Qualification.UNKNOWN, day(2))).deal();

    assertThat(rejected(STANDARD.move(disqualified, "proposal", day(3))).code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(accepted(STANDARD.move(disqualified, "qualification", day(3))).deal().stageId()).isEqualTo("qualification");
  }

  @Test
  void move_toTheCurrentStage_isAlreadyInStage() {
    Rejection rejection = rejected(STANDARD.move(prospect(), "prospecting", day(1)));

    assertThat(rejection).isEqualTo(new Rejection.AlreadyInStage("D-1", "Prospecting"));
    assertThat(rejection.code()).isEqualTo("ALREADY_IN_STAGE");
    assertThat(rejection.message()).isEqualTo("Deal D-1 is already in Prospecting.");
  }

  @Test
  void move_toAnUnknownStage_isRejected() {
    assertThat(rejected(STANDARD.move(prospect(), "Proposal", day(1))).code()).isEqualTo("UNKNOWN_STAGE");
  }

  @Test
  void move_toTheWonOrLostStage_isNotAnOpenStage() {
    assertThat(rejected(STANDARD.move(prospect(), "won", day(1)))).isEqualTo(new Rejection.NotAnOpenStage("D-1", "Won"));
    assertThat(rejected(STANDARD.move(prospect(), "lost", day(1))).code()).isEqualTo("NOT_AN_OPEN_STAGE");
  }

  @Test
  void move_aClosedDeal_isDealClosed() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Price", day(1))).deal();

    Rejection rejection = rejected(STANDARD.move(lost, "qualification", day(2)));

    assertThat(rejection).isEqualTo(new Rejection.DealClosed("D-1", DealStatus.LOST));
    assertThat(rejection.code()).isEqualTo("DEAL_CLOSED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 is lost: reopen it first.");
  }

  @Test
  void move_beforeTheLastEvent_isRejectedNamingBothInstants() {
    Deal deal = accepted(STANDARD.move(prospect(), "qualification", day(5))).deal();

    Rejection rejection = rejected(STANDARD.move(deal, "prospecting", day(4)));

    assertThat(rejection).isEqualTo(new Rejection.BeforeLastEvent("D-1", day(4), day(5)));
    assertThat(rejection.code()).isEqualTo("BEFORE_LAST_EVENT");
    assertThat(rejection.message()).contains(day(4).toString()).contains(day(5).toString());
  }

  @Test
  void move_atTheSameInstantAsTheLastEvent_isAccepted() {
    Deal deal = accepted(STANDARD.move(prospect(), "qualification", T0)).deal();

    assertThat(accepted(STANDARD.move(deal, "prospecting", T0)).deal().stageId()).isEqualTo("prospecting");
  }

  @Test
  void move_rejected_leavesTheDealAsItWas() {
    Deal deal = prospect();
    Deal copy = prospect();

    rejected(STANDARD.move(deal, "proposal", day(1)));

    assertThat(deal).isEqualTo(copy);
    assertThat(deal.history()).hasSize(1);
  }

  @Test
  void move_keepsTheProbabilityOverride() {
    Deal overridden = accepted(STANDARD.overrideProbability(prospect(), 0.55, day(1))).deal();

    Deal moved = accepted(STANDARD.move(overridden, "qualification", day(2))).deal();

    assertThat(moved.probabilityOverride().get()).isEqualTo(0.55);
    assertThat(STANDARD.probabilityOf(moved)).isEqualTo(0.55);
  }
}
