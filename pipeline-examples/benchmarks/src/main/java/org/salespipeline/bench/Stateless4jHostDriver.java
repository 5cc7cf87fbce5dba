package org.salespipeline.bench;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.delegates.Action2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.bench.Lifecycle.State;
import org.salespipeline.bench.Lifecycle.Trigger;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Qualification;

/**
 * stateless4j inside a host that ends with what one call of our pipeline returns, given what our
 * pipeline is given: the host's requests ({@link HostRequests}, the same objects our driver reads:
 * a draft, stage ids and reasons as strings, instants). Per deal the host keeps a record of the
 * draft, its qualification, its lost reason and its history (every accepted step with its
 * instant); per step it refuses a request earlier than the deal's latest one (as our commands do),
 * finds the trigger of the requested stage id, fires it, and appends the step. The machine's guards
 * read the record's qualification, as our entry criteria read the deal's.
 *
 * <p>This is the work a host must write around stateless4j to have a deal with its history and the
 * time check; {@link Stateless4jDriver} measures the machine alone, given its triggers.
 */
final class Stateless4jHostDriver implements LifecycleDriver {

  private final StateMachineConfig<State, Trigger> config;
  private final Action2<State, Trigger> refuse = (state, trigger) -> countRefusal();
  /** The host's lookup from a request's stage id to the trigger that enters that stage. */
  private final Map<String, Trigger> triggerByStageId = new HashMap<>();
  /** The deal the machine works on now: its guards read it. */
  private HostDeal deal;
  private int refused;

  Stateless4jHostDriver() {
    this.config = Stateless4jDriver.configuration(() -> Lifecycle.qualified(deal.qualification));
    for (State state : State.values()) {
      if (state.isOpen()) {
        triggerByStageId.put(state.name().toLowerCase(Locale.ROOT), Trigger.to(state));
      }
    }
  }

  private void countRefusal() {
    refused++;
  }

  @Override
  public String name() {
    return "stateless4j-host";
  }

  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    List<HostRequests> requests = HostRequests.of(lifecycles);
    return () -> drive(requests);
  }

  private Outcome drive(List<HostRequests> requests) {
    List<State> finalStates = new ArrayList<>(requests.size());
    refused = 0;
    for (int s = 0, n = requests.size(); s < n; s++) {
      HostRequests request = requests.get(s);
      deal = new HostDeal(request.draft(), request.openedAt(), request.start());
      StateMachine<State, Trigger> machine = new StateMachine<>(request.start(), config);
      machine.onUnhandledTrigger(refuse);
      HostRequests.Command[] commands = request.commands();
      Object[] arguments = request.arguments();
      Instant[] instants = request.instants();
      for (int i = 0; i < commands.length; i++) {
        Instant at = instants[i];
        if (at.isBefore(deal.latestAt())) {
          refused++;
          continue;
        }
        switch (commands[i]) {
          case MOVE, REOPEN -> fire(machine, triggerByStageId.get((String) arguments[i]), null, at);
          case WIN -> fire(machine, Trigger.WIN, null, at);
          case LOSE -> fire(machine, Trigger.LOSE, (String) arguments[i], at);
          case QUALIFY -> {
            deal.qualification = (Qualification) arguments[i];
            deal.history.add(new Step(null, deal.qualification, at));
          }
        }
      }
      finalStates.add(machine.getState());
    }
    return new Outcome(finalStates, refused);
  }

  /** Fires the trigger (null: the request named no stage the host knows) and records the step if the machine took it. */
  private void fire(StateMachine<State, Trigger> machine, Trigger trigger, String reason, Instant at) {
    if (trigger == null) {
      refused++;
      return;
    }
    int before = refused;
    machine.fire(trigger);
    if (refused == before) {
      if (reason != null) {
        deal.lostReason = reason;
      }
      deal.history.add(new Step(machine.getState(), reason, at));
    }
  }

  /** The host's deal: the draft's values as opened, what changed since, and every accepted step. */
  private static final class HostDeal {
    final NewDeal draft;
    Qualification qualification;
    String lostReason;
    final List<Step> history = new ArrayList<>();

    HostDeal(NewDeal draft, Instant openedAt, State stage) {
      this.draft = draft;
      this.qualification = draft.qualification();
      history.add(new Step(stage, null, openedAt));
    }

    Instant latestAt() {
      return history.get(history.size() - 1).at();
    }
  }

  /** One accepted step: the stage entered (null for a qualification), its value (a reason, a qualification), when. */
  private record Step(State entered, Object value, Instant at) {}
}
