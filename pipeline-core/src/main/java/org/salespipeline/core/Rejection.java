package org.salespipeline.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why the pipeline refused a command: a business rule said no. A rejected command changes nothing.
 *
 * <p>Each kind of rejection has a stable {@link #code()} a host can map to its own UI, and a
 * {@link #message()} a salesperson understands. Immutable and thread-safe.
 */
public sealed interface Rejection {

  /**
   * Returns the stable, machine-readable code of this kind of rejection, such as
   * {@code "ENTRY_CRITERIA_NOT_MET"}.
   *
   * @return the code, never null
   */
  String code();

  /**
   * Returns the reason in plain words, naming the deal, the stage and the rule.
   *
   * @return the message, never null
   */
  String message();

  /**
   * The stage id is not a stage of the deal's pipeline.
   *
   * @param dealId the deal
   * @param stageId the unknown stage id
   * @param pipelineName the pipeline's name
   */
  record UnknownStage(String dealId, String stageId, String pipelineName) implements Rejection {
    @Override
    public String code() {
      return "UNKNOWN_STAGE";
    }

    @Override
    public String message() {
      return "Deal " + dealId + ": there is no stage '" + stageId + "' in the " + pipelineName + " pipeline.";
    }
  }

  /**
   * The command needs an open stage but was given the won or lost stage.
   *
   * @param dealId the deal
   * @param stageName the won or lost stage
   */
  record NotAnOpenStage(String dealId, String stageName) implements Rejection {
    @Override
    public String code() {
      return "NOT_AN_OPEN_STAGE";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot be put in " + stageName + " this way: win or lose the deal instead.";
    }
  }

  /**
   * The deal is already in the stage it was asked to move to.
   *
   * @param dealId the deal
   * @param stageName the stage
   */
  record AlreadyInStage(String dealId, String stageName) implements Rejection {
    @Override
    public String code() {
      return "ALREADY_IN_STAGE";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " is already in " + stageName + ".";
    }
  }

  /**
   * The deal is won or lost; it must be reopened first.
   *
   * @param dealId the deal
   * @param status how it was closed
   */
  record DealClosed(String dealId, DealStatus status) implements Rejection {
    @Override
    public String code() {
      return "DEAL_CLOSED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ": reopen it first.";
    }
  }

  /**
   * Only a won or lost deal can be reopened.
   *
   * @param dealId the deal
   */
  record DealNotClosed(String dealId) implements Rejection {
    @Override
    public String code() {
      return "DEAL_NOT_CLOSED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " is still open: only won or lost deals can be reopened.";
    }
  }

  /**
   * The pipeline does not let deals skip stages.
   *
   * @param dealId the deal
   * @param fromStageName the stage the deal is in
   * @param toStageName the stage it was asked to move to
   * @param skippedStageNames the stages it would skip
   */
  record SkipNotAllowed(String dealId, String fromStageName, String toStageName, List<String> skippedStageNames)
      implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param fromStageName the stage the deal is in
     * @param toStageName the stage it was asked to move to
     * @param skippedStageNames the stages it would skip
     */
    public SkipNotAllowed {
      skippedStageNames = List.copyOf(skippedStageNames);
    }

    @Override
    public String code() {
      return "SKIP_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot jump from " + fromStageName + " to " + toStageName
          + ": this pipeline does not allow skipping " + String.join(", ", skippedStageNames) + ".";
    }
  }

  /**
   * The pipeline does not let deals move back.
   *
   * @param dealId the deal
   * @param fromStageName the stage the deal is in
   * @param toStageName the earlier stage it was asked to move to
   */
  record BackwardNotAllowed(String dealId, String fromStageName, String toStageName) implements Rejection {
    @Override
    public String code() {
      return "BACKWARD_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot move back from " + fromStageName + " to " + toStageName
          + ": this pipeline only moves forward.";
    }
  }

  /**
   * The pipeline does not let deals be opened in this stage.
   *
   * @param dealId the deal
   * @param stageName the stage asked for
   * @param allowedStageNames the stages where deals may be opened
   */
  record CreationNotAllowed(String dealId, String stageName, List<String> allowedStageNames) implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param stageName the stage asked for
     * @param allowedStageNames the stages where deals may be opened
     */
    public CreationNotAllowed {
      allowedStageNames = List.copyOf(allowedStageNames);
    }

    @Override
    public String code() {
      return "CREATION_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot start in " + stageName + ": new deals start in "
          + String.join(" or ", allowedStageNames) + ".";
    }
  }

  /**
   * The pipeline does not let deals be won from this stage.
   *
   * @param dealId the deal
   * @param stageName the stage the deal is in
   * @param allowedStageNames the stages deals may be won from
   */
  record WinNotAllowed(String dealId, String stageName, List<String> allowedStageNames) implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param stageName the stage the deal is in
     * @param allowedStageNames the stages deals may be won from
     */
    public WinNotAllowed {
      allowedStageNames = List.copyOf(allowedStageNames);
    }

    @Override
    public String code() {
      return "WIN_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot be won from " + stageName + ": deals are won from "
          + String.join(" or ", allowedStageNames) + ".";
    }
  }

  /**
   * The pipeline requires a reason to lose a deal.
   *
   * @param dealId the deal
   * @param allowedReasons the reasons to choose from, empty if any reason will do
   */
  record LostReasonRequired(String dealId, Set<String> allowedReasons) implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param allowedReasons the reasons to choose from, empty if any reason will do
     */
    public LostReasonRequired {
      allowedReasons = Set.copyOf(allowedReasons);
    }

    @Override
    public String code() {
      return "LOST_REASON_REQUIRED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " needs a reason to be marked lost"
          + (allowedReasons.isEmpty() ? "." : ": one of " + sorted(allowedReasons) + ".");
    }
  }

  /**
   * The reason given is not one of the pipeline's lost reasons.
   *
   * @param dealId the deal
   * @param reason the reason given
   * @param allowedReasons the reasons to choose from
   */
  record LostReasonNotAllowed(String dealId, String reason, Set<String> allowedReasons) implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param reason the reason given
     * @param allowedReasons the reasons to choose from
     */
    public LostReasonNotAllowed {
      allowedReasons = Set.copyOf(allowedReasons);
    }

    @Override
    public String code() {
      return "LOST_REASON_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot be lost for '" + reason + "': choose one of " + sorted(allowedReasons) + ".";
    }
  }

  /**
   * The pipeline does not let closed deals be reopened.
   *
   * @param dealId the deal
   */
  record ReopenNotAllowed(String dealId) implements Rejection {
    @Override
    public String code() {
      return "REOPEN_NOT_ALLOWED";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot be reopened: this pipeline keeps closed deals closed.";
    }
  }

  /**
   * The deal does not meet the entry criteria of a stage it would enter (or skip past). Lists
   * every criterion that failed, not only the first.
   *
   * @param dealId the deal
   * @param stageName the stage whose criteria failed
   * @param failed every criterion that is not met, in the stage's order
   */
  record CriteriaNotMet(String dealId, String stageName, List<EntryCriterion> failed) implements Rejection {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal
     * @param stageName the stage whose criteria failed
     * @param failed every criterion that is not met, in the stage's order
     */
    public CriteriaNotMet {
      failed = List.copyOf(failed);
    }

    @Override
    public String code() {
      return "ENTRY_CRITERIA_NOT_MET";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot enter " + stageName + ": "
          + failed.stream().map(EntryCriterion::reason).collect(Collectors.joining("; ")) + ".";
    }
  }

  /**
   * The command is timestamped before the deal's latest event: time never runs backwards within
   * one deal's history.
   *
   * @param dealId the deal
   * @param at the command's instant
   * @param lastEventAt the instant of the deal's latest event
   */
  record BeforeLastEvent(String dealId, Instant at, Instant lastEventAt) implements Rejection {
    @Override
    public String code() {
      return "BEFORE_LAST_EVENT";
    }

    @Override
    public String message() {
      return "Deal " + dealId + " cannot change at " + at + ": its history already goes up to " + lastEventAt + ".";
    }
  }

  private static String sorted(Set<String> reasons) {
    return reasons.stream().sorted().collect(Collectors.joining(", "));
  }
}
