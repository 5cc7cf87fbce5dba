package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.internal.DealInternals;

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
public final class Deal {

  static {
    DealInternals.install(new DealInternals() {
      @Override
      public @Nullable String enteredStage(Deal deal, int index) {
        return deal.enteredStageAt(index);
      }

      @Override
      public long epochMilli(Deal deal, int index) {
        return deal.epochMilliAt(index);
      }

      @Override
      public int compareAt(Deal deal, int index, Instant other) {
        return deal.compareAt(index, other);
      }

      @Override
      public @Nullable String attribute(Deal deal, String key) {
        return Attributes.get(deal.attributes, key);
      }
    });
  }

  // never change
  private final String id;
  private final String pipelineId;
  private final String title;
  private final String account;
  private final long createdSecond; // not an Instant: 12 bytes in place of a 4-byte reference and 24-byte object
  private final int createdNano;
  // now
  private final String stageId;
  private final DealStatus status;
  private final String owner;
  private final @Nullable Money amount;
  private final @Nullable LocalDate expectedClose;
  private final Qualification qualification;
  private final String[] attributes; // keys and values; see Attributes
  // at the opening, for the Opened event; the same objects as now until something changes
  private final String openingOwner;
  private final @Nullable Money openingAmount;
  private final @Nullable LocalDate openingExpectedClose;
  private final Qualification openingQualification;
  private final String[] openingAttributes;
  // the history, one mark and one payload per event (see EventCodec)
  private final long[] marks;
  private final @Nullable Object[] payloads;

  private Deal(Deal from, String stageId, DealStatus status, String owner, @Nullable Money amount,
      @Nullable LocalDate expectedClose, Qualification qualification, String[] attributes,
      long[] marks, @Nullable Object[] payloads) {
    this.id = from.id;
    this.pipelineId = from.pipelineId;
    this.title = from.title;
    this.account = from.account;
    this.createdSecond = from.createdSecond;
    this.createdNano = from.createdNano;
    this.stageId = stageId;
    this.status = status;
    this.owner = owner;
    this.amount = amount;
    this.expectedClose = expectedClose;
    this.qualification = qualification;
    this.attributes = attributes;
    this.openingOwner = from.openingOwner;
    this.openingAmount = from.openingAmount;
    this.openingExpectedClose = from.openingExpectedClose;
    this.openingQualification = from.openingQualification;
    this.openingAttributes = from.openingAttributes;
    this.marks = marks;
    this.payloads = payloads;
  }

  private Deal(DealEvent.Opened e) {
    this.id = e.dealId();
    this.pipelineId = e.pipelineId();
    this.title = e.title();
    this.account = e.account();
    this.createdSecond = e.at().getEpochSecond();
    this.createdNano = e.at().getNano();
    this.stageId = e.stageId();
    this.status = DealStatus.OPEN;
    this.owner = e.owner();
    this.amount = e.amount().getOrNull();
    this.expectedClose = e.expectedClose().getOrNull();
    this.qualification = e.qualification();
    this.attributes = Attributes.array(e.attributes());
    this.openingOwner = owner;
    this.openingAmount = amount;
    this.openingExpectedClose = expectedClose;
    this.openingQualification = qualification;
    this.openingAttributes = attributes;
    this.marks = new long[] {EventCodec.mark(EventCodec.OPENED, createdSecond, createdNano, e.at())};
    this.payloads = new Object[] {e.stageId()};
    if (amount != null) {
      Checks.nonNegative(amount, "amount");
    }
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
    return status;
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
    int last = lastIndexOf(EventCodec.PROBABILITY, marks.length);
    return last < 0 ? Option.none() : EventCodec.option(payloadAt(last));
  }

  /**
   * Returns why the deal was lost, while it is lost.
   *
   * @return the reason, never blank; none if the deal is not lost, or was lost without a reason
   *     (where the policy does not require one)
   */
  public Option<String> lostReason() {
    if (status != DealStatus.LOST) {
      return Option.none();
    }
    String reason = ((EventCodec.LostTo) payloadAt(lastIndexOf(EventCodec.LOST, marks.length))).reason();
    return reason.isEmpty() ? Option.none() : Option.some(reason);
  }

  /**
   * Returns when the deal was opened.
   *
   * @return the instant, never null
   */
  public Instant createdAt() {
    return Instant.ofEpochSecond(createdSecond, createdNano);
  }

  /**
   * Returns when the last activity was recorded, or when the deal was opened if none was.
   *
   * @return the instant, never null
   */
  public Instant lastActivityAt() {
    int last = lastIndexOf(EventCodec.ACTIVITY, marks.length);
    return last < 0 ? createdAt() : instantAt(last);
  }

  /**
   * Returns every event of the deal, oldest first, the first being {@link DealEvent.Opened}.
   *
   * @return an unmodifiable list, never empty
   */
  public List<DealEvent> history() {
    return History.events(this);
  }

  /**
   * Returns the number of events in the deal's history: a version for optimistic concurrency.
   *
   * @return the version, at least 1
   */
  public int version() {
    return marks.length;
  }

  /**
   * Returns the instant of the latest event; no command may be timestamped before it.
   *
   * @return the instant, never null
   */
  public Instant lastEventAt() {
    return instantAt(marks.length - 1);
  }

  /**
   * Tells whether the deal is still open.
   *
   * @return true if open
   */
  public boolean isOpen() {
    return status == DealStatus.OPEN;
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
    for (int i = marks.length - 1; i > 0; i--) {
      int kind = EventCodec.kind(marks[i]);
      if (kind == EventCodec.WON || kind == EventCodec.LOST) {
        return i;
      }
    }
    throw new IllegalStateException("bug: deal " + id + " is " + status + " but was never closed");
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
    for (int i = 0; i < marks.length; i++) {
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
    for (int i = marks.length - 1; i > 0; i--) {
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
    int last = marks.length - 1;
    while (last >= 0 && compareAt(last, asOf) > 0) {
      last--;
    }
    if (last < 0) {
      return Option.none();
    }
    if (last == marks.length - 1) {
      return Option.some(this);
    }
    List<DealEvent> history = history();
    Deal deal = opened((DealEvent.Opened) history.get(0));
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

  static Deal opened(DealEvent.Opened e) {
    return new Deal(e);
  }

  /** Applies an already validated event; the state machine decides, this only records. */
  Deal evolve(DealEvent e) {
    int kind = EventCodec.kindOf(e);
    if (kind == EventCodec.OPENED) {
      throw new IllegalStateException("bug: deal " + id + " cannot be opened twice");
    }
    if (!e.dealId().equals(id)) {
      throw new IllegalStateException("bug: event of deal " + e.dealId() + " applied to deal " + id);
    }
    int n = marks.length;
    long[] nextMarks = Arrays.copyOf(marks, n + 1);
    @Nullable Object[] nextPayloads = Arrays.copyOf(payloads, n + 1);
    Object payload = EventCodec.payloadOf(e);
    nextMarks[n] = EventCodec.mark(kind, createdSecond, createdNano, e.at());
    nextPayloads[n] = EventCodec.stored(nextMarks[n], e.at(), payload);
    String stage = stageId;
    DealStatus nextStatus = status;
    String nextOwner = owner;
    Money nextAmount = amount;
    LocalDate nextClose = expectedClose;
    Qualification nextQualification = qualification;
    String[] nextAttributes = attributes;
    switch (kind) {
      case EventCodec.STAGE_CHANGED -> stage = (String) Objects.requireNonNull(payload);
      case EventCodec.WON -> {
        stage = (String) Objects.requireNonNull(payload);
        nextStatus = DealStatus.WON;
      }
      case EventCodec.LOST -> {
        stage = ((EventCodec.LostTo) Objects.requireNonNull(payload)).stageId();
        nextStatus = DealStatus.LOST;
      }
      case EventCodec.REOPENED -> {
        stage = (String) Objects.requireNonNull(payload);
        nextStatus = DealStatus.OPEN;
      }
      case EventCodec.AMOUNT -> {
        nextAmount = (Money) payload;
        if (nextAmount != null) {
          Checks.nonNegative(nextAmount, "amount");
        }
      }
      case EventCodec.QUALIFICATION -> nextQualification = (Qualification) Objects.requireNonNull(payload);
      case EventCodec.ATTRIBUTE -> {
        EventCodec.AttributeEdit edit = (EventCodec.AttributeEdit) Objects.requireNonNull(payload);
        nextAttributes = edit.value() == null ? Attributes.without(attributes, edit.key())
            : Attributes.with(attributes, edit.key(), edit.value());
      }
      case EventCodec.EXPECTED_CLOSE -> nextClose = (LocalDate) payload;
      case EventCodec.OWNER -> nextOwner = (String) Objects.requireNonNull(payload);
      case EventCodec.PROBABILITY, EventCodec.ACTIVITY -> {
        // only the history changes: probabilityOverride() and lastActivityAt() read it
      }
      default -> throw new IllegalStateException("bug: cannot apply " + e);
    }
    return new Deal(this, stage, nextStatus, nextOwner, nextAmount, nextClose, nextQualification, nextAttributes,
        nextMarks, nextPayloads);
  }

  // reads of the history for this package (and, through it, for the library's own modules)

  int kindAt(int index) {
    return EventCodec.kind(marks[index]);
  }

  @Nullable Object payloadAt(int index) {
    return EventCodec.payload(marks[index], payloads[index]);
  }

  Instant instantAt(int index) {
    return EventCodec.at(createdSecond, createdNano, marks[index], payloads[index]);
  }

  int compareAt(int index, Instant other) {
    return EventCodec.compareAt(createdSecond, createdNano, marks[index], payloads[index], other);
  }

  long epochMilliAt(int index) {
    return EventCodec.epochMilli(createdSecond, createdNano, marks[index], payloads[index]);
  }

  /** The stage the event at the index put the deal into, or null if it did not change stage. */
  @Nullable String enteredStageAt(int index) {
    long mark = marks[index];
    int kind = EventCodec.kind(mark);
    return kind <= EventCodec.REOPENED ? EventCodec.enteredStage(kind, EventCodec.payload(mark, payloads[index])) : null;
  }

  /** The index of the last event of the kind before {@code end}, or -1. */
  private int lastIndexOf(int kind, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (EventCodec.kind(marks[i]) == kind) {
        return i;
      }
    }
    return -1;
  }

  /** The events themselves, made from the compact history when asked for. */
  private static final class History {

    private History() {}

    static List<DealEvent> events(Deal deal) {
      DealEvent[] events = new DealEvent[deal.marks.length];
      String id = deal.id;
      String stage = (String) Objects.requireNonNull(deal.payloads[0]);
      events[0] = new DealEvent.Opened(id, deal.pipelineId, stage, deal.title, deal.account, deal.openingOwner,
          Option.of(deal.openingAmount), Option.of(deal.openingExpectedClose), deal.openingQualification,
          Attributes.view(deal.openingAttributes), deal.createdAt());
      for (int i = 1; i < events.length; i++) {
        Object payload = deal.payloadAt(i);
        Instant at = deal.instantAt(i);
        DealEvent event = switch (deal.kindAt(i)) {
          case EventCodec.STAGE_CHANGED -> new DealEvent.StageChanged(id, stage, (String) payload, at);
          case EventCodec.WON -> new DealEvent.Won(id, stage, (String) payload, at);
          case EventCodec.LOST -> {
            EventCodec.LostTo lost = (EventCodec.LostTo) Objects.requireNonNull(payload);
            yield new DealEvent.Lost(id, stage, lost.stageId(), lost.reason(), at);
          }
          case EventCodec.REOPENED -> new DealEvent.Reopened(id, (String) payload, at);
          case EventCodec.AMOUNT -> new DealEvent.AmountChanged(id, EventCodec.option(payload), at);
          case EventCodec.QUALIFICATION -> new DealEvent.QualificationUpdated(id, (Qualification) payload, at);
          case EventCodec.ATTRIBUTE -> {
            EventCodec.AttributeEdit edit = (EventCodec.AttributeEdit) Objects.requireNonNull(payload);
            yield new DealEvent.AttributeChanged(id, edit.key(), Option.of(edit.value()), at);
          }
          case EventCodec.EXPECTED_CLOSE -> new DealEvent.ExpectedCloseChanged(id, EventCodec.option(payload), at);
          case EventCodec.PROBABILITY -> new DealEvent.ProbabilityOverridden(id, EventCodec.option(payload), at);
          case EventCodec.OWNER -> new DealEvent.OwnerChanged(id, (String) payload, at);
          case EventCodec.ACTIVITY -> new DealEvent.ActivityRecorded(id, at);
          default -> throw new IllegalStateException("bug: deal " + id + " has an event of kind " + deal.kindAt(i));
        };
        String entered = deal.enteredStageAt(i);
        if (entered != null) {
          stage = entered;
        }
        events[i] = event;
      }
      return List.of(events);
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
        && status == that.status
        && Arrays.equals(marks, that.marks)
        && createdSecond == that.createdSecond
        && createdNano == that.createdNano
        && pipelineId.equals(that.pipelineId)
        && title.equals(that.title)
        && account.equals(that.account)
        && owner.equals(that.owner)
        && Objects.equals(amount, that.amount)
        && Objects.equals(expectedClose, that.expectedClose)
        && qualification.equals(that.qualification)
        && Attributes.view(attributes).equals(Attributes.view(that.attributes))
        && openingOwner.equals(that.openingOwner)
        && Objects.equals(openingAmount, that.openingAmount)
        && Objects.equals(openingExpectedClose, that.openingExpectedClose)
        && openingQualification.equals(that.openingQualification)
        && Attributes.view(openingAttributes).equals(Attributes.view(that.openingAttributes))
        && Arrays.equals(payloads, that.payloads);
  }

  /**
   * Returns a hash of the deal's id, stage, status and history marks, consistent with equals.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return ((id.hashCode() * 31 + stageId.hashCode()) * 31 + status.ordinal()) * 31 + Arrays.hashCode(marks);
  }

  @Override
  public String toString() {
    return "Deal " + id + " '" + title + "' [" + stageId + ", " + status
        + (amount == null ? "" : ", " + amount) + ", owner " + owner + ", " + version() + " events]";
  }
}
