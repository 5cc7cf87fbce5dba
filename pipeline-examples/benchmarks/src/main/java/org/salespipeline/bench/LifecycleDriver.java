package org.salespipeline.bench;

import java.util.List;
import org.salespipeline.core.Pipeline;

/**
 * Drives deal lifecycles through one state machine implementation. A driver first turns the
 * lifecycles into the input its machine's API takes ({@link #prepare}, not timed), then is asked to
 * drive them several times; it is used by one thread.
 */
interface LifecycleDriver {

  /** The machines' names, as {@link #name()} gives them. */
  List<String> NAMES = List.of("ours", "ours+events", "spring-statemachine", "stateless4j", "stateless4j-host");

  /**
   * The machine of a name in {@link #NAMES}; ours drive the pipeline (the others hold the standard
   * pipeline's rules in their own configuration).
   *
   * @throws IllegalArgumentException if the name is none of {@link #NAMES}
   */
  static LifecycleDriver named(String name, Pipeline pipeline) {
    return switch (name) {
      case "ours" -> PipelineDriver.keepingDeals(pipeline);
      case "ours+events" -> PipelineDriver.keepingEvents(pipeline);
      case "stateless4j" -> new Stateless4jDriver();
      case "stateless4j-host" -> new Stateless4jHostDriver();
      case "spring-statemachine" -> new SpringStatemachineDriver();
      default -> throw new IllegalArgumentException("machine must be one of " + NAMES + " but was '" + name + "'");
    };
  }

  /** The approach's name in the harness output: {@code ours}, {@code spring-statemachine}… */
  String name();

  /**
   * Turns the lifecycles into what this machine's API takes, once: the values each call is given,
   * made one lifecycle after another, as a host has them when its commands arrive. Every machine
   * is given exactly the arguments of its own calls, already made, and nothing more.
   *
   * @return what drives every lifecycle from its opening to its last step, as often as asked
   */
  Run prepare(List<Lifecycle> lifecycles);

  /** Drives the prepared lifecycles once. */
  @FunctionalInterface
  interface Run {
    Outcome drive();
  }

  /**
   * Where each deal ended, in lifecycle order, and how many steps the machine refused (none is
   * expected: every step was accepted by our pipeline when the data was generated).
   */
  record Outcome(List<Lifecycle.State> finalStates, int refused) {
    public Outcome {
      finalStates = List.copyOf(finalStates);
      if (refused < 0) {
        throw new IllegalArgumentException("refused must not be negative but was " + refused);
      }
    }
  }
}
