package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a deal: the facts a host appends to its own store, and from which
 * {@link Deal#replay(Pipeline, Iterable)} rebuilds the deal.
 *
 * <p>The set of events is closed (sealed) and stable: hosts may persist them by type name and
 * fields. Every event names its deal and its instant; events are immutable and thread-safe.
 */
public sealed interface DealEvent {

  /**
   * Returns the id of the deal the event belongs to.
   *
   * @return the deal id, never null
   */
  String dealId();

  /**
   * Returns when the event happened.
   *
   * @return the instant, never null
   */
  Instant at();

  /**
   * Returns the event's kind: one constant per event type, for exhaustive {@code switch}
   * expressions (a new kind of event is then a compile error wherever events are handled).
   *
   * @return the kind, never null
   */
  Kind kind();

  /**
   * The kinds of events, one per event type, in a stable order. Adding one is a compile error in
   * every exhaustive {@code switch} over the kinds, which lists the places that must handle it.
   */
  enum Kind {
    /** {@link Opened}. */
    OPENED,
    /** {@link StageChanged}. */
    STAGE_CHANGED,
    /** {@link Won}. */
    WON,
    /** {@link Lost}. */
    LOST,
    /** {@link Reopened}. */
    REOPENED,
    /** {@link AmountChanged}. */
    AMOUNT_CHANGED,
    /** {@link QualificationUpdated}. */
    QUALIFICATION_UPDATED,
    /** {@link AttributeChanged}. */
    ATTRIBUTE_CHANGED,
    /** {@link ExpectedCloseChanged}. */
    EXPECTED_CLOSE_CHANGED,
    /** {@link ProbabilityOverridden}. */
    PROBABILITY_OVERRIDDEN,
    /** {@link OwnerChanged}. */
    OWNER_CHANGED,
    /** {@link ActivityRecorded}. */
    ACTIVITY_RECORDED,
    /** {@link ForecastCategoryOverridden}. */
    FORECAST_CATEGORY_OVERRIDDEN;
  }

  /**
   * A deal was opened in a stage.
   *
   * @param dealId the deal's id
   * @param pipelineId the pipeline's id
   * @param stageId the open stage it starts in
   * @param title the deal's title
   * @param account the customer account
   * @param owner the salesperson who owns the deal
   * @param amount the amount, if known
   * @param expectedClose the expected close date, if known
   * @param qualification what is known of the qualification
   * @param attributes free attributes such as source or segment
   * @param at when the deal was opened
   */
  record Opened(
      String dealId,
      String pipelineId,
      String stageId,
      String title,
      String account,
      String owner,
      Option<Money> amount,
      Option<LocalDate> expectedClose,
      Qualification qualification,
      Map<String, String> attributes,
      Instant at)
      implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param pipelineId the pipeline's id
     * @param stageId the open stage it starts in
     * @param title the deal's title
     * @param account the customer account
     * @param owner the salesperson who owns the deal
     * @param amount the amount, if known
     * @param expectedClose the expected close date, if known
     * @param qualification what is known of the qualification
     * @param attributes free attributes such as source or segment
     * @param at when the deal was opened
     */
    public Opened {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(pipelineId, "pipelineId");
      Objects.requireNonNull(stageId, "stageId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(expectedClose, "expectedClose");
      Objects.requireNonNull(qualification, "qualification");
      attributes = Attributes.copyOf(attributes);
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#OPENED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.OPENED;
    }
  }

  /**
   * A deal moved from one open stage to another (forward, skipping or backward).
   *
   * @param dealId the deal's id
   * @param fromStageId the stage it left
   * @param toStageId the stage it entered
   * @param at when it moved
   */
  record StageChanged(String dealId, String fromStageId, String toStageId, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param fromStageId the stage it left
     * @param toStageId the stage it entered
     * @param at when it moved
     */
    public StageChanged {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(fromStageId, "fromStageId");
      Objects.requireNonNull(toStageId, "toStageId");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#STAGE_CHANGED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.STAGE_CHANGED;
    }
  }

  /**
   * A deal was won.
   *
   * @param dealId the deal's id
   * @param fromStageId the open stage it was won from
   * @param wonStageId the pipeline's won stage
   * @param at when it was won
   */
  record Won(String dealId, String fromStageId, String wonStageId, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param fromStageId the open stage it was won from
     * @param wonStageId the pipeline's won stage
     * @param at when it was won
     */
    public Won {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(fromStageId, "fromStageId");
      Objects.requireNonNull(wonStageId, "wonStageId");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#WON}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.WON;
    }
  }

  /**
   * A deal was lost.
   *
   * @param dealId the deal's id
   * @param fromStageId the open stage it was lost from
   * @param lostStageId the pipeline's lost stage
   * @param reason why it was lost; empty when the pipeline does not require a reason
   * @param at when it was lost
   */
  record Lost(String dealId, String fromStageId, String lostStageId, String reason, Instant at)
      implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param fromStageId the open stage it was lost from
     * @param lostStageId the pipeline's lost stage
     * @param reason why it was lost; empty when the pipeline does not require a reason
     * @param at when it was lost
     */
    public Lost {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(fromStageId, "fromStageId");
      Objects.requireNonNull(lostStageId, "lostStageId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#LOST}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.LOST;
    }
  }

  /**
   * A closed deal was reopened into an open stage.
   *
   * @param dealId the deal's id
   * @param toStageId the open stage it re-entered
   * @param at when it was reopened
   */
  record Reopened(String dealId, String toStageId, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param toStageId the open stage it re-entered
     * @param at when it was reopened
     */
    public Reopened {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(toStageId, "toStageId");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#REOPENED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.REOPENED;
    }
  }

  /**
   * A deal's amount was set, changed or cleared.
   *
   * @param dealId the deal's id
   * @param amount the new amount, or none when cleared
   * @param at when it changed
   */
  record AmountChanged(String dealId, Option<Money> amount, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param amount the new amount, or none when cleared
     * @param at when it changed
     */
    public AmountChanged {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#AMOUNT_CHANGED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.AMOUNT_CHANGED;
    }
  }

  /**
   * What is known of a deal's qualification changed.
   *
   * @param dealId the deal's id
   * @param qualification the new qualification
   * @param at when it changed
   */
  record QualificationUpdated(String dealId, Qualification qualification, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param qualification the new qualification
     * @param at when it changed
     */
    public QualificationUpdated {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(qualification, "qualification");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#QUALIFICATION_UPDATED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.QUALIFICATION_UPDATED;
    }
  }

  /**
   * A free attribute was set, or cleared.
   *
   * @param dealId the deal's id
   * @param key the attribute's key
   * @param value the new value, or none when cleared
   * @param at when it changed
   */
  record AttributeChanged(String dealId, String key, Option<String> value, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param key the attribute's key
     * @param value the new value, or none when cleared
     * @param at when it changed
     */
    public AttributeChanged {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#ATTRIBUTE_CHANGED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.ATTRIBUTE_CHANGED;
    }
  }

  /**
   * The expected close date was set, changed or cleared.
   *
   * @param dealId the deal's id
   * @param expectedClose the new date, or none when cleared
   * @param at when it changed
   */
  record ExpectedCloseChanged(String dealId, Option<LocalDate> expectedClose, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param expectedClose the new date, or none when cleared
     * @param at when it changed
     */
    public ExpectedCloseChanged {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(expectedClose, "expectedClose");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#EXPECTED_CLOSE_CHANGED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.EXPECTED_CLOSE_CHANGED;
    }
  }

  /**
   * A salesperson overrode the deal's win probability, or cleared the override.
   *
   * @param dealId the deal's id
   * @param probability the manual probability in [0, 1], or none when cleared
   * @param at when it changed
   */
  record ProbabilityOverridden(String dealId, Option<Double> probability, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param probability the manual probability in [0, 1], or none when cleared
     * @param at when it changed
     */
    public ProbabilityOverridden {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(probability, "probability");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#PROBABILITY_OVERRIDDEN}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.PROBABILITY_OVERRIDDEN;
    }
  }

  /**
   * The deal was handed to another owner.
   *
   * @param dealId the deal's id
   * @param owner the new owner
   * @param at when it changed hands
   */
  record OwnerChanged(String dealId, String owner, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param owner the new owner
     * @param at when it changed hands
     */
    public OwnerChanged {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#OWNER_CHANGED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.OWNER_CHANGED;
    }
  }

  /**
   * An activity (call, meeting, e-mail) was recorded on the deal.
   *
   * @param dealId the deal's id
   * @param at when the activity happened
   */
  record ActivityRecorded(String dealId, Instant at) implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param at when the activity happened
     */
    public ActivityRecorded {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#ACTIVITY_RECORDED}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.ACTIVITY_RECORDED;
    }
  }

  /**
   * A salesperson set the deal's forecast category by hand, or cleared the override.
   *
   * <p>As Salesforce's {@code Opportunity.ForecastCategoryName}: "implied, but not directly
   * controlled, by the StageName field. You can override this field to a different value than is
   * implied by the StageName value", and when the stage changes the category follows the new stage
   * again (Salesforce Object Reference, Opportunity). See {@link Deal#forecastCategoryOverride()}.
   *
   * @param dealId the deal's id
   * @param forecastCategory the category, never {@link ForecastCategory#CLOSED}; or none when cleared
   * @param at when it changed
   */
  record ForecastCategoryOverridden(String dealId, Option<ForecastCategory> forecastCategory, Instant at)
      implements DealEvent {
    /**
     * Creates the value, checking that no component is null.
     *
     * @param dealId the deal's id
     * @param forecastCategory the category, never {@link ForecastCategory#CLOSED}; or none when cleared
     * @param at when it changed
     */
    public ForecastCategoryOverridden {
      Objects.requireNonNull(dealId, "dealId");
      Objects.requireNonNull(forecastCategory, "forecastCategory");
      Objects.requireNonNull(at, "at");
    }

    /**
     * Returns {@link Kind#FORECAST_CATEGORY_OVERRIDDEN}.
     *
     * @return the kind, never null
     */
    @Override
    public Kind kind() {
      return Kind.FORECAST_CATEGORY_OVERRIDDEN;
    }
  }
}
