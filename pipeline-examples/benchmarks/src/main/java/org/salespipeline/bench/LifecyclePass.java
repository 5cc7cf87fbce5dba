package org.salespipeline.bench;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * One machine of the harness's transition comparison, prepared to drive the lifecycles of some
 * deals as often as asked: what {@code jmh.LifecycleBenchmark} times, in a fresh JVM per fork. The
 * machines are the harness's ({@link #MACHINES}), given the same input as in the harness.
 */
public final class LifecyclePass {

  /** The machines, by the names the harness prints. */
  public static final List<String> MACHINES = LifecycleDriver.NAMES;

  private final LifecycleDriver.Run run;

  private LifecyclePass(LifecycleDriver.Run run) {
    this.run = run;
  }

  /**
   * Prepares the machine's input from the deals' lifecycles and drives them once, checking that the
   * machine refuses none of their steps (our pipeline accepted every one of them).
   *
   * @param machine one of {@link #MACHINES}, not null
   * @param pipeline the pipeline the deals were made in (ours drives it), not null
   * @param deals the deals whose lifecycles are driven, not null or empty
   * @return the prepared pass
   * @throws IllegalArgumentException if the machine is unknown or the deals are empty
   * @throws IllegalStateException if the machine refuses a step
   */
  public static LifecyclePass prepare(String machine, Pipeline pipeline, List<Deal> deals) {
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(pipeline, "pipeline");
    if (Objects.requireNonNull(deals, "deals").isEmpty()) {
      throw new IllegalArgumentException("deals must not be empty");
    }
    LifecycleDriver driver = LifecycleDriver.named(machine, pipeline);
    LifecycleDriver.Run run = driver.prepare(deals.stream().map(Lifecycle::of).toList());
    int refused = run.drive().refused();
    if (refused != 0) {
      throw new IllegalStateException(machine + " refused " + refused + " of the steps our pipeline accepted");
    }
    return new LifecyclePass(run);
  }

  /**
   * Drives every lifecycle once, from its opening to its last step.
   *
   * @return where the deals ended, for the caller to consume
   */
  public Object drive() {
    return run.drive();
  }
}
