package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.bench.Lifecycle.State;
import org.salespipeline.bench.Lifecycle.Trigger;

class LifecycleDriverTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private final List<LifecycleDriver> drivers =
      List.of(PipelineDriver.keepingDeals(Pipeline.standard()), PipelineDriver.keepingEvents(Pipeline.standard()),
          new SpringStatemachineDriver(), new Stateless4jDriver(), new Stateless4jHostDriver());

  @Test
  void drive_benchDeals_everyMachineEndsWhereTheDealEnded() {
    BenchDeals generator = BenchDeals.standard(7);
    List<Lifecycle> lifecycles = generator.deals(150).stream().map(Lifecycle::of).toList();
    List<State> expected = generator.deals(150).stream().map(d -> State.of(d.stageId())).toList();

    for (LifecycleDriver driver : drivers) {
      LifecycleDriver.Outcome outcome = driver.prepare(lifecycles).drive();
      assertThat(outcome.refused()).as(driver.name()).isZero();
      assertThat(outcome.finalStates()).as(driver.name()).isEqualTo(expected);
    }
  }

  @Test
  void drive_proposalWithoutQualification_everyMachineRefusesTheMove() {
    DealEvent move = new DealEvent.StageChanged("D-1", "prospecting", "proposal", T0.plusSeconds(60));
    Lifecycle unqualified = new Lifecycle(NewDeal.of("D-1").withStage("prospecting"), T0, State.PROSPECTING, false,
        List.of(move), List.of(Trigger.TO_PROPOSAL));

    for (LifecycleDriver driver : drivers) {
      LifecycleDriver.Outcome outcome = driver.prepare(List.of(unqualified)).drive();
      assertThat(outcome.refused()).as(driver.name()).isEqualTo(1);
      assertThat(outcome.finalStates()).as(driver.name()).containsExactly(State.PROSPECTING);
    }
  }

  @Test
  void drive_stepBeforeTheLatest_refusedByEveryDriverThatKeepsTheDealsHistory() {
    DealEvent qualify = new DealEvent.QualificationUpdated("D-1", BenchDeals.QUALIFIED, T0.plusSeconds(120));
    DealEvent late = new DealEvent.StageChanged("D-1", "prospecting", "qualification", T0.plusSeconds(60));
    Lifecycle backDated = new Lifecycle(NewDeal.of("D-1").withStage("prospecting"), T0, State.PROSPECTING, false,
        List.of(qualify, late), List.of(Trigger.QUALIFY, Trigger.TO_QUALIFICATION));
    List<LifecycleDriver> keepingHistory = List.of(PipelineDriver.keepingDeals(Pipeline.standard()),
        PipelineDriver.keepingEvents(Pipeline.standard()), new Stateless4jHostDriver());

    for (LifecycleDriver driver : keepingHistory) {
      LifecycleDriver.Outcome outcome = driver.prepare(List.of(backDated)).drive();
      assertThat(outcome.refused()).as(driver.name()).isEqualTo(1);
      assertThat(outcome.finalStates()).as(driver.name()).containsExactly(State.PROSPECTING);
    }
  }

  @Test
  void lifecycle_ofADeal_countsTheOpeningAndEveryStageChangeButNotQualification() {
    var deal = BenchDeals.standard(42).deal(3);
    long stageChanges = deal.history().stream()
        .filter(e -> e instanceof DealEvent.StageChanged || e instanceof DealEvent.Won || e instanceof DealEvent.Lost
            || e instanceof DealEvent.Reopened)
        .count();

    assertThat(Lifecycle.of(deal).transitions()).isEqualTo(1 + stageChanges);
  }
}
