package org.salespipeline.scoring;

/**
 * Thrown by a {@link Scorer} that cannot score a deal, for a reason a user should read (a learning
 * scorer that saw no closed deal, a deal of another pipeline). {@link SafeScoring} turns it into a
 * {@link ScoringFailure.NotScorable}.
 */
public class NotScorableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the deal cannot be scored, in words a user understands; not null
   */
  public NotScorableException(String message) {
    super(java.util.Objects.requireNonNull(message, "message"));
  }
}
