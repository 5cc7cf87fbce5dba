package org.salespipeline.core;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A sales pipeline: its ordered open stages, its won and lost stages, the rules for moving deals
 * between them, and the commands that move them.
 *
 * <p>Every command takes the deal, its arguments and the instant it happens at, and returns
 * either a {@link Rejection} (a business rule said no; nothing changed) or a {@link Change} (the
 * new deal and the events to store). Programmer errors (a null, a negative amount, an amount in
 * another currency than the deal's, a probability outside [0, 1], a deal of another pipeline)
 * throw at once and name the parameter.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.standard();
 * Deal deal = pipeline.open(NewDeal.of("D-1").withAmount(Money.parse("48000", "EUR")), monday).get().deal();
 * Either<Rejection, Change> moved = pipeline.move(deal, "proposal", tuesday);
 * }</pre>
 *
 * <p>Immutable and thread-safe if its entry criteria are.
 */
public final class Pipeline {

  private final String id;
  private final String name;
  private final List<Stage> openStages;
  private final Stage wonStage;
  private final Stage lostStage;
  private final TransitionPolicy policy;
  /** Never changed after the constructor, never handed out: no unmodifiable view between a command and its stage. */
  private final HashMap<String, Stage> stagesById;
  /** Where a deal opens when its draft names no stage: the first open stage the policy allows new deals in. */
  private final Stage firstCreationStage;
  /** Per open stage, by order: what the changes that take a deal out of it hold (see {@link Change#leaving}). */
  private final List<List<DealEvent>> leaving;

  private Pipeline(Builder b) {
    this.id = b.id;
    this.name = b.name;
    List<Stage> open = new ArrayList<>();
    for (int i = 0; i < b.openStages.size(); i++) {
      open.add(b.openStages.get(i).withOrder(i));
    }
    this.openStages = List.copyOf(open);
    this.wonStage = Objects.requireNonNull(b.wonStage).withOrder(open.size());
    this.lostStage = Objects.requireNonNull(b.lostStage).withOrder(open.size());
    this.policy = b.policy;
    HashMap<String, Stage> byId = new HashMap<>();
    for (Stage stage : openStages) {
      byId.put(stage.id(), stage);
    }
    byId.put(wonStage.id(), wonStage);
    byId.put(lostStage.id(), lostStage);
    this.stagesById = byId;
    this.firstCreationStage = openStages.stream()
        .filter(s -> policy.creationStageIds().isEmpty() || policy.creationStageIds().contains(s.id()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("bug: policy validated to name an open stage"));
    this.leaving = openStages.stream().map(stage -> Change.leaving(stage.id())).toList();
  }

  /**
   * Returns the standard pipeline of this library: Prospecting (10%) → Qualification (20%) →
   * Proposal (40%) → Negotiation (60%) → Closing (80%), then Won (100%) or Lost (0%), with the
   * default {@link TransitionPolicy}.
   *
   * <p>Entering Proposal (or skipping past it) needs a qualified deal: budget confirmed, decision
   * maker identified, need confirmed and timeline known (at least roughly). If the deal does not
   * check out, it does not advance. Forecast categories: Prospecting and Qualification
   * {@code PIPELINE}, Proposal and Negotiation {@code BEST_CASE}, Closing {@code COMMIT}.
   * Stage ids are the lower-case names: {@code prospecting}, …, {@code won}, {@code lost}.
   *
   * @return the standard pipeline, never null
   */
  public static Pipeline standard() {
    Stage proposal = Stage.open("proposal", "Proposal").withProbability(0.4)
        .withForecastCategory(ForecastCategory.BEST_CASE)
        .withEntryCriterion(EntryCriterion.of("budget", "budget not confirmed",
            d -> d.qualification().budget() == QualificationLevel.YES))
        .withEntryCriterion(EntryCriterion.of("authority", "decision maker not identified",
            d -> d.qualification().authority() == QualificationLevel.YES))
        .withEntryCriterion(EntryCriterion.of("need", "need not confirmed",
            d -> d.qualification().need() == QualificationLevel.YES))
        .withEntryCriterion(EntryCriterion.of("timeline", "timeline not known",
            d -> d.qualification().timeline() == QualificationLevel.YES
                || d.qualification().timeline() == QualificationLevel.PARTIAL));
    return builder("standard", "Standard")
        .openStage(Stage.open("prospecting", "Prospecting").withProbability(0.1))
        .openStage(Stage.open("qualification", "Qualification").withProbability(0.2))
        .openStage(proposal)
        .openStage(Stage.open("negotiation", "Negotiation").withProbability(0.6)
            .withForecastCategory(ForecastCategory.BEST_CASE))
        .openStage(Stage.open("closing", "Closing").withProbability(0.8)
            .withForecastCategory(ForecastCategory.COMMIT))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
  }

  /**
   * Starts building a pipeline.
   *
   * @param id the stable id, not blank
   * @param name the display name, not blank
   * @return a new builder, never null
   */
  public static Builder builder(String id, String name) {
    return new Builder(Checks.notBlank(id, "id"), Checks.notBlank(name, "name"));
  }

  /**
   * Returns the pipeline's stable id.
   *
   * @return the id, never null
   */
  public String id() {
    return id;
  }

  /**
   * Returns the pipeline's display name.
   *
   * @return the name, never null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the open stages in order.
   *
   * @return an unmodifiable list, never empty
   */
  public List<Stage> openStages() {
    return openStages;
  }

  /**
   * Returns the stage of won deals.
   *
   * @return the won stage, never null
   */
  public Stage wonStage() {
    return wonStage;
  }

  /**
   * Returns the stage of lost deals.
   *
   * @return the lost stage, never null
   */
  public Stage lostStage() {
    return lostStage;
  }

  /**
   * Returns every stage: the open stages in order, then the won and the lost stage.
   *
   * @return an unmodifiable list, never null
   */
  public List<Stage> stages() {
    List<Stage> all = new ArrayList<>(openStages);
    all.add(wonStage);
    all.add(lostStage);
    return List.copyOf(all);
  }

  /**
   * Looks up a stage by id.
   *
   * @param stageId the stage id, not null
   * @return the stage, or none if the pipeline has no such stage
   */
  public Option<Stage> stage(String stageId) {
    return Option.of(stagesById.get(Objects.requireNonNull(stageId, "stageId")));
  }

  /**
   * Returns the rules for moving deals.
   *
   * @return the policy, never null
   */
  public TransitionPolicy policy() {
    return policy;
  }

  // ---------------------------------------------------------------------------------- commands

  /**
   * Opens a deal in its starting stage (the draft's stage, or else the first stage where deals
   * may be opened). Rejected if the stage is unknown, not open, not allowed for new deals, or the
   * deal does not meet the entry criteria of that stage and of the stages before it.
   *
   * @param draft what is known of the deal, not null
   * @param at when it is opened, not null
   * @return the rejection, or the change holding the new deal and its {@link DealEvent.Opened}
   */
  public Either<Rejection, Change> open(NewDeal draft, Instant at) {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(at, "at");
    String chosen = draft.stageIdOrNull();
    Stage stage = chosen != null ? stagesById.get(chosen) : firstCreationStage;
    // the draft checked its values already: the deal does not look at them again; a known stage's
    // id is the pipeline's own string, which later commands find by identity
    return decideOpened(Deal.opened(draft, id, stage != null ? stage.id() : chosen, at), stage);
  }

  /**
   * Moves an open deal to another open stage: forward (possibly skipping stages) or backward, as
   * the policy allows. Entering a stage, or skipping past one, needs its entry criteria met.
   *
   * @param deal the deal, not null, of this pipeline
   * @param stageId the open stage to move to, not null
   * @param at when it moves, not null
   * @return the rejection, or the change with a {@link DealEvent.StageChanged}
   */
  public Either<Rejection, Change> move(Deal deal, String stageId, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(at, "at");
    Stage target = stagesById.get(stageId);
    Rejection refused = lateOrClosed(deal, at);
    if (refused == null) {
      refused = notOpenStage(deal, stageId, target);
    }
    Stage from = stageOf(deal);
    if (refused == null) {
      refused = moveRefusal(deal, from, target);
    }
    if (refused != null) {
      return Either.left(refused);
    }
    return Either.right(Change.ofStageChange(deal.moved(target.id(), at), leaving(from)));
  }

  /**
   * Marks an open deal won. Rejected if the policy does not allow winning from its stage or the
   * won stage's entry criteria are not met.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it was won, not null
   * @return the rejection, or the change with a {@link DealEvent.Won}
   */
  public Either<Rejection, Change> win(Deal deal, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(at, "at");
    Rejection refused = lateOrClosed(deal, at);
    if (refused == null && !policy.winStageIds().isEmpty() && !policy.winStageIds().contains(deal.stageId())) {
      refused = new Rejection.WinNotAllowed(deal.id(), stageOf(deal).name(), names(policy.winStageIds()));
    }
    if (refused == null) {
      List<EntryCriterion> unmet = unmet(deal, wonStage, null);
      refused = unmet == null ? null : new Rejection.CriteriaNotMet(deal.id(), wonStage.name(), unmet);
    }
    if (refused != null) {
      return Either.left(refused);
    }
    return Either.right(Change.ofStageChange(deal.won(wonStage.id(), at), leaving(stageOf(deal))));
  }

  /**
   * Marks an open deal lost, from any open stage. Rejected if the policy requires a reason and
   * none is given, or the reason is not one of the policy's lost reasons.
   *
   * @param deal the deal, not null, of this pipeline
   * @param reason why it was lost, not null; blank means no reason
   * @param at when it was lost, not null
   * @return the rejection, or the change with a {@link DealEvent.Lost}
   */
  public Either<Rejection, Change> lose(Deal deal, String reason, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    String stripped = reason.strip();
    Rejection refused = lateOrClosed(deal, at);
    if (refused == null && stripped.isEmpty() && policy.lostReasonRequired()) {
      refused = new Rejection.LostReasonRequired(deal.id(), policy.lostReasons());
    }
    if (refused == null && !stripped.isEmpty() && !policy.lostReasons().isEmpty()
        && !policy.lostReasons().contains(stripped)) {
      refused = new Rejection.LostReasonNotAllowed(deal.id(), stripped, policy.lostReasons());
    }
    if (refused != null) {
      return Either.left(refused);
    }
    return Either.right(Change.ofStageChange(deal.lost(lostStage.id(), stripped, at), leaving(stageOf(deal))));
  }

  /**
   * Reopens a won or lost deal into the open stage it was closed from.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it is reopened, not null
   * @return the rejection, or the change with a {@link DealEvent.Reopened}
   */
  public Either<Rejection, Change> reopen(Deal deal, Instant at) {
    requireOwn(deal);
    return reopen(deal, deal.closedFromStageId().getOrElse(deal.stageId()), at);
  }

  /**
   * Reopens a won or lost deal into a given open stage, as if it moved there from the stage it was
   * closed from: the policy's skip and backward rules and the entry criteria of every stage it
   * enters or skips past apply, as they do to {@link #move}. Returning to the stage it was closed
   * from needs no check.
   *
   * @param deal the deal, not null, of this pipeline
   * @param stageId the open stage to reopen into, not null
   * @param at when it is reopened, not null
   * @return the rejection, or the change with a {@link DealEvent.Reopened}
   */
  public Either<Rejection, Change> reopen(Deal deal, String stageId, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(at, "at");
    Stage target = stagesById.get(stageId);
    Rejection refused = tooLate(deal, at);
    if (refused == null && deal.isOpen()) {
      refused = new Rejection.DealNotClosed(deal.id());
    }
    if (refused == null && !policy.reopen()) {
      refused = new Rejection.ReopenNotAllowed(deal.id());
    }
    if (refused == null) {
      refused = notOpenStage(deal, stageId, target);
    }
    if (refused == null) {
      Stage closedFrom = closedFromStage(deal);
      refused = target.id().equals(closedFrom.id()) ? null : moveRefusal(deal, closedFrom, target);
    }
    if (refused != null) {
      return Either.left(refused);
    }
    return Either.right(Change.of(deal.reopened(target.id(), at)));
  }

  /**
   * Sets or changes the deal's amount. The currency must stay the deal's: clear the amount first
   * to change currency.
   *
   * @param deal the deal, not null, of this pipeline
   * @param amount the new amount, not null, not negative, in the deal's currency if it has one
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.AmountChanged}
   * @throws IllegalArgumentException if the amount is negative or in another currency
   */
  public Either<Rejection, Change> changeAmount(Deal deal, Money amount, Instant at) {
    requireOwn(deal);
    Checks.nonNegative(amount, "amount");
    for (Money current : deal.amount()) {
      if (!current.currency().equals(amount.currency())) {
        throw new IllegalArgumentException("amount must be in " + current.currency() + ", the currency of deal "
            + deal.id() + ", but was in " + amount.currency() + " (clear the amount first to change currency)");
      }
    }
    return record(deal, new DealEvent.AmountChanged(deal.id(), Option.some(amount), Objects.requireNonNull(at, "at")));
  }

  /**
   * Clears the deal's amount: the deal no longer counts in value figures.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.AmountChanged}
   */
  public Either<Rejection, Change> clearAmount(Deal deal, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.AmountChanged(deal.id(), Option.none(), Objects.requireNonNull(at, "at")));
  }

  /**
   * Records what is now known of the deal's qualification.
   *
   * @param deal the deal, not null, of this pipeline
   * @param qualification the qualification, not null
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.QualificationUpdated}
   */
  public Either<Rejection, Change> qualify(Deal deal, Qualification qualification, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(qualification, "qualification");
    Objects.requireNonNull(at, "at");
    Rejection refused = tooLate(deal, at);
    if (refused != null) {
      return Either.left(refused);
    }
    return Either.right(Change.of(deal.qualified(qualification, at)));
  }

  /**
   * Sets a free attribute (source, segment, product…).
   *
   * @param deal the deal, not null, of this pipeline
   * @param key the key, not blank
   * @param value the value, not null
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.AttributeChanged}
   */
  public Either<Rejection, Change> setAttribute(Deal deal, String key, String value, Instant at) {
    requireOwn(deal);
    Checks.notBlank(key, "key");
    Objects.requireNonNull(value, "value");
    return record(deal, new DealEvent.AttributeChanged(deal.id(), key, Option.some(value), Objects.requireNonNull(at, "at")));
  }

  /**
   * Removes a free attribute.
   *
   * @param deal the deal, not null, of this pipeline
   * @param key the key, not blank
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.AttributeChanged}
   */
  public Either<Rejection, Change> clearAttribute(Deal deal, String key, Instant at) {
    requireOwn(deal);
    Checks.notBlank(key, "key");
    return record(deal, new DealEvent.AttributeChanged(deal.id(), key, Option.none(), Objects.requireNonNull(at, "at")));
  }

  /**
   * Sets the date the deal is expected to close.
   *
   * @param deal the deal, not null, of this pipeline
   * @param date the date, not null
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ExpectedCloseChanged}
   */
  public Either<Rejection, Change> setExpectedClose(Deal deal, LocalDate date, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.ExpectedCloseChanged(deal.id(), Option.some(Objects.requireNonNull(date, "date")),
        Objects.requireNonNull(at, "at")));
  }

  /**
   * Clears the expected close date.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ExpectedCloseChanged}
   */
  public Either<Rejection, Change> clearExpectedClose(Deal deal, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.ExpectedCloseChanged(deal.id(), Option.none(), Objects.requireNonNull(at, "at")));
  }

  /**
   * Overrides the deal's win probability by hand; the override survives stage changes.
   *
   * @param deal the deal, not null, of this pipeline
   * @param probability within [0, 1]
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ProbabilityOverridden}
   * @throws IllegalArgumentException if probability is NaN or outside [0, 1]
   */
  public Either<Rejection, Change> overrideProbability(Deal deal, double probability, Instant at) {
    requireOwn(deal);
    Checks.probability(probability, "probability");
    return record(deal, new DealEvent.ProbabilityOverridden(deal.id(), Option.some(probability),
        Objects.requireNonNull(at, "at")));
  }

  /**
   * Clears a manual probability: the stage's default applies again.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ProbabilityOverridden}
   */
  public Either<Rejection, Change> clearProbabilityOverride(Deal deal, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.ProbabilityOverridden(deal.id(), Option.none(), Objects.requireNonNull(at, "at")));
  }

  /**
   * Sets the open deal's forecast category by hand, whatever its stage implies: a salesperson
   * commits a deal still in an early stage, or leaves one out of the forecast. The override holds
   * until it is cleared or the deal changes stage (see {@link Deal#forecastCategoryOverride()}).
   * Rejected with {@link Rejection.DealClosed} for a won or lost deal, whose category is its outcome.
   *
   * @param deal the deal, not null, of this pipeline
   * @param category the category, not null, not {@link ForecastCategory#CLOSED}
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ForecastCategoryOverridden}
   * @throws IllegalArgumentException if category is {@link ForecastCategory#CLOSED}: only a won deal is closed
   */
  public Either<Rejection, Change> overrideForecastCategory(Deal deal, ForecastCategory category, Instant at) {
    requireOwn(deal);
    Objects.requireNonNull(category, "category");
    if (category == ForecastCategory.CLOSED) {
      throw new IllegalArgumentException("category must not be CLOSED for open deal " + deal.id()
          + ": only a won deal is closed; use COMMIT, BEST_CASE, PIPELINE or OMITTED");
    }
    return forecastCategory(deal, Option.some(category), Objects.requireNonNull(at, "at"));
  }

  /**
   * Clears the open deal's forecast category override: the category of its stage applies again.
   * Rejected with {@link Rejection.DealClosed} for a won or lost deal.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when it changed, not null
   * @return the rejection, or the change with a {@link DealEvent.ForecastCategoryOverridden}
   */
  public Either<Rejection, Change> clearForecastCategoryOverride(Deal deal, Instant at) {
    requireOwn(deal);
    return forecastCategory(deal, Option.none(), Objects.requireNonNull(at, "at"));
  }

  private static Either<Rejection, Change> forecastCategory(Deal deal, Option<ForecastCategory> category, Instant at) {
    Rejection refused = lateOrClosed(deal, at);
    return refused != null ? Either.left(refused)
        : Either.right(changed(deal, new DealEvent.ForecastCategoryOverridden(deal.id(), category, at)));
  }

  /**
   * Hands the deal to another owner.
   *
   * @param deal the deal, not null, of this pipeline
   * @param owner the new owner, not null
   * @param at when it changed hands, not null
   * @return the rejection, or the change with a {@link DealEvent.OwnerChanged}
   */
  public Either<Rejection, Change> reassign(Deal deal, String owner, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.OwnerChanged(deal.id(), Objects.requireNonNull(owner, "owner"),
        Objects.requireNonNull(at, "at")));
  }

  /**
   * Records an activity (call, meeting, e-mail): it restarts the last-activity rotting clock.
   *
   * @param deal the deal, not null, of this pipeline
   * @param at when the activity happened, not null
   * @return the rejection, or the change with a {@link DealEvent.ActivityRecorded}
   */
  public Either<Rejection, Change> recordActivity(Deal deal, Instant at) {
    requireOwn(deal);
    return record(deal, new DealEvent.ActivityRecorded(deal.id(), Objects.requireNonNull(at, "at")));
  }

  // ------------------------------------------------------------------------------------ queries

  /**
   * Returns the deal's win probability by the precedence rule: won 1, lost 0; else the manual
   * override if set; else the default of the deal's stage.
   *
   * @param deal the deal, not null, of this pipeline
   * @return the probability within [0, 1]
   */
  public double probabilityOf(Deal deal) {
    requireOwn(deal);
    return deal.status().closedProbability().getOrElse(() -> deal.probabilityOverride().getOrElse(() -> stageOf(deal).probability()));
  }

  /**
   * Returns the deal's forecast category by precedence: won {@link ForecastCategory#CLOSED}, lost
   * {@link ForecastCategory#OMITTED}; else its {@linkplain Deal#forecastCategoryOverride() override}
   * if one is in force; else the category of its stage.
   *
   * @param deal the deal, not null, of this pipeline
   * @return the category, never null
   */
  public ForecastCategory forecastCategoryOf(Deal deal) {
    requireOwn(deal);
    return switch (deal.status()) {
      case WON -> ForecastCategory.CLOSED;
      case LOST -> ForecastCategory.OMITTED;
      case OPEN -> deal.forecastCategoryOverride().getOrElse(() -> stageOf(deal).forecastCategory());
    };
  }

  /**
   * Returns the furthest open stage the deal ever entered (the highest-ordered one). A won deal
   * went beyond it; use {@link Deal#status()} to tell.
   *
   * @param deal the deal, not null, of this pipeline
   * @return the stage, never null
   */
  public Stage furthestOpenStage(Deal deal) {
    requireOwn(deal);
    Stage furthest = null;
    for (int i = 0, n = deal.version(); i < n; i++) {
      String entered = deal.enteredStageAt(i);
      if (entered != null) {
        Stage stage = stagesById.get(entered);
        if (stage != null && stage.isOpen() && (furthest == null || stage.order() > furthest.order())) {
          furthest = stage;
        }
      }
    }
    return Objects.requireNonNull(furthest, "bug: a deal always enters an open stage first");
  }

  /**
   * Returns how long the deal has been on its rotting clock at an instant: time in its current
   * stage, or since its last activity, as the policy's {@link RottingClock} says.
   *
   * @param deal the deal, not null, of this pipeline
   * @param asOf the instant, not null; the deal is taken as it was then
   * @return the clock's reading, or none if the deal did not exist or was closed at that instant
   */
  public Option<Duration> rottingClock(Deal deal, Instant asOf) {
    requireOwn(deal);
    Objects.requireNonNull(asOf, "asOf");
    return deal.asOf(asOf).filter(Deal::isOpen).map(d -> policy.rottingClock() == RottingClock.STAGE_ENTRY
        ? d.timeInCurrentStage(asOf)
        : Duration.between(d.lastActivityAt(), asOf));
  }

  /**
   * Tells whether the deal is rotting at an instant: open, and its rotting clock is past its
   * stage's threshold. A stage without a threshold never rots.
   *
   * @param deal the deal, not null, of this pipeline
   * @param asOf the instant, not null; the deal is taken as it was then
   * @return true if rotting
   */
  public boolean isRotting(Deal deal, Instant asOf) {
    return rottingClock(deal, asOf).exists(clock -> deal.asOf(asOf)
        .flatMap(d -> stageOf(d).rottingAfter())
        .exists(threshold -> clock.compareTo(threshold) > 0));
  }

  // ----------------------------------------------------------------------------- implementation

  /** Decides an event read back from a store as the command that produced it would have. */
  Either<Rejection, Change> decide(Deal deal, DealEvent event) {
    return switch (event.kind()) {
      case OPENED -> throw new InvalidHistoryException(deal.version(), "a deal is opened only once");
      case STAGE_CHANGED -> move(deal, ((DealEvent.StageChanged) event).toStageId(), event.at());
      case WON -> win(deal, event.at());
      case LOST -> lose(deal, ((DealEvent.Lost) event).reason(), event.at());
      case REOPENED -> reopen(deal, ((DealEvent.Reopened) event).toStageId(), event.at());
      case AMOUNT_CHANGED -> {
        Option<Money> amount = ((DealEvent.AmountChanged) event).amount();
        yield amount.isDefined() ? changeAmount(deal, amount.get(), event.at()) : clearAmount(deal, event.at());
      }
      case QUALIFICATION_UPDATED -> qualify(deal, ((DealEvent.QualificationUpdated) event).qualification(), event.at());
      case ATTRIBUTE_CHANGED -> {
        DealEvent.AttributeChanged e = (DealEvent.AttributeChanged) event;
        yield e.value().isDefined() ? setAttribute(deal, e.key(), e.value().get(), e.at())
            : clearAttribute(deal, e.key(), e.at());
      }
      case EXPECTED_CLOSE_CHANGED -> {
        Option<LocalDate> close = ((DealEvent.ExpectedCloseChanged) event).expectedClose();
        yield close.isDefined() ? setExpectedClose(deal, close.get(), event.at()) : clearExpectedClose(deal, event.at());
      }
      case PROBABILITY_OVERRIDDEN -> {
        Option<Double> probability = ((DealEvent.ProbabilityOverridden) event).probability();
        yield probability.isDefined() ? overrideProbability(deal, probability.get(), event.at())
            : clearProbabilityOverride(deal, event.at());
      }
      case OWNER_CHANGED -> reassign(deal, ((DealEvent.OwnerChanged) event).owner(), event.at());
      case ACTIVITY_RECORDED -> recordActivity(deal, event.at());
      case FORECAST_CATEGORY_OVERRIDDEN -> {
        Option<ForecastCategory> category = ((DealEvent.ForecastCategoryOverridden) event).forecastCategory();
        yield category.isDefined() ? overrideForecastCategory(deal, category.get(), event.at())
            : clearForecastCategoryOverride(deal, event.at());
      }
    };
  }

  Either<Rejection, Change> decideOpened(DealEvent.Opened opened) {
    if (!opened.pipelineId().equals(id)) {
      throw new IllegalArgumentException("the deal belongs to pipeline '" + opened.pipelineId() + "', not '" + id + "'");
    }
    Stage stage = stagesById.get(opened.stageId());
    return decideOpened(Deal.opened(opened, stage != null ? stage.id() : opened.stageId()), stage);
  }

  /** Decides the opening of {@code deal}, just opened in this pipeline in {@code stage}, or null if it has no such. */
  private Either<Rejection, Change> decideOpened(Deal deal, @Nullable Stage stage) {
    Rejection refused = notOpenStage(deal, deal.stageId(), stage);
    if (refused == null && !policy.creationStageIds().isEmpty() && !policy.creationStageIds().contains(stage.id())) {
      refused = new Rejection.CreationNotAllowed(deal.id(), stage.name(), names(policy.creationStageIds()));
    }
    if (refused == null) {
      refused = unmetCriteria(deal, 0, stage.order() + 1, stage);
    }
    return refused != null ? Either.left(refused) : Either.right(Change.of(deal));
  }

  /** The command of an event that changes a field of the deal, not its stage: refused only if it comes too late. */
  private static Either<Rejection, Change> record(Deal deal, DealEvent event) {
    Rejection refused = tooLate(deal, event.at());
    return refused != null ? Either.left(refused) : Either.right(changed(deal, event));
  }

  /** The change of appending an accepted event to the deal: the event is made already, so the change keeps it. */
  private static Change changed(Deal deal, DealEvent event) {
    return new Change(deal.evolve(event), List.of(event));
  }

  /** Why a command at {@code at} comes too late for the deal, or null if it does not. */
  private static @Nullable Rejection tooLate(Deal deal, Instant at) {
    // compared in place: every command asks, and the last instant is made only for the rejection
    return deal.compareAt(deal.version() - 1, at) > 0
        ? new Rejection.BeforeLastEvent(deal.id(), at, deal.lastEventAt())
        : null;
  }

  /** Why a command at {@code at} cannot change the deal at all: too late, or the deal is closed. */
  private static @Nullable Rejection lateOrClosed(Deal deal, Instant at) {
    Rejection late = tooLate(deal, at);
    return late != null || deal.isOpen() ? late : new Rejection.DealClosed(deal.id(), deal.status());
  }

  /** Why a stage cannot be entered as an open stage: the pipeline has none such, or it is won or lost; else null. */
  private @Nullable Rejection notOpenStage(Deal deal, String stageId, @Nullable Stage stage) {
    return stage == null ? new Rejection.UnknownStage(deal.id(), stageId, name)
        : stage.isOpen() ? null
        : new Rejection.NotAnOpenStage(deal.id(), stage.name());
  }

  /** Why the policy or a checklist refuses a move between two open stages, or null if it may. */
  private @Nullable Rejection moveRefusal(Deal deal, Stage from, Stage to) {
    if (from.id().equals(to.id())) {
      return new Rejection.AlreadyInStage(deal.id(), to.name());
    }
    if (to.order() < from.order()) {
      return policy.moveBackward()
          ? unmetCriteria(deal, to.order(), to.order() + 1, to)
          : new Rejection.BackwardNotAllowed(deal.id(), from.name(), to.name());
    }
    if (to.order() > from.order() + 1 && !policy.skipForward()) {
      return new Rejection.SkipNotAllowed(deal.id(), from.name(), to.name(),
          openStages.subList(from.order() + 1, to.order()).stream().map(Stage::name).toList());
    }
    return unmetCriteria(deal, from.order() + 1, to.order() + 1, to);
  }

  /** Checks every criterion of the stages entered or skipped, reporting all failures at once; null if all are met. */
  private @Nullable Rejection unmetCriteria(Deal deal, int fromOrder, int toOrder, Stage target) {
    // plain loops over indexes, no sublist: every move runs this, and most stages have no checklist at all
    List<EntryCriterion> unmet = null;
    for (int s = fromOrder; s < toOrder; s++) {
      unmet = unmet(deal, openStages.get(s), unmet);
    }
    return unmet == null ? null : new Rejection.CriteriaNotMet(deal.id(), target.name(), unmet);
  }

  /** Adds the stage's criteria the deal does not meet to {@code unmet}, made when first needed. */
  private static @Nullable List<EntryCriterion> unmet(Deal deal, Stage stage, @Nullable List<EntryCriterion> unmet) {
    List<EntryCriterion> checklist = stage.entryCriteria();
    for (int c = 0, m = checklist.size(); c < m; c++) {
      EntryCriterion criterion = checklist.get(c);
      if (!criterion.isMetBy(deal)) {
        if (unmet == null) {
          unmet = new ArrayList<>();
        }
        unmet.add(criterion);
      }
    }
    return unmet;
  }

  private Stage closedFromStage(Deal deal) {
    Stage stage = deal.closedFromStageId().map(stagesById::get).getOrNull();
    if (stage == null || !stage.isOpen()) {
      throw new IllegalStateException("bug: closed deal " + deal.id() + " was not closed from an open stage of '"
          + id + "'");
    }
    return stage;
  }

  /** What the change of a command that takes a deal out of the open stage holds. */
  private List<DealEvent> leaving(Stage from) {
    return leaving.get(from.order());
  }

  private Stage stageOf(Deal deal) {
    Stage stage = stagesById.get(deal.stageId());
    if (stage == null) {
      throw new IllegalStateException("bug: deal " + deal.id() + " is in stage '" + deal.stageId()
          + "' which pipeline '" + id + "' does not have");
    }
    return stage;
  }

  private void requireOwn(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    if (!deal.pipelineId().equals(id)) {
      throw new IllegalArgumentException("deal " + deal.id() + " belongs to pipeline '" + deal.pipelineId()
          + "', not to '" + id + "'");
    }
  }

  private List<String> names(Set<String> stageIds) {
    return openStages.stream().filter(s -> stageIds.contains(s.id())).map(Stage::name).toList();
  }

  /**
   * Pipelines are equal when they have the same id, name, stages (entry criteria compared by name
   * and reason) and policy. Written by hand: a pipeline is the state machine, built and checked as
   * a whole by its {@link Builder}, not a value with {@code with…} copies.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Pipeline other && id.equals(other.id) && name.equals(other.name)
        && openStages.equals(other.openStages) && wonStage.equals(other.wonStage)
        && lostStage.equals(other.lostStage) && policy.equals(other.policy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, openStages, wonStage, lostStage, policy);
  }

  /**
   * Returns the pipeline as one line: its name and stages with their probabilities.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append(": ");
    for (Stage stage : openStages) {
      sb.append(stage.name()).append(" (").append(Math.round(stage.probability() * 100)).append("%) > ");
    }
    return sb.append(wonStage.name()).append(" / ").append(lostStage.name()).toString();
  }

  /**
   * Builds a {@link Pipeline}; {@link #build()} validates it and names every problem at once.
   * Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final String id;
    private final String name;
    private final List<Stage> openStages = new ArrayList<>();
    private Stage wonStage;
    private Stage lostStage;
    private TransitionPolicy policy = TransitionPolicy.defaults();

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    /**
     * Adds an open stage after the ones added so far.
     *
     * @param stage an open stage, not null
     * @return this builder
     */
    public Builder openStage(Stage stage) {
      openStages.add(Objects.requireNonNull(stage, "stage"));
      return this;
    }

    /**
     * Sets the won stage.
     *
     * @param stage a won stage, not null
     * @return this builder
     */
    public Builder wonStage(Stage stage) {
      this.wonStage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    /**
     * Sets the lost stage.
     *
     * @param stage a lost stage, not null
     * @return this builder
     */
    public Builder lostStage(Stage stage) {
      this.lostStage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    /**
     * Sets the transition policy (default {@link TransitionPolicy#defaults()}).
     *
     * @param policy the policy, not null
     * @return this builder
     */
    public Builder policy(TransitionPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Validates and builds the pipeline.
     *
     * @return the pipeline, never null
     * @throws IllegalArgumentException listing every problem: no open stage, a missing or
     *     misplaced won or lost stage, entry criteria on the lost stage (a salesperson can always
     *     walk away), duplicate stage ids, a policy naming stages that are not open stages of this
     *     pipeline
     */
    public Pipeline build() {
      List<String> problems = new ArrayList<>();
      if (openStages.isEmpty()) {
        problems.add("it has no open stage");
      }
      for (Stage stage : openStages) {
        if (!stage.isOpen()) {
          problems.add("stage '" + stage.id() + "' is " + stage.kind() + " but was added as an open stage");
        }
      }
      if (wonStage == null) {
        problems.add("it has no won stage");
      } else if (wonStage.kind() != StageKind.WON) {
        problems.add("the won stage '" + wonStage.id() + "' is of kind " + wonStage.kind());
      }
      if (lostStage == null) {
        problems.add("it has no lost stage");
      } else if (lostStage.kind() != StageKind.LOST) {
        problems.add("the lost stage '" + lostStage.id() + "' is of kind " + lostStage.kind());
      } else if (!lostStage.entryCriteria().isEmpty()) {
        problems.add("the lost stage '" + lostStage.id() + "' has entry criteria " + lostStage.entryCriteria()
            + ", but a deal can always be lost");
      }
      Set<String> ids = new LinkedHashSet<>();
      Set<String> duplicates = new LinkedHashSet<>();
      Set<String> openIds = new LinkedHashSet<>();
      for (Stage stage : openStages) {
        (ids.add(stage.id()) ? openIds : duplicates).add(stage.id());
      }
      for (Stage stage : new Stage[] {wonStage, lostStage}) {
        if (stage != null && !ids.add(stage.id())) {
          duplicates.add(stage.id());
        }
      }
      if (!duplicates.isEmpty()) {
        problems.add("stage ids must be unique but " + duplicates + " appear more than once");
      }
      unknown(policy.creationStageIds(), openIds, "creationStageIds", problems);
      unknown(policy.winStageIds(), openIds, "winStageIds", problems);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("pipeline '" + id + "' is not valid: " + String.join("; ", problems));
      }
      return new Pipeline(this);
    }

    private static void unknown(Set<String> named, Set<String> openIds, String what, List<String> problems) {
      Set<String> unknown = new LinkedHashSet<>(named);
      unknown.removeAll(openIds);
      if (!unknown.isEmpty()) {
        problems.add("policy " + what + " names " + unknown + ", which are not open stages of this pipeline");
      }
    }
  }
}
