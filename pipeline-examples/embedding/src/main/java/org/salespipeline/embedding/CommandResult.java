package org.salespipeline.embedding;

import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Rejection;

/**
 * What became of a command sent to {@link CrmDealService}: stored, refused by the pipeline, lost to
 * a concurrent change, or aimed at a deal the store does not hold. Only {@link Accepted} wrote
 * anything; the three others left the store exactly as it was.
 *
 * <p>Failures of the database itself are not results: they throw {@link DealStoreException}.
 * Immutable and thread-safe.
 */
public sealed interface CommandResult {

  /**
   * Tells whether the command was stored.
   *
   * @return true for {@link Accepted} only
   */
  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /**
   * The command was accepted and its events are committed.
   *
   * @param change the new deal and the events now stored
   */
  record Accepted(Change change) implements CommandResult {
    /**
     * Creates the value.
     *
     * @param change the new deal and the events now stored, not null
     */
    public Accepted {
      Objects.requireNonNull(change, "change");
    }

    /**
     * Returns the deal after the command.
     *
     * @return the deal, never null
     */
    public Deal deal() {
      return change.deal();
    }

    /**
     * Returns the events the command appended.
     *
     * @return the events, never empty
     */
    public List<DealEvent> events() {
      return change.events();
    }
  }

  /**
   * The pipeline refused the command (a business rule said no); nothing was written.
   *
   * @param rejection why, with a stable code and a message for the salesperson
   */
  record Rejected(Rejection rejection) implements CommandResult {
    /**
     * Creates the value.
     *
     * @param rejection why, not null
     */
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /**
   * Someone else changed the deal between this command's read and its write (optimistic
   * concurrency); nothing was written. Reload the deal and decide again.
   *
   * @param dealId the deal
   * @param expectedVersion the version the command was decided on (0 when opening a deal)
   * @param actualVersion the version the store holds now
   */
  record Conflict(String dealId, int expectedVersion, int actualVersion) implements CommandResult {
    /**
     * Creates the value.
     *
     * @param dealId the deal, not null
     * @param expectedVersion the version the command was decided on
     * @param actualVersion the version the store holds now
     */
    public Conflict {
      Objects.requireNonNull(dealId, "dealId");
    }

    /**
     * Returns the conflict in plain words, naming the deal and both versions.
     *
     * @return the message, never null
     */
    public String message() {
      if (expectedVersion == 0) {
        return "Deal " + dealId + " already exists (version " + actualVersion + "): it was not opened again.";
      }
      return "Deal " + dealId + " was changed by someone else: this change was made on version " + expectedVersion
          + " but the deal is now at version " + actualVersion + "; nothing was saved, reload it and try again.";
    }
  }

  /**
   * The store holds no deal with this id; nothing was written.
   *
   * @param dealId the id asked for
   */
  record UnknownDeal(String dealId) implements CommandResult {
    /**
     * Creates the value.
     *
     * @param dealId the id asked for, not null
     */
    public UnknownDeal {
      Objects.requireNonNull(dealId, "dealId");
    }
  }
}
