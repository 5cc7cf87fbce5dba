package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.qualifiedProspect;

import org.junit.jupiter.api.Test;

/** The furthest open stage a deal entered, the basis of the funnel (SPEC §4). */
class FurthestStageTest {

  @Test
  void furthest_newDeal_isItsStartingStage() {
    assertThat(STANDARD.furthestOpenStage(prospect()).id()).isEqualTo("prospecting");
  }

  @Test
  void furthest_afterMovingBack_isStillTheHighestStageEntered() {
    Deal deal = accepted(STANDARD.move(qualifiedProspect(), "negotiation", day(1))).deal();
    deal = accepted(STANDARD.move(deal, "qualification", day(2))).deal();

    assertThat(STANDARD.furthestOpenStage(deal).id()).isEqualTo("negotiation");
  }

  @Test
  void furthest_afterASkip_isTheStageJumpedTo() {
    Deal deal = accepted(STANDARD.move(qualifiedProspect(), "closing", day(1))).deal();

    assertThat(STANDARD.furthestOpenStage(deal).id()).isEqualTo("closing");
  }

  @Test
  void furthest_ofAWonDeal_isTheLastOpenStageItEnteredNotTheWonStage() {
    Deal won = accepted(STANDARD.win(accepted(STANDARD.move(qualifiedProspect(), "proposal", day(1))).deal(), day(2)))
        .deal();

    assertThat(STANDARD.furthestOpenStage(won).id()).isEqualTo("proposal");
    assertThat(STANDARD.furthestOpenStage(won).order()).isEqualTo(2);
  }

  @Test
  void furthest_reopenedIntoALaterStage_countsThatStage() {
    Deal lost = accepted(STANDARD.lose(qualifiedProspect(), "Price", day(1))).deal();
    Deal reopened = accepted(STANDARD.reopen(lost, "negotiation", day(2))).deal();

    assertThat(STANDARD.furthestOpenStage(reopened).id()).isEqualTo("negotiation");
  }
}
