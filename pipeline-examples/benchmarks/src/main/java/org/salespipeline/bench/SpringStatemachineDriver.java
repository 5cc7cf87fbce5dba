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

  /** Its input is the lifecycles' triggers as they are. */
  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    return () -> drive(lifecycles);
  }

  private Outcome drive(List<Lifecycle> lifecycles) {
    List<State> finalStates = new ArrayList<>(lifecycles.size());
    int refused = 0;
    for (Lifecycle lifecycle : lifecycles) {
      restore(lifecycle);
      List<Trigger> triggers = lifecycle.triggers();
      for (int i = 0; i < triggers.size(); i++) {
        Trigger trigger = triggers.get(i);
        DealEvent step = lifecycle.steps().get(i);
        if (trigger == Trigger.QUALIFY) {
          machine.getExtendedState().getVariables()
              .put(QUALIFIED, Lifecycle.qualified(((DealEvent.QualificationUpdated) step).qualification()));
        } else if (!send(message(trigger, step)) || machine.getState().getId() != trigger.target()) {
          refused++;
        }
      }
      finalStates.add(machine.getState().getId());
    }
    return new Outcome(finalStates, refused);
  }

  private void restore(Lifecycle lifecycle) {
    machine.stopReactively().block();
    ExtendedState data = new DefaultExtendedState();
    data.getVariables().put(QUALIFIED, lifecycle.qualifiedAtOpen());
    var context = new DefaultStateMachineContext<State, Trigger>(lifecycle.start(), null, null, data);
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
