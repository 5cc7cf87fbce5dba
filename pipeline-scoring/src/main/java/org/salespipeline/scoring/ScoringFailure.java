package org.salespipeline.scoring;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a scorer gave no usable score for a deal. The other deals are still scored.
 *
 * <p>Each failure names the scorer and the deal and has a stable {@link #code()} a host can map
 * to its own UI. Immutable and thread-safe (a {@link Threw} holds the exception, for the host's
 * logs).
 */
public sealed interface ScoringFailure {

  /**
   * Returns the id of the scorer that failed.
   *
   * @return the scorer id, never null
   */
  String scorerId();

  /**
   * Returns the id of the deal it failed on.
   *
   * @return the deal id, never null
   */
  String dealId();

  /**
   * Returns the stable code of this kind of failure.
   *
   * @return {@code SCORER_THREW}, {@code INVALID_PROBABILITY}, {@code NOT_SCORABLE} or {@code TIMED_OUT}
   */
  String code();

  /**
   * Says what went wrong, naming the scorer and the deal.
   *
   * @return the message, never null
   */
  String message();

  /**
   * The scorer threw an exception: a bug in the scorer, or bad input it did not expect.
   *
   * @param scorerId the scorer, not null
   * @param dealId the deal, not null
   * @param cause what it threw, not null
   */
  record Threw(String scorerId, String dealId, Throwable cause) implements ScoringFailure {
    /**
     * Creates the failure.
     *
     * @param scorerId the scorer, not null
     * @param dealId the deal, not null
     * @param cause what it threw, not null
     */
    public Threw {
      Objects.requireNonNull(scorerId, "scorerId");
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String code() {
      return "SCORER_THREW";
    }

    @Override
    public String message() {
      return "Scorer '" + scorerId + "' failed on deal " + dealId + ": " + cause;
    }
  }

  /**
   * The scorer returned NaN or a value outside [0, 1].
   *
   * @param scorerId the scorer, not null
   * @param dealId the deal, not null
   * @param value what it returned
   */
  record InvalidProbability(String scorerId, String dealId, double value) implements ScoringFailure {
    /**
     * Creates the failure.
     *
     * @param scorerId the scorer, not null
     * @param dealId the deal, not null
     * @param value what it returned
     */
    public InvalidProbability {
      Objects.requireNonNull(scorerId, "scorerId");
      Objects.requireNonNull(dealId, "dealId");
    }

    @Override
    public String code() {
      return "INVALID_PROBABILITY";
    }

    @Override
    public String message() {
      return "Scorer '" + scorerId + "' returned " + value + " for deal " + dealId + ", not a probability within [0, 1]";
    }
  }

  /**
   * The scorer said it cannot score the deal, and why ({@link NotScorableException}).
   *
   * @param scorerId the scorer, not null
   * @param dealId the deal, not null
   * @param reason why, in words a user understands; not null
   */
  record NotScorable(String scorerId, String dealId, String reason) implements ScoringFailure {
    /**
     * Creates the failure.
     *
     * @param scorerId the scorer, not null
     * @param dealId the deal, not null
     * @param reason why, not null
     */
    public NotScorable {
      Objects.requireNonNull(scorerId, "scorerId");
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "NOT_SCORABLE";
    }

    @Override
    public String message() {
      return "Scorer '" + scorerId + "' cannot score deal " + dealId + ": " + reason;
    }
  }

  /**
   * The scorer gave no answer within the time the caller allowed ({@link SafeScoring#withTimeout}); its
   * call was cancelled (interrupted).
   *
   * @param scorerId the scorer, not null
   * @param dealId the deal, not null
   * @param timeout the time allowed, positive
   */
  record TimedOut(String scorerId, String dealId, Duration timeout) implements ScoringFailure {
    /**
     * Creates the failure.
     *
     * @param scorerId the scorer, not null
     * @param dealId the deal, not null
     * @param timeout the time allowed, not null
     */
    public TimedOut {
      Objects.requireNonNull(scorerId, "scorerId");
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String code() {
      return "TIMED_OUT";
    }

    @Override
    public String message() {
      return "Scorer '" + scorerId + "' gave no score for deal " + dealId + " within " + timeout
          + "; the call was cancelled";
    }
  }
}
