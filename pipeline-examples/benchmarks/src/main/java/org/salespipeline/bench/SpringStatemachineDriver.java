package org.salespipeline.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.salespipeline.core.DealEvent;
import org.salespipeline.bench.Lifecycle.State;
import org.salespipeline.bench.Lifecycle.Trigger;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Spring Statemachine 4: one machine of the standard pipeline's stages, built once (building one
 * takes milliseconds), and restored to each deal's opening stage the way Spring's own
 * {@code StateMachinePersister} restores a persisted machine: stop, reset to a context, start.
 * The transitions are those of {@link Stateless4jDriver}; the qualification lives in the machine's
 * extended state, which the guards of Proposal and later open stages read; a loss carries its
 * reason as a message header. Events go through the reactive API (the blocking one is deprecated).
 * Spring reports an event whose guard said no as accepted, so a step counts as refused unless the
 * machine is in the step's target state afterwards.
 *
 * <p>Restoring one machine per deal favours Spring: building a machine per deal would be far
 * slower.
 */
final class SpringStatemachineDriver implements LifecycleDriver {

  private static final String QUALIFIED = "qualified";
  private static final String REASON = "reason";

  private final StateMachine<State, Trigger> machine;

  SpringStatemachineDriver() {
    try {
      machine = build();
    } catch (Exception e) {
      throw new IllegalStateException("bug: Spring Statemachine refused the standard pipeline's machine", e);
    }
  }

  private static StateMachine<State, Trigger> build() throws Exception {
    StateMachineBuilder.Builder<State, Trigger> builder = StateMachineBuilder.builder();
    builder.configureConfiguration().withConfiguration().autoStartup(false);
    builder.configureStates().withStates().initial(State.PROSPECTING).states(EnumSet.allOf(State.class));
    Guard<State, Trigger> qualified = context -> Boolean.TRUE.equals(context.getExtendedState().get(QUALIFIED, Boolean.class));
    var transitions = builder.configureTransitions();
    for (State source : State.values()) {
      for (State target : State.values()) {
        if (target.isOpen() && target != source) {
          ExternalTransitionConfigurer<State, Trigger> transition =
              transitions.withExternal().source(source).target(target).event(Trigger.to(target));
          if (target.needsQualification()) {
            transition.guard(qualified);
          }
        }
      }
      if (source.isOpen()) {
        transitions.withExternal().source(source).target(State.WON).event(Trigger.WIN);
        transitions.withExternal().source(source).target(State.LOST).event(Trigger.LOSE);
      }
    }
    return builder.build();
  }

  @Override
  public String name() {
    return "spring-statemachine";
  }

  /**
   * Its input, per lifecycle: the opening state and flag, and per step the message to send (the
   * trigger, with the reason of a loss as a header) or the flag a qualification step sets.
   */
  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    List<Script> scripts = lifecycles.stream().map(Script::of).toList();
    return () -> drive(scripts);
  }

  private Outcome drive(List<Script> scripts) {
    List<State> finalStates = new ArrayList<>(scripts.size());
    int refused = 0;
    for (int s = 0, n = scripts.size(); s < n; s++) {
      Script script = scripts.get(s);
      restore(script.start, script.qualifiedAtOpen);
      for (int i = 0; i < script.messages.size(); i++) {
        Message<Trigger> message = script.messages.get(i);
        if (message == null) {
          machine.getExtendedState().getVariables().put(QUALIFIED, script.qualified[i]);
        } else if (!send(message) || machine.getState().getId() != message.getPayload().target()) {
          refused++;
        }
      }
      finalStates.add(machine.getState().getId());
    }
    return new Outcome(finalStates, refused);
  }

  /** A lifecycle as this machine takes it: step {@code i} sends message {@code i}, or (where it is null) sets {@code qualified[i]}. */
  private record Script(State start, boolean qualifiedAtOpen, List<Message<Trigger>> messages, boolean[] qualified) {

    static Script of(Lifecycle lifecycle) {
      int n = lifecycle.triggers().size();
      List<Message<Trigger>> messages = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Trigger trigger = lifecycle.triggers().get(i);
        messages.add(trigger == Trigger.QUALIFY ? null : message(trigger, lifecycle.steps().get(i)));
      }
      boolean[] qualified = lifecycle.qualifiedFlags();
      return new Script(lifecycle.start(), lifecycle.qualifiedAtOpen(), messages, qualified);
    }
  }

  private void restore(State start, boolean qualifiedAtOpen) {
    machine.stopReactively().block();
    ExtendedState data = new DefaultExtendedState();
    data.getVariables().put(QUALIFIED, qualifiedAtOpen);
    var context = new DefaultStateMachineContext<State, Trigger>(start, null, null, data);
    machine.getStateMachineAccessor().doWithAllRegions(access -> access.resetStateMachineReactively(context).block());
    machine.startReactively().block();
  }

  private static Message<Trigger> message(Trigger trigger, DealEvent step) {
    MessageBuilder<Trigger> message = MessageBuilder.withPayload(trigger);
    if (step instanceof DealEvent.Lost lost) {
      message.setHeader(REASON, lost.reason());
    }
    return message.build();
  }

  private boolean send(Message<Trigger> message) {
    StateMachineEventResult<State, Trigger> result = machine.sendEvent(Mono.just(message)).blockLast();
    return result != null && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED;
  }
}
