package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.rejected;

import org.junit.jupiter.api.Test;

/** {@link Pipeline#standard()} exactly as SPEC §3.1 defines it. */
class StandardPipelineTest {

  @Test
  void standard_openStages_areTheFiveStagesWithTheirProbabilitiesAndCategories() {
    assertThat(STANDARD.openStages())
        .extracting(Stage::id, Stage::name, Stage::probability, Stage::forecastCategory, Stage::order)
        .containsExactly(
            tuple("prospecting", "Prospecting", 0.1, ForecastCategory.PIPELINE, 0),
            tuple("qualification", "Qualification", 0.2, ForecastCategory.PIPELINE, 1),
            tuple("proposal", "Proposal", 0.4, ForecastCategory.BEST_CASE, 2),
            tuple("negotiation", "Negotiation", 0.6, ForecastCategory.BEST_CASE, 3),
            tuple("closing", "Closing", 0.8, ForecastCategory.COMMIT, 4));
  }

  @Test
  void standard_terminalStages_areWonAtOneClosedAndLostAtZeroOmitted() {
    assertThat(STANDARD.wonStage()).extracting(Stage::id, Stage::name, Stage::kind, Stage::probability,
        Stage::forecastCategory).containsExactly("won", "Won", StageKind.WON, 1.0, ForecastCategory.CLOSED);
    assertThat(STANDARD.lostStage()).extracting(Stage::id, Stage::name, Stage::kind, Stage::probability,
        Stage::forecastCategory).containsExactly("lost", "Lost", StageKind.LOST, 0.0, ForecastCategory.OMITTED);
  }

  @Test
  void standard_onlyProposalHasEntryCriteria_theQualificationChecklist() {
    assertThat(STANDARD.stage("proposal").get().entryCriteria()).extracting(EntryCriterion::name)
        .containsExactly("budget", "authority", "need", "timeline");
    assertThat(STANDARD.stages()).filteredOn(s -> !s.id().equals("proposal"))
        .allSatisfy(s -> assertThat(s.entryCriteria()).isEmpty());
  }

  @Test
  void standard_policy_isTheDefaultAndNoStageRots() {
    assertThat(STANDARD.policy()).isEqualTo(TransitionPolicy.defaults());
    assertThat(STANDARD.policy()).extracting(TransitionPolicy::skipForward, TransitionPolicy::moveBackward,
        TransitionPolicy::lostReasonRequired, TransitionPolicy::reopen, TransitionPolicy::rottingClock)
        .containsExactly(true, true, true, true, RottingClock.STAGE_ENTRY);
    assertThat(STANDARD.stages()).allSatisfy(s -> assertThat(s.rottingAfter().isEmpty()).isTrue());
  }

  @Test
  void standard_isAValue() {
    assertThat(Pipeline.standard()).isEqualTo(Pipeline.standard()).hasSameHashCodeAs(Pipeline.standard());
    assertThat(STANDARD).hasToString("Standard: Prospecting (10%) > Qualification (20%) > Proposal (40%) > "
        + "Negotiation (60%) > Closing (80%) > Won / Lost");
  }

  @Test
  void enterProposal_nothingKnown_isRejectedListingEveryFailedCriterion() {
    Rejection rejection = rejected(STANDARD.move(prospect(), "proposal", day(1)));

    assertThat(rejection.code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(((Rejection.CriteriaNotMet) rejection).failed()).extracting(EntryCriterion::name)
        .containsExactly("budget", "authority", "need", "timeline");
    assertThat(rejection.message()).isEqualTo("Deal D-1 cannot enter Proposal: budget not confirmed; "
        + "decision maker not identified; need not confirmed; timeline not known.");
  }

  @Test
  void enterProposal_onlyBudgetPartial_failsOnlyTheBudgetCriterion() {
    Deal deal = accepted(STANDARD.qualify(prospect(), QUALIFIED.withBudget(QualificationLevel.PARTIAL), day(1))).deal();

    Rejection rejection = rejected(STANDARD.move(deal, "proposal", day(2)));

    assertThat(((Rejection.CriteriaNotMet) rejection).failed()).extracting(EntryCriterion::name).containsExactly("budget");
  }

  @Test
  void enterProposal_timelineKnownRoughly_isAccepted() {
    Deal deal = accepted(STANDARD.qualify(prospect(), QUALIFIED.withTimeline(QualificationLevel.PARTIAL)
        .withInterest(QualificationLevel.NO), day(1))).deal();

    assertThat(accepted(STANDARD.move(deal, "proposal", day(2))).deal().stageId()).isEqualTo("proposal");
  }

  @Test
  void enterProposal_timelineUnknownOrNo_isRejected() {
    Deal unknown = accepted(STANDARD.qualify(prospect(), QUALIFIED.withTimeline(QualificationLevel.NO), day(1))).deal();

    assertThat(((Rejection.CriteriaNotMet) rejected(STANDARD.move(unknown, "proposal", day(2)))).failed())
        .extracting(EntryCriterion::name).containsExactly("timeline");
  }

  @Test
  void skipPastProposal_unqualified_isRejectedNamingTheTargetStage() {
    Rejection rejection = rejected(STANDARD.move(prospect(), "closing", day(1)));

    assertThat(rejection.code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(rejection.message()).startsWith("Deal D-1 cannot enter Closing: budget not confirmed");
  }

  @Test
  void openInNegotiation_unqualified_isRejectedBecauseItSkipsProposal() {
    Rejection rejection = rejected(STANDARD.open(NewDeal.of("D-2").withStage("negotiation"), T0));

    assertThat(rejection).isInstanceOf(Rejection.CriteriaNotMet.class);
    assertThat(((Rejection.CriteriaNotMet) rejection).failed()).hasSize(4);
  }
}
