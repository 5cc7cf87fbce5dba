package org.salespipeline.bench;

import com.github.oxo42.stateless4j.StateConfiguration;
import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.delegates.Action2;
import com.github.oxo42.stateless4j.delegates.FuncBoolean;
import java.util.ArrayList;
import java.util.List;
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

  private final StateMachineConfig<State, Trigger> config;
  private final Action2<State, Trigger> refuse = (state, trigger) -> countRefusal();
  private boolean qualified;
  private int refused;

  Stateless4jDriver() {
    this.config = configuration(() -> qualified);
  }

  /**
   * The standard pipeline's configuration: moves in any direction, wins and losses from every open
   * stage, reopens from Won and Lost into any open stage; entering Proposal or a later open stage
   * needs {@code qualified} to hold.
   */
  static StateMachineConfig<State, Trigger> configuration(FuncBoolean qualified) {
    StateMachineConfig<State, Trigger> config = new StateMachineConfig<>();
    for (State source : State.values()) {
      StateConfiguration<State, Trigger> state = config.configure(source);
      for (State target : State.values()) {
        if (target.isOpen() && target != source) {
          if (target.needsQualification()) {
            state.permitIf(Trigger.to(target), target, qualified);
          } else {
            state.permit(Trigger.to(target), target);
          }
        }
      }
      if (source.isOpen()) {
        state.permit(Trigger.WIN, State.WON).permit(Trigger.LOSE, State.LOST);
      }
    }
    return config;
  }

  private void countRefusal() {
    refused++;
  }

  @Override
  public String name() {
    return "stateless4j";
  }

  /**
   * Its input, per lifecycle: the opening state, the triggers, and for each qualification step the
   * flag its guards read from then on.
   */
  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    List<Script> scripts = lifecycles.stream().map(Script::of).toList();
    return () -> drive(scripts);
  }

  private Outcome drive(List<Script> scripts) {
    List<State> finalStates = new ArrayList<>(scripts.size());
    refused = 0;
    for (int s = 0, n = scripts.size(); s < n; s++) {
      Script script = scripts.get(s);
      qualified = script.qualifiedAtOpen;
      StateMachine<State, Trigger> machine = new StateMachine<>(script.start, config);
      machine.onUnhandledTrigger(refuse);
      Trigger[] triggers = script.triggers;
      for (int i = 0; i < triggers.length; i++) {
        if (triggers[i] == Trigger.QUALIFY) {
          qualified = script.qualified[i];
        } else {
          machine.fire(triggers[i]);
        }
      }
      finalStates.add(machine.getState());
    }
    return new Outcome(finalStates, refused);
  }

  /** A lifecycle as this machine takes it: step {@code i} fires {@code triggers[i]}, or sets the flag {@code qualified[i]}. */
  private record Script(State start, boolean qualifiedAtOpen, Trigger[] triggers, boolean[] qualified) {

    static Script of(Lifecycle lifecycle) {
      Trigger[] triggers = lifecycle.triggers().toArray(Trigger[]::new);
      boolean[] qualified = lifecycle.qualifiedFlags();
      return new Script(lifecycle.start(), lifecycle.qualifiedAtOpen(), triggers, qualified);
    }
  }
}
