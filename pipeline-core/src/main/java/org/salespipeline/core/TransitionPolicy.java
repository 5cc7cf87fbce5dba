package org.salespipeline.core;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a pipeline applies to stage changes: may deals skip stages forward, move back, where
 * may they start, from where may they be won, must a lost deal say why (and from which list), may
 * closed deals be reopened, and which clock decides that a deal is rotting.
 *
 * <p>Start from {@link #defaults()} and change what differs with the {@code with…} methods.
 * Losing is allowed from every open stage whatever the policy: a salesperson must always be able
 * to walk away from a bad fit. Immutable and thread-safe.
 *
 * @param skipForward whether deals may jump over open stages when moving forward
 * @param moveBackward whether deals may move to an earlier open stage
 * @param creationStageIds the open stages in which deals may be opened; empty means any
 * @param winStageIds the open stages from which deals may be won; empty means any
 * @param lostReasonRequired whether losing a deal needs a reason
 * @param lostReasons the reasons to choose from when losing a deal; empty means any text
 * @param reopen whether won and lost deals may be reopened
 * @param rottingClock which clock decides that an open deal is rotting
 */
public record TransitionPolicy(
    boolean skipForward,
    boolean moveBackward,
    Set<String> creationStageIds,
    Set<String> winStageIds,
    boolean lostReasonRequired,
    Set<String> lostReasons,
    boolean reopen,
    RottingClock rottingClock) {

  private static final TransitionPolicy DEFAULTS =
      new TransitionPolicy(true, true, Set.of(), Set.of(), true, Set.of(), true, RottingClock.STAGE_ENTRY);
  /**
   * Creates the value, checking that no component is null.
   *
   * @param skipForward whether deals may jump over open stages when moving forward
   * @param moveBackward whether deals may move to an earlier open stage
   * @param creationStageIds the open stages in which deals may be opened; empty means any
   * @param winStageIds the open stages from which deals may be won; empty means any
   * @param lostReasonRequired whether losing a deal needs a reason
   * @param lostReasons the reasons to choose from when losing a deal; empty means any text
   * @param reopen whether won and lost deals may be reopened
   * @param rottingClock which clock decides that an open deal is rotting
   */
  public TransitionPolicy {
    creationStageIds = copy(creationStageIds, "creationStageIds");
    winStageIds = copy(winStageIds, "winStageIds");
    lostReasons = copy(lostReasons, "lostReasons");
    Objects.requireNonNull(rottingClock, "rottingClock");
  }

  private static Set<String> ordered(String name, String... values) {
    return new LinkedHashSet<>(java.util.Arrays.asList(Objects.requireNonNull(values, name)));
  }

  private static Set<String> copy(Set<String> values, String name) {
    Objects.requireNonNull(values, name);
    Set<String> copy = new LinkedHashSet<>();
    for (String value : values) {
      copy.add(Checks.notBlank(value, "each of " + name));
    }
    return java.util.Collections.unmodifiableSet(copy);
  }

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
   * Returns a copy that does or does not let deals skip stages forward.
   *
   * @param allowed true to allow skipping
   * @return the copy, never null
   */
  public TransitionPolicy withSkipForward(boolean allowed) {
    return new TransitionPolicy(allowed, moveBackward, creationStageIds, winStageIds, lostReasonRequired, lostReasons,
        reopen, rottingClock);
  }

  /**
   * Returns a copy that does or does not let deals move back to earlier stages.
   *
   * @param allowed true to allow backward moves
   * @return the copy, never null
   */
  public TransitionPolicy withMoveBackward(boolean allowed) {
    return new TransitionPolicy(skipForward, allowed, creationStageIds, winStageIds, lostReasonRequired, lostReasons,
        reopen, rottingClock);
  }

  /**
   * Returns a copy in which deals may only be opened in the given stages.
   *
   * @param stageIds open stage ids; none means any open stage
   * @return the copy, never null
   */
  public TransitionPolicy withCreationStages(String... stageIds) {
    return new TransitionPolicy(skipForward, moveBackward, ordered("stageIds", stageIds), winStageIds, lostReasonRequired,
        lostReasons, reopen, rottingClock);
  }

  /**
   * Returns a copy in which deals may only be won from the given stages.
   *
   * @param stageIds open stage ids; none means any open stage
   * @return the copy, never null
   */
  public TransitionPolicy withWinStages(String... stageIds) {
    return new TransitionPolicy(skipForward, moveBackward, creationStageIds, ordered("stageIds", stageIds), lostReasonRequired,
        lostReasons, reopen, rottingClock);
  }

  /**
   * Returns a copy that does or does not require a reason to lose a deal.
   *
   * @param required true to require a reason
   * @return the copy, never null
   */
  public TransitionPolicy withLostReasonRequired(boolean required) {
    return new TransitionPolicy(skipForward, moveBackward, creationStageIds, winStageIds, required, lostReasons,
        reopen, rottingClock);
  }

  /**
   * Returns a copy in which a lost deal's reason must be one of these.
   *
   * @param reasons the allowed reasons; none means any text
   * @return the copy, never null
   */
  public TransitionPolicy withLostReasons(String... reasons) {
    return new TransitionPolicy(skipForward, moveBackward, creationStageIds, winStageIds, lostReasonRequired,
        ordered("reasons", reasons),
        reopen, rottingClock);
  }

  /**
   * Returns a copy that does or does not let closed deals be reopened.
   *
   * @param allowed true to allow reopening
   * @return the copy, never null
   */
  public TransitionPolicy withReopen(boolean allowed) {
    return new TransitionPolicy(skipForward, moveBackward, creationStageIds, winStageIds, lostReasonRequired,
        lostReasons, allowed, rottingClock);
  }

  /**
   * Returns a copy that measures rotting with another clock.
   *
   * @param clock the clock, not null
   * @return the copy, never null
   */
  public TransitionPolicy withRottingClock(RottingClock clock) {
    return new TransitionPolicy(skipForward, moveBackward, creationStageIds, winStageIds, lostReasonRequired,
        lostReasons, reopen, clock);
  }
}
