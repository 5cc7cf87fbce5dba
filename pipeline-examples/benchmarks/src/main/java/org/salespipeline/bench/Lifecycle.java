package org.salespipeline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.QualificationLevel;

/**
 * One deal's life as commands, read off a generated deal's history so that every approach drives
 * exactly the same steps: open in a stage, then stage changes (moves, skips, backward moves, wins,
 * losses, reopens) and the qualification updates that let a deal past Proposal.
 *
 * <p>The steps are kept as the events the deal's history holds ({@link #steps()}) and as state
 * machine triggers ({@link #triggers()}, index for index), with a {@link Trigger#QUALIFY} where the
 * deal's qualification changes, which the general-purpose machines hold as data their guards read
 * rather than as a transition. Each driver turns them into what its own machine's calls take
 * ({@link LifecycleDriver#prepare}).
 *
 * @param draft what the deal is opened with
 * @param openedAt when it is opened
 * @param start the stage it opens in
 * @param qualifiedAtOpen whether it passes Proposal's entry criteria when opened
 * @param steps the commands after opening, as the events they produce
 * @param triggers the same commands as state machine triggers
 */
record Lifecycle(
    NewDeal draft,
    Instant openedAt,
    State start,
    boolean qualifiedAtOpen,
    List<DealEvent> steps,
    List<Trigger> triggers) {

  /** The standard pipeline's stages, as states of a general-purpose state machine. */
  enum State {
    PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSING, WON, LOST;

    /** The states a deal needs to be qualified to enter (Proposal and after, open ones). */
    boolean needsQualification() {
      return this == PROPOSAL || this == NEGOTIATION || this == CLOSING;
    }

    boolean isOpen() {
      return this != WON && this != LOST;
    }

    /**
     * The state of a standard pipeline's stage id. A switch, not {@code valueOf(toUpperCase)}: our
     * driver asks once per lifecycle inside the timed runs, and the other drivers pay no such cost.
     */
    static State of(String stageId) {
      return switch (stageId) {
        case "prospecting" -> PROSPECTING;
        case "qualification" -> QUALIFICATION;
        case "proposal" -> PROPOSAL;
        case "negotiation" -> NEGOTIATION;
        case "closing" -> CLOSING;
        case "won" -> WON;
        case "lost" -> LOST;
        default -> throw new IllegalArgumentException("stageId must be a stage of the standard pipeline but was '"
            + stageId + "'");
      };
    }
  }

  /** What a step asks of a state machine: enter an open stage (move or reopen), win, lose. */
  enum Trigger {
    TO_PROSPECTING, TO_QUALIFICATION, TO_PROPOSAL, TO_NEGOTIATION, TO_CLOSING, WIN, LOSE,
    /** Not a transition: the deal's qualification changed (guards read it). */
    QUALIFY;

    /** The trigger that enters the open state; a switch, as a host's handler calls it on every request. */
    static Trigger to(State open) {
      return switch (open) {
        case PROSPECTING -> TO_PROSPECTING;
        case QUALIFICATION -> TO_QUALIFICATION;
        case PROPOSAL -> TO_PROPOSAL;
        case NEGOTIATION -> TO_NEGOTIATION;
        case CLOSING -> TO_CLOSING;
        case WON, LOST -> throw new IllegalArgumentException("open must be an open state but was " + open);
      };
    }

    /** The state the trigger leads to. */
    State target() {
      return switch (this) {
        case WIN -> State.WON;
        case LOSE -> State.LOST;
        case QUALIFY -> throw new IllegalStateException("bug: QUALIFY is not a transition");
        default -> State.valueOf(name().substring("TO_".length()));
      };
    }
  }

  Lifecycle {
    Objects.requireNonNull(draft, "draft");
    steps = List.copyOf(steps);
    triggers = List.copyOf(triggers);
    if (steps.size() != triggers.size()) {
      throw new IllegalArgumentException("steps and triggers must match but were " + steps.size() + " and "
          + triggers.size());
    }
  }

  /** Reads the lifecycle off a deal's history; activities and other non-stage events are left out. */
  static Lifecycle of(Deal deal) {
    DealEvent.Opened opened = (DealEvent.Opened) deal.history().get(0);
    NewDeal draft = NewDeal.of(opened.dealId())
        .withTitle(opened.title())
        .withAccount(opened.account())
        .withOwner(opened.owner())
        .withStage(opened.stageId())
        .withQualification(opened.qualification());
    for (var money : opened.amount()) {
      draft = draft.withAmount(money);
    }
    for (var date : opened.expectedClose()) {
      draft = draft.withExpectedClose(date);
    }
    for (var attribute : opened.attributes().entrySet()) {
      draft = draft.withAttribute(attribute.getKey(), attribute.getValue());
    }
    List<DealEvent> steps = new ArrayList<>();
    List<Trigger> triggers = new ArrayList<>();
    for (DealEvent event : deal.history().subList(1, deal.history().size())) {
      Trigger trigger = triggerOf(event);
      if (trigger != null) {
        steps.add(event);
        triggers.add(trigger);
      }
    }
    return new Lifecycle(draft, opened.at(), State.of(opened.stageId()),
        qualified(opened.qualification()), steps, triggers);
  }

  /** The number of stage transitions, the opening included. */
  int transitions() {
    return 1 + (int) triggers.stream().filter(t -> t != Trigger.QUALIFY).count();
  }

  /**
   * The flag the other machines' guards read from each step on, where the step is a
   * {@link Trigger#QUALIFY} (whether the deal is now qualified); false at every other step.
   */
  boolean[] qualifiedFlags() {
    boolean[] flags = new boolean[steps.size()];
    for (int i = 0; i < flags.length; i++) {
      if (steps.get(i) instanceof DealEvent.QualificationUpdated update) {
        flags[i] = qualified(update.qualification());
      }
    }
    return flags;
  }

  /** Proposal's entry criteria in the standard pipeline, as the other machines' guards check them. */
  static boolean qualified(org.salespipeline.core.Qualification q) {
    return q.budget() == QualificationLevel.YES && q.authority() == QualificationLevel.YES
        && q.need() == QualificationLevel.YES
        && (q.timeline() == QualificationLevel.YES || q.timeline() == QualificationLevel.PARTIAL);
  }

  private static Trigger triggerOf(DealEvent event) {
    if (event instanceof DealEvent.StageChanged e) {
      return Trigger.to(State.of(e.toStageId()));
    } else if (event instanceof DealEvent.Reopened e) {
      return Trigger.to(State.of(e.toStageId()));
    } else if (event instanceof DealEvent.Won) {
      return Trigger.WIN;
    } else if (event instanceof DealEvent.Lost) {
      return Trigger.LOSE;
    } else if (event instanceof DealEvent.QualificationUpdated) {
      return Trigger.QUALIFY;
    }
    return null;
  }
}
