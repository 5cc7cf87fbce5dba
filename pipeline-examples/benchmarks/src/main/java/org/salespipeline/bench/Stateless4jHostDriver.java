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
 * stateless4j inside a host that ends with what one call of our pipeline returns, given the very
 * request objects our driver reads ({@link HostRequests}: the draft and the stage it names, stage
 * ids and reasons as copied strings, the instants). What the host does, as our commands do:
 * <ul>
 *   <li>opening: looks the requested stage up (the first open stage if none is named) and refuses
 *       an unknown or closed stage, or a stage whose guard the draft's qualification fails;
 *   <li>every step: refuses a request earlier than the deal's latest one, and a move of a closed
 *       deal or a reopening of an open one; looks the requested stage id up (an unknown one is
 *       refused) and fires its trigger, the machine refusing what its configuration does not
 *       permit (the guard of Proposal and later stages reads the deal's qualification); a loss
 *       needs a reason that is not blank;
 *   <li>keeps per deal the draft, the qualification, the lost reason and every accepted step with
 *       its instant, as its history.
 * </ul>
 * The deal is a mutable record changed in place, as a host's entity is. stateless4j's guards take
 * no arguments, so the guard reads the deal the driver works on now: one thread, as the harness
 * runs; a host serving requests on several threads would need a configuration (or a thread-local
 * deal) per thread, which this driver does not pay for. {@link Stateless4jDriver} measures the
 * machine alone, given its triggers.
 */
final class Stateless4jHostDriver implements LifecycleDriver {

  private final StateMachineConfig<State, Trigger> config;
  private final Action2<State, Trigger> refuse = (state, trigger) -> countRefusal();
  /** The host's lookup from a request's stage id to the open stage it names. */
  private final Map<String, State> openStateByStageId = new HashMap<>();
  /** The deal the machine works on now: its guards read it. */
  private HostDeal deal;
  private int refused;

  Stateless4jHostDriver() {
    this.config = Stateless4jDriver.configuration(() -> Lifecycle.qualified(deal.qualification));
    for (State state : State.values()) {
      if (state.isOpen()) {
        openStateByStageId.put(state.name().toLowerCase(Locale.ROOT), state);
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
      State start = opening(request);
      if (start == null) {
        refused++;
        finalStates.add(request.start());
        continue;
      }
      deal = new HostDeal(request.draft(), start, request.openedAt());
      StateMachine<State, Trigger> machine = new StateMachine<>(start, config);
      machine.onUnhandledTrigger(refuse);
      HostRequests.Command[] commands = request.commands();
      Object[] arguments = request.arguments();
      Instant[] instants = request.instants();
      for (int i = 0; i < commands.length; i++) {
        Instant at = instants[i];
        boolean open = machine.getState().isOpen();
        if (at.isBefore(deal.latestAt())) {
          refused++;
        } else {
          switch (commands[i]) {
            case MOVE -> fire(machine, open ? entering((String) arguments[i]) : null, null, at);
            case REOPEN -> fire(machine, open ? null : entering((String) arguments[i]), null, at);
            case WIN -> fire(machine, Trigger.WIN, null, at);
            case LOSE -> {
              String reason = ((String) arguments[i]).strip();
              fire(machine, reason.isEmpty() ? null : Trigger.LOSE, reason, at);
            }
            case QUALIFY -> {
              deal.qualification = (Qualification) arguments[i];
              deal.history.add(new Step(null, deal.qualification, at));
            }
          }
        }
      }
      finalStates.add(machine.getState());
    }
    return new Outcome(finalStates, refused);
  }

  /** The stage the request opens the deal in, or null if the host refuses the opening. */
  private State opening(HostRequests request) {
    String named = request.openingStageId();
    State start = named == null ? State.PROSPECTING : openStateByStageId.get(named);
    if (start == null || start.needsQualification() && !Lifecycle.qualified(request.draft().qualification())) {
      return null;
    }
    return start;
  }

  /** The trigger that enters the open stage the request names, or null if the host knows no such stage. */
  private Trigger entering(String stageId) {
    State target = openStateByStageId.get(stageId);
    return target == null ? null : Trigger.to(target);
  }

  /** Fires the trigger (null: the host refuses the request itself) and records the step if the machine took it. */
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

    HostDeal(NewDeal draft, State stage, Instant openedAt) {
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
