package org.salespipeline.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

/**
 * The rules a pipeline applies to stage changes: may deals skip stages forward, move back, where
 * may they start, from where may they be won, must a lost deal say why (and from which list), may
 * closed deals be reopened, and which clock decides that a deal is rotting.
 *
 * <p>Start from {@link #defaults()} and change what differs with the {@code with…} methods.
 * Losing is allowed from every open stage whatever the policy: a salesperson must always be able
 * to walk away from a bad fit. Immutable and thread-safe.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class TransitionPolicy {

  private static final TransitionPolicy DEFAULTS = ImmutableTransitionPolicy.builder().build();

  TransitionPolicy() {}

  /**
   * Returns the default policy: skips and backward moves allowed, deals start in and are won from
   * any open stage, lost deals need a reason (any text), closed deals may be reopened, rotting is
   * measured from stage entry.
   *
   * @return the default policy, never null
   */
  public static TransitionPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns whether deals may jump over open stages when moving forward.
   *
   * @return true unless set otherwise
   */
  @Value.Default
  public boolean skipForward() {
    return true;
  }

  /**
   * Returns whether deals may move to an earlier open stage.
   *
   * @return true unless set otherwise
   */
  @Value.Default
  public boolean moveBackward() {
    return true;
  }

  /**
   * Returns the open stages in which deals may be opened.
   *
   * @return the stage ids in the order given, unmodifiable; empty means any open stage
   */
  public abstract Set<String> creationStageIds();

  /**
   * Returns the open stages from which deals may be won.
   *
   * @return the stage ids in the order given, unmodifiable; empty means any open stage
   */
  public abstract Set<String> winStageIds();

  /**
   * Returns whether losing a deal needs a reason.
   *
   * @return true unless set otherwise
   */
  @Value.Default
  public boolean lostReasonRequired() {
    return true;
  }

  /**
   * Returns the reasons to choose from when losing a deal.
   *
   * @return the reasons in the order given, unmodifiable; empty means any text
   */
  public abstract Set<String> lostReasons();

  /**
   * Returns whether won and lost deals may be reopened.
   *
   * @return true unless set otherwise
   */
  @Value.Default
  public boolean reopen() {
    return true;
  }

  /**
   * Returns which clock decides that an open deal is rotting.
   *
   * @return the clock, {@link RottingClock#STAGE_ENTRY} unless set, never null
   */
  @Value.Default
  public RottingClock rottingClock() {
    return RottingClock.STAGE_ENTRY;
  }

  /**
   * Returns a copy that does or does not let deals skip stages forward.
   *
   * @param allowed true to allow skipping
   * @return the copy, never null
   */
  public abstract TransitionPolicy withSkipForward(boolean allowed);

  /**
   * Returns a copy that does or does not let deals move back to earlier stages.
   *
   * @param allowed true to allow backward moves
   * @return the copy, never null
   */
  public abstract TransitionPolicy withMoveBackward(boolean allowed);

  /**
   * Returns a copy in which deals may only be opened in the given stages.
   *
   * @param stageIds open stage ids, none blank; none means any open stage
   * @return the copy, never null
   */
  public TransitionPolicy withCreationStages(String... stageIds) {
    return ImmutableTransitionPolicy.builder().from(this).creationStageIds(list(stageIds, "stageIds")).build();
  }

  /**
   * Returns a copy in which deals may only be won from the given stages.
   *
   * @param stageIds open stage ids, none blank; none means any open stage
   * @return the copy, never null
   */
  public TransitionPolicy withWinStages(String... stageIds) {
    return ImmutableTransitionPolicy.builder().from(this).winStageIds(list(stageIds, "stageIds")).build();
  }

  /**
   * Returns a copy that does or does not require a reason to lose a deal.
   *
   * @param required true to require a reason
   * @return the copy, never null
   */
  public abstract TransitionPolicy withLostReasonRequired(boolean required);

  /**
   * Returns a copy in which a lost deal's reason must be one of these.
   *
   * @param reasons the allowed reasons, none blank; none means any text
   * @return the copy, never null
   */
  public abstract TransitionPolicy withLostReasons(String... reasons);

  /**
   * Returns a copy that does or does not let closed deals be reopened.
   *
   * @param allowed true to allow reopening
   * @return the copy, never null
   */
  public abstract TransitionPolicy withReopen(boolean allowed);

  /**
   * Returns a copy that measures rotting with another clock.
   *
   * @param clock the clock, not null
   * @return the copy, never null
   */
  public abstract TransitionPolicy withRottingClock(RottingClock clock);

  private static Iterable<String> list(String[] values, String name) {
    return Arrays.asList(Objects.requireNonNull(values, name));
  }

  @Value.Check
  void check() {
    creationStageIds().forEach(id -> Checks.notBlank(id, "each of creationStageIds"));
    winStageIds().forEach(id -> Checks.notBlank(id, "each of winStageIds"));
    lostReasons().forEach(reason -> Checks.notBlank(reason, "each of lostReasons"));
  }
}
