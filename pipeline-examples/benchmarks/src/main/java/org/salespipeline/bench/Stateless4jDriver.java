package org.salespipeline.bench;

import com.github.oxo42.stateless4j.StateConfiguration;
import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.delegates.Action2;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.DealEvent;
import org.salespipeline.bench.Lifecycle.State;
import org.salespipeline.bench.Lifecycle.Trigger;

/**
 * stateless4j: one configuration (built once) of the standard pipeline's stages, and a new machine
 * per deal, as its users do. Moves in any direction, wins and losses from every open stage and
 * reopens from Won and Lost into any open stage are permitted; entering Proposal or a later open
 * stage is guarded by the deal being qualified, as our entry criteria are. stateless4j holds no
 * deal data, so the qualification is a flag of the driver that the guards read.
 */
final class Stateless4jDriver implements LifecycleDriver {

  private final StateMachineConfig<State, Trigger> config = new StateMachineConfig<>();
  private final Action2<State, Trigger> refuse = (state, trigger) -> countRefusal();
  private boolean qualified;
  private int refused;

  Stateless4jDriver() {
    for (State source : State.values()) {
      StateConfiguration<State, Trigger> state = config.configure(source);
      for (State target : State.values()) {
        if (target.isOpen() && target != source) {
          if (target.needsQualification()) {
            state.permitIf(Trigger.to(target), target, () -> qualified);
          } else {
            state.permit(Trigger.to(target), target);
          }
        }
      }
      if (source.isOpen()) {
        state.permit(Trigger.WIN, State.WON).permit(Trigger.LOSE, State.LOST);
      }
    }
  }

  private void countRefusal() {
    refused++;
  }

  @Override
  public String name() {
    return "stateless4j";
  }

  /** Its input is the lifecycles' triggers as they are. */
  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    return () -> drive(lifecycles);
  }

  private Outcome drive(List<Lifecycle> lifecycles) {
    List<State> finalStates = new ArrayList<>(lifecycles.size());
    refused = 0;
    for (Lifecycle lifecycle : lifecycles) {
      qualified = lifecycle.qualifiedAtOpen();
      StateMachine<State, Trigger> machine = new StateMachine<>(lifecycle.start(), config);
      machine.onUnhandledTrigger(refuse);
      List<Trigger> triggers = lifecycle.triggers();
      for (int i = 0; i < triggers.size(); i++) {
        Trigger trigger = triggers.get(i);
        if (trigger == Trigger.QUALIFY) {
          qualified = Lifecycle.qualified(((DealEvent.QualificationUpdated) lifecycle.steps().get(i)).qualification());
        } else {
          machine.fire(trigger);
        }
      }
      finalStates.add(machine.getState());
    }
    return new Outcome(finalStates, refused);
  }
}
