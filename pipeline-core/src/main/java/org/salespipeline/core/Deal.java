package org.salespipeline.core;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

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
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class Deal {

  Deal() {}

  /**
   * Returns the deal's id, unique within the host's store.
   *
   * @return the id, never null
   */
  public abstract String id();

  /**
   * Returns the id of the pipeline the deal runs through.
   *
   * @return the pipeline id, never null
   */
  public abstract String pipelineId();

  /**
   * Returns the deal's title.
   *
   * @return the title, never null, may be empty
   */
  public abstract String title();

  /**
   * Returns the customer account.
   *
   * @return the account, never null, may be empty
   */
  public abstract String account();

  /**
   * Returns the salesperson who owns the deal.
   *
   * @return the owner, never null, may be empty
   */
  public abstract String owner();

  /**
   * Returns the amount, if known. Deals without an amount are left out of value figures.
   *
   * @return the amount (never negative), or none
   */
  public abstract Option<Money> amount();

  /**
   * Returns the date the deal is expected to close, if known.
   *
   * @return the date, or none
   */
  public abstract Option<LocalDate> expectedClose();

  /**
   * Returns the id of the stage the deal is in: an open stage, or the won or lost stage.
   *
   * @return the stage id, never null
   */
  public abstract String stageId();

  /**
   * Returns whether the deal is open, won or lost.
   *
   * @return the status, never null
   */
  public abstract DealStatus status();

  /**
   * Returns what is known of the deal's qualification.
   *
   * @return the qualification, never null
   */
  public abstract Qualification qualification();

  /**
   * Returns the free attributes (source, segment, product…), in the order they were first set.
   *
   * @return an unmodifiable map, never null
   */
  public abstract Map<String, String> attributes();

  /**
   * Returns the win probability a salesperson set by hand, if any. It takes precedence over the
   * stage's default while the deal is open, and survives stage changes.
   *
   * @return the probability in [0, 1], or none
   */
  public abstract Option<Double> probabilityOverride();

  /**
   * Returns why the deal was lost, while it is lost.
   *
   * @return the reason, never blank; none if the deal is not lost, or was lost without a reason
   *     (where the policy does not require one)
   */
  public abstract Option<String> lostReason();

  /**
   * Returns when the deal was opened.
   *
   * @return the instant, never null
   */
  public abstract Instant createdAt();

  /**
   * Returns when the last activity was recorded, or when the deal was opened if none was.
   *
   * @return the instant, never null
   */
  public abstract Instant lastActivityAt();

  /**
   * Returns every event of the deal, oldest first, the first being {@link DealEvent.Opened}.
   *
   * @return an unmodifiable list, never empty
   */
  public abstract List<DealEvent> history();

  /**
   * Returns the number of events in the deal's history: a version for optimistic concurrency.
   *
   * @return the version, at least 1
   */
  public int version() {
    return history().size();
  }

  /**
   * Returns the instant of the latest event; no command may be timestamped before it. Kept in a
   * field: metrics, scoring and every command read it for each deal.
   *
   * @return the instant, never null
   */
  @Value.Derived
  @Value.Auxiliary
  public Instant lastEventAt() {
    return history().get(history().size() - 1).at();
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
    if (isOpen()) {
      return Option.none();
    }
    return lastClose().map(DealEvent::at);
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
    return lastClose().map(e -> e instanceof DealEvent.Won won ? won.fromStageId() : ((DealEvent.Lost) e).fromStageId());
  }

  private Option<DealEvent> lastClose() {
    List<DealEvent> history = history();
    for (int i = history.size() - 1; i >= 0; i--) {
      DealEvent e = history.get(i);
      if (e instanceof DealEvent.Won || e instanceof DealEvent.Lost) {
        return Option.some(e);
      }
    }
    return Option.none();
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
    Instant entered = null;
    for (DealEvent e : history()) {
      String next = StageStay.enteredStage(e);
      if (next != null) {
        if (stage != null) {
          stays.add(new StageStay(stage, entered, Option.some(e.at())));
        }
        stage = next;
        entered = e.at();
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
    List<StageStay> stays = stays();
    return stays.get(stays.size() - 1).enteredAt();
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
    if (!lastEventAt().isAfter(asOf)) {
      return Option.some(this);
    }
    List<DealEvent> history = history();
    if (history.get(0).at().isAfter(asOf)) {
      return Option.none();
    }
    Deal deal = opened((DealEvent.Opened) history.get(0));
    for (int i = 1; i < history.size() && !history.get(i).at().isAfter(asOf); i++) {
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
    return ImmutableDeal.builder()
        .id(e.dealId())
        .pipelineId(e.pipelineId())
        .title(e.title())
        .account(e.account())
        .owner(e.owner())
        .amount(e.amount())
        .expectedClose(e.expectedClose())
        .stageId(e.stageId())
        .status(DealStatus.OPEN)
        .qualification(e.qualification())
        .attributes(e.attributes())
        .probabilityOverride(Option.none())
        .lostReason(Option.none())
        .createdAt(e.at())
        .lastActivityAt(e.at())
        .addHistory(e)
        .build();
  }

  /** Applies an already validated event; the state machine decides, this only records. */
  // copy-on-write withers, implemented by Immutables; package-private: only events change a deal
  abstract Deal withHistory(Iterable<? extends DealEvent> history);

  abstract Deal withStageId(String stageId);

  abstract Deal withStatus(DealStatus status);

  abstract Deal withLostReason(Option<String> reason);

  abstract Deal withAmount(Option<Money> amount);

  abstract Deal withQualification(Qualification qualification);

  abstract Deal withAttributes(Map<String, ? extends String> attributes);

  abstract Deal withExpectedClose(Option<LocalDate> date);

  abstract Deal withProbabilityOverride(Option<Double> probability);

  abstract Deal withOwner(String owner);

  abstract Deal withLastActivityAt(Instant at);

  Deal evolve(DealEvent e) {
    // copy-on-write of the one field that changes (and the history): the builder's from(this)
    // would copy the attribute map and the history twice on every command
    List<DealEvent> appended = new ArrayList<>(history().size() + 1);
    appended.addAll(history());
    appended.add(e);
    Deal next = withHistory(appended);
    if (e instanceof DealEvent.StageChanged moved) {
      return next.withStageId(moved.toStageId());
    } else if (e instanceof DealEvent.Won won) {
      return next.withStageId(won.wonStageId()).withStatus(DealStatus.WON);
    } else if (e instanceof DealEvent.Lost lost) {
      return next.withStageId(lost.lostStageId()).withStatus(DealStatus.LOST)
          .withLostReason(lost.reason().isEmpty() ? Option.none() : Option.some(lost.reason()));
    } else if (e instanceof DealEvent.Reopened reopened) {
      return next.withStageId(reopened.toStageId()).withStatus(DealStatus.OPEN).withLostReason(Option.none());
    } else if (e instanceof DealEvent.AmountChanged changed) {
      return next.withAmount(changed.amount());
    } else if (e instanceof DealEvent.QualificationUpdated updated) {
      return next.withQualification(updated.qualification());
    } else if (e instanceof DealEvent.AttributeChanged changed) {
      return next.withAttributes(changed.value()
          .map(v -> Attributes.with(attributes(), changed.key(), v))
          .getOrElse(() -> Attributes.without(attributes(), changed.key())));
    } else if (e instanceof DealEvent.ExpectedCloseChanged changed) {
      return next.withExpectedClose(changed.expectedClose());
    } else if (e instanceof DealEvent.ProbabilityOverridden overridden) {
      return next.withProbabilityOverride(overridden.probability());
    } else if (e instanceof DealEvent.OwnerChanged changed) {
      return next.withOwner(changed.owner());
    } else if (e instanceof DealEvent.ActivityRecorded activity) {
      return next.withLastActivityAt(activity.at());
    }
    throw new IllegalStateException("bug: cannot apply " + e);
  }


  @Value.Check
  void check() {
    if (history().isEmpty() || !(history().get(0) instanceof DealEvent.Opened)) {
      throw new IllegalStateException("bug: a deal's history must start with Opened");
    }
    for (Money money : amount()) {
      Checks.nonNegative(money, "amount");
    }
  }

  @Override
  public String toString() {
    return "Deal " + id() + " '" + title() + "' [" + stageId() + ", " + status()
        + amount().map(m -> ", " + m).getOrElse("") + ", owner " + owner() + ", " + version() + " events]";
  }
}
