package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.internal.DealCursor;

/**
 * A sales opportunity: who it is with, what it is worth, where it stands in its pipeline and
 * everything that happened to it.
 *
 * <p>A deal is made by its events: {@link Pipeline#open} creates one, every other command of
 * {@link Pipeline} returns a new deal with one more event in its {@link #history()}, and
 * {@link #replay(Pipeline, Iterable)} rebuilds an equal deal from the stored events. There is no
 * public constructor: a deal is always consistent with its history.
 *
 * <p>Equal deals are {@code equals}. Immutable and thread-safe.
 */
public final class Deal extends History {

  // never change (the opening instant is History's)
  private final String id;
  private final String pipelineId;
  private final String title;
  private final String account;
  // now; the values at the opening are in the history (see History)
  private final String stageId;
  private final String owner;
  private final @Nullable Money amount;
  private final @Nullable LocalDate expectedClose;
  private final Qualification qualification;
  private final String[] attributes; // keys and values; see Attributes

  private Deal(Deal from, DealEvent event, @Nullable Object payload, String stageId, DealStatus status, String owner,
      @Nullable Money amount, @Nullable LocalDate expectedClose, Qualification qualification, String[] attributes) {
    this(from, event.kind(), event.at(), payload, stageId, status, owner, amount, expectedClose, qualification,
        attributes);
  }

  private Deal(Deal from, DealEvent.Kind kind, Instant at, @Nullable Object payload, String stageId, DealStatus status,
      String owner, @Nullable Money amount, @Nullable LocalDate expectedClose, Qualification qualification,
      String[] attributes) {
    super(from, kind, at, payload, status);
    this.id = from.id;
    this.pipelineId = from.pipelineId;
    this.title = from.title;
    this.account = from.account;
    this.stageId = stageId;
    this.owner = owner;
    this.amount = amount;
    this.expectedClose = expectedClose;
    this.qualification = qualification;
    this.attributes = attributes;
  }

  /** The deal of the opening, in the stage of the id {@code stageId}, equal to the event's. */
  private Deal(DealEvent.Opened e, String stageId) {
    super(e.at(), stageId);
    this.id = e.dealId();
    this.pipelineId = e.pipelineId();
    this.title = e.title();
    this.account = e.account();
    this.stageId = stageId;
    this.owner = e.owner();
    this.amount = e.amount().getOrNull();
    this.expectedClose = e.expectedClose().getOrNull();
    this.qualification = e.qualification();
    this.attributes = Attributes.array(e.attributes());
    if (amount != null) {
      Checks.nonNegative(amount, "amount");
    }
  }

  /** The deal of an opening made from a draft, whose values were checked when they were set. */
  private Deal(NewDeal draft, String pipelineId, String stageId, Instant at) {
    super(at, stageId);
    this.id = draft.id();
    this.pipelineId = pipelineId;
    this.title = draft.title();
    this.account = draft.account();
    this.stageId = stageId;
    this.owner = draft.owner();
    this.amount = draft.amountOrNull();
    this.expectedClose = draft.expectedCloseOrNull();
    this.qualification = draft.qualification();
    this.attributes = Attributes.array(draft.attributeMap());
  }

  /** The library's modules read histories through this, found by {@link DealCursor#of(Deal)}. */
  private static DealCursor cursor(Deal deal) {
    return new History.Cursor(deal);
  }

  /** For {@link DealCursor#attributeOf(Deal, String)}. */
  private static @Nullable String attributeOf(Deal deal, String key) {
    return Attributes.get(deal.attributes, key);
  }

  /**
   * Returns the deal's id, unique within the host's store.
   *
   * @return the id, never null
   */
  public String id() {
    return id;
  }

  /**
   * Returns the id of the pipeline the deal runs through.
   *
   * @return the pipeline id, never null
   */
  public String pipelineId() {
    return pipelineId;
  }

  /**
   * Returns the deal's title.
   *
   * @return the title, never null, may be empty
   */
  public String title() {
    return title;
  }

  /**
   * Returns the customer account.
   *
   * @return the account, never null, may be empty
   */
  public String account() {
    return account;
  }

  /**
   * Returns the salesperson who owns the deal.
   *
   * @return the owner, never null, may be empty
   */
  public String owner() {
    return owner;
  }

  /**
   * Returns the amount, if known. Deals without an amount are left out of value figures.
   *
   * @return the amount (never negative), or none
   */
  public Option<Money> amount() {
    return Option.of(amount);
  }

  /**
   * Returns the date the deal is expected to close, if known.
   *
   * @return the date, or none
   */
  public Option<LocalDate> expectedClose() {
    return Option.of(expectedClose);
  }

  /**
   * Returns the id of the stage the deal is in: an open stage, or the won or lost stage.
   *
   * @return the stage id, never null
   */
  public String stageId() {
    return stageId;
  }

  /**
   * Returns whether the deal is open, won or lost.
   *
   * @return the status, never null
   */
  public DealStatus status() {
    return lastStatus();
  }

  /**
   * Returns what is known of the deal's qualification.
   *
   * @return the qualification, never null
   */
  public Qualification qualification() {
    return qualification;
  }

  /**
   * Returns the free attributes (source, segment, product…), in the order they were first set.
   *
   * @return an unmodifiable map, never null
   */
  public Map<String, String> attributes() {
    return Attributes.view(attributes);
  }

  /**
   * Returns the win probability a salesperson set by hand, if any. It takes precedence over the
   * stage's default while the deal is open, and survives stage changes.
   *
   * @return the probability in [0, 1], or none
   */
  public Option<Double> probabilityOverride() {
    // read from the history, not kept in a field: overrides are rare, and a field costs every deal
    int last = lastIndexOf(DealEvent.Kind.PROBABILITY_OVERRIDDEN, size());
    return last < 0 ? Option.none() : Option.of((Double) payloadAt(last));
  }

  /**
   * Returns the forecast category a salesperson set by hand, if one is in force. It takes
   * precedence over the category of the deal's stage ({@link Pipeline#forecastCategoryOf(Deal)})
   * until it is cleared or the deal changes stage (a move, a close or a reopening): then the
   * category follows the stage again, as Salesforce's {@code Opportunity.ForecastCategoryName} does
   * ("implied, but not directly controlled, by the StageName field"; "if the StageName is updated,
   * then the ForecastCategoryName […] [is] automatically updated based on the stage-category
   * mapping", Salesforce Object Reference, Opportunity). Unlike a {@linkplain #probabilityOverride()
   * probability override}, which survives stage changes.
   *
   * <p>Of the deal as it is: for the deal as of an instant, ask {@link #asOf(Instant)} first.
   *
   * @return the category (never {@link ForecastCategory#CLOSED}), or none; always none for a closed deal
   */
  public Option<ForecastCategory> forecastCategoryOverride() {
    // read from the history, as the probability override: rare, so no field for it in every deal
    for (int i = size() - 1; i > 0; i--) {
      if (kindAt(i) == DealEvent.Kind.FORECAST_CATEGORY_OVERRIDDEN) {
        return Option.of((ForecastCategory) payloadAt(i));
      }
      if (enteredStageAt(i) != null) {
        return Option.none();
      }
    }
    return Option.none();
  }

  /**
   * Returns why the deal was lost, while it is lost.
   *
   * @return the reason, never blank; none if the deal is not lost, or was lost without a reason
   *     (where the policy does not require one)
   */
  public Option<String> lostReason() {
    if (status() != DealStatus.LOST) {
      return Option.none();
    }
    String reason = ((LostTo) Objects.requireNonNull(payloadAt(lastIndexOf(DealEvent.Kind.LOST, size())))).reason();
    return reason.isEmpty() ? Option.none() : Option.some(reason);
  }

  /**
   * Returns when the deal was opened.
   *
   * @return the instant, never null
   */
  public Instant createdAt() {
    return openedAt();
  }

  /**
   * Returns when the last activity was recorded, or when the deal was opened if none was.
   *
   * @return the instant, never null
   */
  public Instant lastActivityAt() {
    int last = lastIndexOf(DealEvent.Kind.ACTIVITY_RECORDED, size());
    return last < 0 ? createdAt() : instantAt(last);
  }

  /**
   * Returns every event of the deal, oldest first, the first being {@link DealEvent.Opened}.
   *
   * @return an unmodifiable list, never empty
   */
  public List<DealEvent> history() {
    return EventsView.events(this);
  }

  /**
   * Returns the number of events in the deal's history: a version for optimistic concurrency.
   *
   * @return the version, at least 1
   */
  public int version() {
    return size();
  }

  /**
   * Returns the instant of the latest event; no command may be timestamped before it.
   *
   * @return the instant, never null
   */
  public Instant lastEventAt() {
    return instantAt(size() - 1);
  }

  /**
   * Tells whether the deal is still open.
   *
   * @return true if open
   */
  public boolean isOpen() {
    return status() == DealStatus.OPEN;
  }

  /**
   * Returns when the deal was last closed (won or lost), while it is closed.
   *
   * @return the instant of the latest close, or none if the deal is open
   */
  public Option<Instant> closedAt() {
    return isOpen() ? Option.none() : Option.some(instantAt(lastClose()));
  }

  /**
   * Returns the open stage the deal was last closed from, while it is closed.
   *
   * @return the stage id, or none if the deal is open
   */
  public Option<String> closedFromStageId() {
    if (isOpen()) {
      return Option.none();
    }
    for (int i = lastClose() - 1; i >= 0; i--) {
      String stage = enteredStageAt(i);
      if (stage != null) {
        return Option.some(stage);
      }
    }
    throw new IllegalStateException("bug: deal " + id + " was closed before it was in a stage");
  }

  private int lastClose() {
    for (int i = size() - 1; i > 0; i--) {
      DealEvent.Kind kind = kindAt(i);
      if (kind == DealEvent.Kind.WON || kind == DealEvent.Kind.LOST) {
        return i;
      }
    }
    throw new IllegalStateException("bug: deal " + id + " is " + status() + " but was never closed");
  }

  /**
   * Returns every stay of the deal in a stage, in order: open stages, and the won or lost stage
   * when closed. The current stay is the last one and has no end.
   *
   * @return the stays, never empty
   */
  public List<StageStay> stays() {
    List<StageStay> stays = new ArrayList<>();
    String stage = null;
    Instant entered = createdAt();
    for (int i = 0, n = size(); i < n; i++) {
      String next = enteredStageAt(i);
      if (next != null) {
        Instant at = instantAt(i);
        if (stage != null) {
          stays.add(new StageStay(stage, entered, Option.some(at)));
        }
        stage = next;
        entered = at;
      }
    }
    stays.add(new StageStay(Objects.requireNonNull(stage, "bug: no Opened event"), entered, Option.none()));
    return List.copyOf(stays);
  }

  /**
   * Returns when the deal entered the stage it is in now.
   *
   * @return the instant, never null
   */
  public Instant enteredCurrentStageAt() {
    for (int i = size() - 1; i > 0; i--) {
      if (enteredStageAt(i) != null) {
        return instantAt(i);
      }
    }
    return createdAt();
  }

  /**
   * Returns how long the deal has been in its current stage at an instant.
   *
   * @param asOf the instant to measure at, not before {@link #enteredCurrentStageAt()}
   * @return the time in the current stage, never negative
   * @throws IllegalArgumentException if asOf is before the deal entered its current stage
   */
  public Duration timeInCurrentStage(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Instant entered = enteredCurrentStageAt();
    if (asOf.isBefore(entered)) {
      throw new IllegalArgumentException("asOf must not be before " + entered + " but was " + asOf);
    }
    return Duration.between(entered, asOf);
  }

  /**
   * Returns the total time the deal spent in a stage across all its stays up to an instant
   * (HubSpot's "cumulative time in stage"); the current stay counts up to {@code asOf}.
   *
   * @param stageId the stage, not null
   * @param asOf the instant to measure at, not null; stays after it do not count
   * @return the total time, zero if the deal never was in the stage
   */
  public Duration cumulativeTimeIn(String stageId, Instant asOf) {
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(asOf, "asOf");
    Duration total = Duration.ZERO;
    for (StageStay stay : stays()) {
      if (stay.stageId().equals(stageId) && stay.enteredAt().isBefore(asOf)) {
        Instant end = stay.leftAt().filter(left -> left.isBefore(asOf)).getOrElse(asOf);
        total = total.plus(Duration.between(stay.enteredAt(), end));
      }
    }
    return total;
  }

  /**
   * Returns the deal as it was at an instant, as if exported then: events after {@code asOf} are
   * ignored.
   *
   * @param asOf the instant, not null
   * @return the deal as of that instant, or none if it was opened after it
   */
  public Option<Deal> asOf(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    int last = size() - 1;
    while (last >= 0 && compareAt(last, asOf) > 0) {
      last--;
    }
    if (last < 0) {
      return Option.none();
    }
    if (last == size() - 1) {
      return Option.some(this);
    }
    List<DealEvent> history = history();
    DealEvent.Opened opening = (DealEvent.Opened) history.get(0);
    Deal deal = opened(opening, opening.stageId());
    for (int i = 1; i <= last; i++) {
      deal = deal.evolve(history.get(i));
    }
    return Option.some(deal);
  }

  /**
   * Rebuilds a deal from its stored events, checking every event against the pipeline's rules.
   *
   * @param pipeline the pipeline the deal runs through, not null
   * @param events the deal's events, oldest first, starting with {@link DealEvent.Opened}
   * @return the deal, equal to the one that produced the events
   * @throws InvalidHistoryException naming the index of the first event that breaks a rule
   */
  public static Deal replay(Pipeline pipeline, Iterable<? extends DealEvent> events) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(events, "events");
    return Replay.replay(pipeline, events);
  }

  /**
   * Rebuilds a deal from stored events without checking them against a pipeline's rules: for
   * histories recorded under rules that have since changed (a stage that now has entry criteria,
   * a policy that no longer allows skips), which {@link #replay(Pipeline, Iterable)} would refuse.
   *
   * <p>The history must still be well formed: it starts with {@link DealEvent.Opened}, every event
   * belongs to that deal, time never runs backwards, stage events follow from the deal's state
   * (a move or close leaves the stage the deal is in, only an open deal moves or closes, only a
   * closed deal is reopened), amounts are not negative and probabilities are within [0, 1].
   *
   * @param events the deal's events, oldest first, not null
   * @return the deal, equal to the one that produced the events
   * @throws InvalidHistoryException naming the index of the first event that is not well formed
   */
  public static Deal restore(Iterable<? extends DealEvent> events) {
    Objects.requireNonNull(events, "events");
    return Replay.restore(events);
  }

  /**
   * The deal of an opening event, in its stage named by {@code stageId}: the event's own string, or
   * an equal one (the pipeline's, so that its deals share one string per stage).
   */
  static Deal opened(DealEvent.Opened e, String stageId) {
    if (!stageId.equals(e.stageId())) {
      throw new IllegalStateException("bug: deal " + e.dealId() + " opened in '" + e.stageId() + "', not '" + stageId
          + "'");
    }
    return new Deal(e, stageId);
  }

  /**
   * The deal a pipeline opens from a draft in a stage: no {@link DealEvent.Opened} is made (its
   * change makes it from the deal when asked), and the draft's amount is not checked again.
   */
  static Deal opened(NewDeal draft, String pipelineId, String stageId, Instant at) {
    return new Deal(draft, pipelineId, stageId, at);
  }

  /** Applies an already validated event; the state machine decides, this only records. */
  Deal evolve(DealEvent e) {
    if (!e.dealId().equals(id)) {
      throw new IllegalStateException("bug: event of deal " + e.dealId() + " applied to deal " + id);
    }
    // the payload is what the history keeps: the value before for the fields this deal holds (see History)
    return switch (e.kind()) {
      case OPENED -> throw new IllegalStateException("bug: deal " + id + " cannot be opened twice");
      case STAGE_CHANGED -> moved(((DealEvent.StageChanged) e).toStageId(), e.at());
      case WON -> won(((DealEvent.Won) e).wonStageId(), e.at());
      case LOST -> lost(((DealEvent.Lost) e).lostStageId(), ((DealEvent.Lost) e).reason(), e.at());
      case REOPENED -> reopened(((DealEvent.Reopened) e).toStageId(), e.at());
      case AMOUNT_CHANGED -> {
        Money next = ((DealEvent.AmountChanged) e).amount().getOrNull();
        if (next != null) {
          Checks.nonNegative(next, "amount");
        }
        yield new Deal(this, e, amount, stageId, status(), owner, next, expectedClose, qualification, attributes);
      }
      case QUALIFICATION_UPDATED -> qualified(((DealEvent.QualificationUpdated) e).qualification(), e.at());
      case ATTRIBUTE_CHANGED -> {
        DealEvent.AttributeChanged changed = (DealEvent.AttributeChanged) e;
        String[] next = changed.value().isEmpty() ? Attributes.without(attributes, changed.key())
            : Attributes.with(attributes, changed.key(), changed.value().get());
        yield new Deal(this, e, new AttributeEdit(changed.key(), attributes), stageId, status(), owner, amount,
            expectedClose, qualification, next);
      }
      case EXPECTED_CLOSE_CHANGED -> new Deal(this, e, expectedClose, stageId, status(), owner, amount,
          ((DealEvent.ExpectedCloseChanged) e).expectedClose().getOrNull(), qualification, attributes);
      case PROBABILITY_OVERRIDDEN -> new Deal(this, e, ((DealEvent.ProbabilityOverridden) e).probability().getOrNull(),
          stageId, status(), owner, amount, expectedClose, qualification, attributes);
      case OWNER_CHANGED -> new Deal(this, e, owner, stageId, status(), ((DealEvent.OwnerChanged) e).owner(), amount,
          expectedClose, qualification, attributes);
      case ACTIVITY_RECORDED -> new Deal(this, e, null, stageId, status(), owner, amount, expectedClose, qualification,
          attributes);
      case FORECAST_CATEGORY_OVERRIDDEN -> new Deal(this, e,
          ((DealEvent.ForecastCategoryOverridden) e).forecastCategory().getOrNull(), stageId, status(), owner, amount,
          expectedClose, qualification, attributes);
    };
  }

  // The events the pipeline's commands produce, one method per kind, given the event's values rather than the event:
  // a command calls its own after deciding, so that the JIT inlines the whole append into the command and no event
  // is made (its Change makes it from the deal when asked); evolve calls the same methods once it has checked the
  // deal id. The values must be valid for this deal.

  /** Applies a move of this deal into an open stage; see {@link #evolve}. */
  Deal moved(String toStageId, Instant at) {
    return new Deal(this, DealEvent.Kind.STAGE_CHANGED, at, toStageId, toStageId, status(), owner, amount,
        expectedClose, qualification, attributes);
  }

  /** Applies the win of this deal; see {@link #evolve}. */
  Deal won(String wonStageId, Instant at) {
    return new Deal(this, DealEvent.Kind.WON, at, wonStageId, wonStageId, DealStatus.WON, owner, amount,
        expectedClose, qualification, attributes);
  }

  /** Applies the loss of this deal with its reason (empty if none); see {@link #evolve}. */
  Deal lost(String lostStageId, String reason, Instant at) {
    return new Deal(this, DealEvent.Kind.LOST, at, new LostTo(lostStageId, reason), lostStageId, DealStatus.LOST,
        owner, amount, expectedClose, qualification, attributes);
  }

  /** Applies a reopening of this deal into an open stage; see {@link #evolve}. */
  Deal reopened(String toStageId, Instant at) {
    return new Deal(this, DealEvent.Kind.REOPENED, at, toStageId, toStageId, DealStatus.OPEN, owner, amount,
        expectedClose, qualification, attributes);
  }

  /** Applies a qualification update of this deal; see {@link #evolve}. */
  Deal qualified(Qualification next, Instant at) {
    return new Deal(this, DealEvent.Kind.QUALIFICATION_UPDATED, at, qualification, stageId, status(), owner, amount,
        expectedClose, next, attributes);
  }

  /**
   * Returns the deal's latest event, made from the compact history as {@link #history()} makes it:
   * the event of the command that produced this deal.
   *
   * @param fromStageId the stage the deal left, if the event is a move, a win or a loss; else null
   */
  DealEvent lastEvent(@Nullable String fromStageId) {
    return EventsView.last(this, fromStageId);
  }

  /** The events themselves, made from the compact history when asked for. */
  private static final class EventsView {

    private EventsView() {}

    static List<DealEvent> events(Deal deal) {
      int n = deal.size();
      // backwards from the deal's fields: the value after each field event, and in the end the opening values
      Object[] after = new Object[n];
      String owner = deal.owner;
      Money amount = deal.amount;
      LocalDate close = deal.expectedClose;
      Qualification qualification = deal.qualification;
      String[] attributes = deal.attributes;
      for (int i = n - 1; i > 0; i--) {
        Object before = deal.payloadAt(i);
        after[i] = switch (deal.kindAt(i)) {
          case AMOUNT_CHANGED -> {
            Money value = amount;
            amount = (Money) before;
            yield value;
          }
          case QUALIFICATION_UPDATED -> {
            Qualification value = qualification;
            qualification = (Qualification) Objects.requireNonNull(before);
            yield value;
          }
          case ATTRIBUTE_CHANGED -> {
            AttributeEdit edit = (AttributeEdit) Objects.requireNonNull(before);
            String value = Attributes.get(attributes, edit.key);
            attributes = edit.before;
            yield value;
          }
          case EXPECTED_CLOSE_CHANGED -> {
            LocalDate value = close;
            close = (LocalDate) before;
            yield value;
          }
          case OWNER_CHANGED -> {
            String value = owner;
            owner = (String) Objects.requireNonNull(before);
            yield value;
          }
          case OPENED, STAGE_CHANGED, WON, LOST, REOPENED, PROBABILITY_OVERRIDDEN, ACTIVITY_RECORDED,
              FORECAST_CATEGORY_OVERRIDDEN -> before;
        };
      }
      DealEvent[] events = new DealEvent[n];
      String stage = (String) Objects.requireNonNull(deal.payloadAt(0));
      events[0] = opening(deal, stage, owner, amount, close, qualification, attributes);
      for (int i = 1; i < n; i++) {
        events[i] = event(deal, i, stage, after[i]);
        String entered = deal.enteredStageAt(i);
        if (entered != null) {
          stage = entered;
        }
      }
      return List.of(events);
    }

    /**
     * The deal's latest event: the value after a field event is the deal's own; the stage it left,
     * for a move, win or loss, is given.
     */
    static DealEvent last(Deal deal, @Nullable String fromStageId) {
      int i = deal.size() - 1;
      if (i == 0) {
        return opening(deal, (String) Objects.requireNonNull(deal.payloadAt(0)), deal.owner, deal.amount,
            deal.expectedClose, deal.qualification, deal.attributes);
      }
      Object after = switch (deal.kindAt(i)) {
        case AMOUNT_CHANGED -> deal.amount;
        case QUALIFICATION_UPDATED -> deal.qualification;
        case ATTRIBUTE_CHANGED -> Attributes.get(deal.attributes,
            ((AttributeEdit) Objects.requireNonNull(deal.payloadAt(i))).key);
        case EXPECTED_CLOSE_CHANGED -> deal.expectedClose;
        case OWNER_CHANGED -> deal.owner;
        case OPENED, STAGE_CHANGED, WON, LOST, REOPENED, PROBABILITY_OVERRIDDEN, ACTIVITY_RECORDED,
            FORECAST_CATEGORY_OVERRIDDEN -> deal.payloadAt(i);
      };
      String from = switch (deal.kindAt(i)) {
        case STAGE_CHANGED, WON, LOST -> {
          if (fromStageId == null) {
            throw new IllegalStateException("bug: the " + deal.kindAt(i) + " of deal " + deal.id
                + " was made without the stage it left");
          }
          yield fromStageId;
        }
        case OPENED, REOPENED, AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED,
            PROBABILITY_OVERRIDDEN, OWNER_CHANGED, ACTIVITY_RECORDED, FORECAST_CATEGORY_OVERRIDDEN -> deal.stageId;
      };
      return event(deal, i, from, after);
    }

    private static DealEvent.Opened opening(Deal deal, String stage, String owner, @Nullable Money amount,
        @Nullable LocalDate close, Qualification qualification, String[] attributes) {
      return new DealEvent.Opened(deal.id, deal.pipelineId, stage, deal.title, deal.account, owner,
          Option.of(amount), Option.of(close), qualification, Attributes.view(attributes), deal.createdAt());
    }

    /** Event {@code i} (not the opening) of the deal, in {@code stage} before it, with the value it set. */
    private static DealEvent event(Deal deal, int i, String stage, @Nullable Object value) {
      String id = deal.id;
      Instant at = deal.instantAt(i);
      return switch (deal.kindAt(i)) {
        case OPENED -> throw new IllegalStateException("bug: deal " + id + " was opened again at event " + i);
        case STAGE_CHANGED -> new DealEvent.StageChanged(id, stage, (String) value, at);
        case WON -> new DealEvent.Won(id, stage, (String) value, at);
        case LOST -> {
          LostTo lost = (LostTo) Objects.requireNonNull(value);
          yield new DealEvent.Lost(id, stage, lost.stageId(), lost.reason(), at);
        }
        case REOPENED -> new DealEvent.Reopened(id, (String) value, at);
        case AMOUNT_CHANGED -> new DealEvent.AmountChanged(id, Option.of((Money) value), at);
        case QUALIFICATION_UPDATED -> new DealEvent.QualificationUpdated(id, (Qualification) value, at);
        case ATTRIBUTE_CHANGED -> new DealEvent.AttributeChanged(id,
            ((AttributeEdit) Objects.requireNonNull(deal.payloadAt(i))).key, Option.of((String) value), at);
        case EXPECTED_CLOSE_CHANGED -> new DealEvent.ExpectedCloseChanged(id, Option.of((LocalDate) value), at);
        case PROBABILITY_OVERRIDDEN -> new DealEvent.ProbabilityOverridden(id, Option.of((Double) value), at);
        case OWNER_CHANGED -> new DealEvent.OwnerChanged(id, (String) value, at);
        case ACTIVITY_RECORDED -> new DealEvent.ActivityRecorded(id, at);
        case FORECAST_CATEGORY_OVERRIDDEN -> new DealEvent.ForecastCategoryOverridden(id,
            Option.of((ForecastCategory) value), at);
      };
    }
  }

  /**
   * Compares every field and the whole history: deals built by the same events are equal.
   *
   * @param other the object to compare with
   * @return true if other is a deal with the same state and history
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof Deal that
        && id.equals(that.id)
        && stageId.equals(that.stageId)
        && sameHistory(that)
        && pipelineId.equals(that.pipelineId)
        && title.equals(that.title)
        && account.equals(that.account)
        && owner.equals(that.owner)
        && Objects.equals(amount, that.amount)
        && Objects.equals(expectedClose, that.expectedClose)
        && qualification.equals(that.qualification)
        && Attributes.view(attributes).equals(Attributes.view(that.attributes));
  }

  /**
   * Returns a hash of the deal's id, stage, status and history, consistent with equals.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return ((id.hashCode() * 31 + stageId.hashCode()) * 31 + status().ordinal()) * 31 + historyHash();
  }

  @Override
  public String toString() {
    return "Deal " + id + " '" + title + "' [" + stageId + ", " + status()
        + (amount == null ? "" : ", " + amount) + ", owner " + owner + ", " + version() + " events]";
  }
}
