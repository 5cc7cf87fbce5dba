package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.bench.Lifecycle.State;
import org.salespipeline.bench.Lifecycle.Trigger;

class LifecycleDriverTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private final List<LifecycleDriver> drivers =
      LifecycleDriver.NAMES.stream().map(name -> LifecycleDriver.named(name, Pipeline.standard())).toList();

  @Test
  void named_everyName_givesTheMachineOfThatName() {
    assertThat(drivers).extracting(LifecycleDriver::name).isEqualTo(LifecycleDriver.NAMES);
    assertThatThrownBy(() -> LifecycleDriver.named("squirrel", Pipeline.standard()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'squirrel'").hasMessageContaining("stateless4j-host");
  }

  @Test
  void lifecyclePass_benchDeals_everyMachineDrivesThemWithoutARefusal() {
    BenchDeals generator = BenchDeals.standard(7);
    List<State> expected = generator.deals(40).stream().map(d -> State.of(d.stageId())).toList();

    for (String machine : LifecyclePass.MACHINES) {
      LifecyclePass pass = LifecyclePass.prepare(machine, generator.pipeline(), generator.deals(40));
      // driven again, as often as asked: every pass ends every deal where it ended
      for (int i = 0; i < 2; i++) {
        assertThat(pass.drive()).as(machine).isInstanceOfSatisfying(LifecycleDriver.Outcome.class, outcome -> {
          assertThat(outcome.refused()).isZero();
          assertThat(outcome.finalStates()).isEqualTo(expected);
        });
      }
    }
    assertThatThrownBy(() -> LifecyclePass.prepare("ours", generator.pipeline(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("deals must not be empty");
  }

  @Test
  void lifecyclePass_aMachineRefusesAStep_failsNamingIt() {
    // the standard pipeline's stages without their checklists: a deal moves past Proposal unqualified, which the bare
    // machines' guards refuse
    Pipeline standard = Pipeline.standard();
    Pipeline.Builder builder = Pipeline.builder(standard.id(), standard.name());
    standard.openStages().forEach(stage -> builder.openStage(Stage.open(stage.id(), stage.name())));
    Pipeline lenient = builder.wonStage(standard.wonStage()).lostStage(standard.lostStage()).build();
    Deal opened = lenient.open(NewDeal.of("D-1").withStage("prospecting"), T0).get().deal();
    Deal unqualified = lenient.move(opened, "proposal", T0.plusSeconds(60)).get().deal();

    assertThatThrownBy(() -> LifecyclePass.prepare("stateless4j", lenient, List.of(unqualified)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stateless4j refused 1 of the steps our pipeline accepted");
  }

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

  /** The drivers given a host's requests, which check what our commands check. */
  private static List<LifecycleDriver> hostRequestDrivers() {
    return List.of(PipelineDriver.keepingDeals(Pipeline.standard()), PipelineDriver.keepingEvents(Pipeline.standard()),
        new Stateless4jHostDriver());
  }

  private static Lifecycle lifecycle(NewDeal draft, State start, DealEvent... steps) {
    List<Trigger> triggers = java.util.Arrays.stream(steps).map(LifecycleDriverTest::trigger).toList();
    return new Lifecycle(draft, T0, start, false, List.of(steps), triggers);
  }

  /** The bare machines' trigger of a step; these drivers read the steps, so a stage no machine has gets QUALIFY. */
  private static Trigger trigger(DealEvent step) {
    return switch (step.kind()) {
      case STAGE_CHANGED -> enter(((DealEvent.StageChanged) step).toStageId());
      case REOPENED -> enter(((DealEvent.Reopened) step).toStageId());
      case WON -> Trigger.WIN;
      case LOST -> Trigger.LOSE;
      default -> Trigger.QUALIFY;
    };
  }

  private static Trigger enter(String stageId) {
    return stageId.equals("demo") ? Trigger.QUALIFY : Trigger.to(State.of(stageId));
  }

  private static void assertEveryHostRequestDriver(Lifecycle lifecycle, int refused, State end) {
    for (LifecycleDriver driver : hostRequestDrivers()) {
      LifecycleDriver.Outcome outcome = driver.prepare(List.of(lifecycle)).drive();
      assertThat(outcome.refused()).as(driver.name()).isEqualTo(refused);
      assertThat(outcome.finalStates()).as(driver.name()).containsExactly(end);
    }
  }

  @Test
  void drive_stepBeforeTheLatest_refusedByEveryDriverOfHostRequests() {
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("prospecting"), State.PROSPECTING,
        new DealEvent.QualificationUpdated("D-1", BenchDeals.QUALIFIED, T0.plusSeconds(120)),
        new DealEvent.StageChanged("D-1", "prospecting", "qualification", T0.plusSeconds(60))),
        1, State.PROSPECTING);
  }

  @Test
  void drive_refusedStep_leavesTheHistoryAsItWas() {
    // were the refused move kept, the qualification at +150 would come before it and be refused too
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("prospecting"), State.PROSPECTING,
        new DealEvent.StageChanged("D-1", "prospecting", "proposal", T0.plusSeconds(200)),
        new DealEvent.QualificationUpdated("D-1", BenchDeals.QUALIFIED, T0.plusSeconds(150)),
        new DealEvent.StageChanged("D-1", "prospecting", "proposal", T0.plusSeconds(160))),
        1, State.PROPOSAL);
  }

  @Test
  void drive_moveOfAWonDealAndReopeningOfAnOpenOne_areRefused() {
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("prospecting"), State.PROSPECTING,
        new DealEvent.Reopened("D-1", "qualification", T0.plusSeconds(30)),
        new DealEvent.Won("D-1", "prospecting", "won", T0.plusSeconds(60)),
        new DealEvent.StageChanged("D-1", "prospecting", "qualification", T0.plusSeconds(90))),
        2, State.WON);
  }

  @Test
  void drive_blankLostReason_isRefused() {
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("prospecting"), State.PROSPECTING,
        new DealEvent.Lost("D-1", "prospecting", "lost", " ", T0.plusSeconds(60))),
        1, State.PROSPECTING);
  }

  @Test
  void drive_unknownStages_areRefused() {
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("prospecting"), State.PROSPECTING,
        new DealEvent.StageChanged("D-1", "prospecting", "demo", T0.plusSeconds(60))),
        1, State.PROSPECTING);
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-2").withStage("demo"), State.PROSPECTING), 1,
        State.PROSPECTING);
  }

  @Test
  void drive_openingInAGuardedStageWithoutQualification_isRefused() {
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-1").withStage("proposal"), State.PROPOSAL), 1,
        State.PROPOSAL);
    assertEveryHostRequestDriver(lifecycle(NewDeal.of("D-2").withStage("proposal")
        .withQualification(BenchDeals.QUALIFIED), State.PROPOSAL), 0, State.PROPOSAL);
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
