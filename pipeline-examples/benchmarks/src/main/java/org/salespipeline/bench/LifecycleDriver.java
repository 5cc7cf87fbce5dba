package org.salespipeline.bench;

import java.util.List;

/**
 * Drives deal lifecycles through one state machine implementation. A driver is set up once (not
 * timed) and then asked to drive the same lifecycles several times; it is used by one thread.
 */
interface LifecycleDriver {

  /** The approach's name in the harness output: {@code ours}, {@code spring-statemachine}… */
  String name();

  /** Drives every lifecycle from its opening to its last step. */
  Outcome drive(List<Lifecycle> lifecycles);

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
