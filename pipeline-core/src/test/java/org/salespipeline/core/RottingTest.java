package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;

import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RottingTest {

  private static Pipeline rotting(RottingClock clock) {
    return Pipeline.builder("r", "Rotting")
        .openStage(Stage.open("lead", "Lead").withRottingAfter(Duration.ofDays(7)))
        .openStage(Stage.open("demo", "Demo").withRottingAfter(Duration.ofDays(3)))
        .openStage(Stage.open("contract", "Contract"))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .policy(TransitionPolicy.defaults().withRottingClock(clock))
        .build();
  }

  private static Deal lead(Pipeline pipeline) {
    return accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal();
  }

  @Test
  void stageEntry_atTheThreshold_isNotYetRotting() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);

    assertThat(pipeline.rottingClock(lead(pipeline), day(7))).isEqualTo(Option.some(Duration.ofDays(7)));
    assertThat(pipeline.isRotting(lead(pipeline), day(7))).isFalse();
    assertThat(pipeline.isRotting(lead(pipeline), day(7).plusSeconds(1))).isTrue();
  }

  @Test
  void stageEntry_aStageChange_restartsTheClockWithTheNewThreshold() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);
    Deal demo = accepted(pipeline.move(lead(pipeline), "demo", day(6))).deal();

    assertThat(pipeline.rottingClock(demo, day(8))).isEqualTo(Option.some(Duration.ofDays(2)));
    assertThat(pipeline.isRotting(demo, day(9))).isFalse();
    assertThat(pipeline.isRotting(demo, day(10))).isTrue();
  }

  @Test
  void stageEntry_anActivity_doesNotRestartTheClock() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);
    Deal deal = accepted(pipeline.recordActivity(lead(pipeline), day(6))).deal();

    assertThat(pipeline.rottingClock(deal, day(8))).isEqualTo(Option.some(Duration.ofDays(8)));
    assertThat(pipeline.isRotting(deal, day(8))).isTrue();
  }

  @Test
  void lastActivity_anActivity_restartsTheClock() {
    Pipeline pipeline = rotting(RottingClock.LAST_ACTIVITY);
    Deal deal = accepted(pipeline.recordActivity(lead(pipeline), day(6))).deal();

    assertThat(pipeline.rottingClock(deal, day(8))).isEqualTo(Option.some(Duration.ofDays(2)));
    assertThat(pipeline.isRotting(deal, day(8))).isFalse();
    assertThat(pipeline.isRotting(deal, day(14))).isTrue();
  }

  @Test
  void lastActivity_withoutActivity_runsFromCreationAcrossStageChanges() {
    Pipeline pipeline = rotting(RottingClock.LAST_ACTIVITY);
    Deal demo = accepted(pipeline.move(lead(pipeline), "demo", day(2))).deal();

    assertThat(pipeline.rottingClock(demo, day(4))).isEqualTo(Option.some(Duration.ofDays(4)));
    assertThat(pipeline.isRotting(demo, day(4))).isTrue();
  }

  @Test
  void aStageWithoutThreshold_neverRots() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);
    Deal contract = accepted(pipeline.move(lead(pipeline), "contract", day(1))).deal();

    assertThat(pipeline.isRotting(contract, day(1000))).isFalse();
    assertThat(pipeline.rottingClock(contract, day(1000)).isDefined()).isTrue();
  }

  @Test
  void aClosedDeal_hasNoClockAndNeverRots() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);
    Deal lost = accepted(pipeline.lose(lead(pipeline), "Price", day(1))).deal();

    assertThat(pipeline.rottingClock(lost, day(30)).isEmpty()).isTrue();
    assertThat(pipeline.isRotting(lost, day(30))).isFalse();
  }

  @Test
  void asOfBeforeALaterClose_takesTheDealAsItWasThen() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);
    Deal lost = accepted(pipeline.lose(lead(pipeline), "Price", day(20))).deal();

    assertThat(pipeline.isRotting(lost, day(10))).isTrue();
    assertThat(pipeline.rottingClock(lost, day(10))).isEqualTo(Option.some(Duration.ofDays(10)));
  }

  @Test
  void asOfBeforeCreation_hasNoClock() {
    Pipeline pipeline = rotting(RottingClock.STAGE_ENTRY);

    assertThat(pipeline.rottingClock(lead(pipeline), T0.minusSeconds(1)).isEmpty()).isTrue();
    assertThat(pipeline.isRotting(lead(pipeline), T0.minusSeconds(1))).isFalse();
  }
}
