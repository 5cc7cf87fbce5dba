package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Sequential;
import org.quicktheories.generators.Generate;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * Random command sequences over the standard pipeline and over random pipelines and policies, as
 * QuickTheories {@link Sequential} models. The {@link Model} is what the deal should be (stage,
 * status, where it was closed from, its last event's time, how many events, qualification, amount,
 * attributes) and the outcome of the last command; each {@link Step} predicts its own outcome
 * from the model and the pipeline's definition (the oracle), and runs on the real deal, where
 * after every step the invariants of SPEC §8 must hold: rejected commands change nothing, the
 * history is append-only and time-ordered, the replay of the emitted events equals the deal,
 * closed deals stay closed unless reopened.
 *
 * <p>Commands are drawn before the run, so a command whose argument depends on the state (a legal
 * move) carries a choice that it resolves against the state when it runs. Sequences are 30
 * commands long; a failing one is cut to a short sequence that still fails before it is reported
 * (QuickTheories' own shrinking reruns whole sequences and is turned off here).
 */
class DealStateMachineProperties {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final List<String> REASONS = List.of("", " ", "Price", "Competitor", "Timing", "Other");
  private static final List<String> OWNERS = List.of("ana", "bo", "");
  private static final Qualification ALL_YES = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.YES);
  private static final int LENGTH = 30;

  // ------------------------------------------------------------------------------- properties

  @Test
  void standardPipeline_randomCommands_keepEveryInvariant() {
    // every outcome the standard pipeline can give is exercised (9,000 commands in all)
    Hits outcomes = new Hits("ENTRY_CRITERIA_NOT_MET", "ALREADY_IN_STAGE", "UNKNOWN_STAGE", "NOT_AN_OPEN_STAGE",
        "DEAL_CLOSED", "DEAL_NOT_CLOSED", "LOST_REASON_REQUIRED", "BEFORE_LAST_EVENT",
        "accepted StageChanged", "accepted Won", "accepted Lost", "accepted Reopened");
    qt(0x57A7_0001L, 300).withShrinkCycles(0).forAll(steps())
        .checkAssert(steps -> checkShrinking(Pipeline.standard(), steps, outcomes));
    outcomes.requireAll();
  }

  @Test
  void randomPipelines_randomCommands_keepEveryInvariant() {
    Hits outcomes = new Hits("SKIP_NOT_ALLOWED", "BACKWARD_NOT_ALLOWED", "WIN_NOT_ALLOWED", "LOST_REASON_NOT_ALLOWED",
        "REOPEN_NOT_ALLOWED", "ENTRY_CRITERIA_NOT_MET", "accepted StageChanged", "accepted Reopened",
        "one open stage", "five open stages");
    qt(0x57A7_0002L, 300).withShrinkCycles(0).forAll(pipelines(), steps())
        .checkAssert((pipeline, steps) -> {
          outcomes.record("one open stage", pipeline.openStages().size() == 1);
          outcomes.record("five open stages", pipeline.openStages().size() == 5);
          checkShrinking(pipeline, steps, outcomes);
        });
    outcomes.requireAll();
  }

  @Test
  void generatedDeals_replayToEqualDeals() {
    qt(0x57A7_0003L, 50).forAll(longs().all()).checkAssert(seed -> {
      for (Deal deal : DealGenerator.standard(seed).deals(20)) {
        assertThat(Deal.replay(Pipeline.standard(), deal.history())).isEqualTo(deal);
      }
    });
  }

  // ---------------------------------------------------------------------- running and shrinking

  private static void check(Pipeline pipeline, List<Step> steps, Hits outcomes) {
    Sequential.modelCheck(Model.initial(pipeline), steps, model -> new DealUnderTest(pipeline, outcomes),
        DealUnderTest::model);
  }

  /** Runs the sequence; if it fails, reports the shortest prefix that fails, less every command it can lose. */
  private static void checkShrinking(Pipeline pipeline, List<Step> steps, Hits outcomes) {
    try {
      check(pipeline, steps, outcomes);
    } catch (AssertionError | RuntimeException failure) {
      List<Step> small = shrink(pipeline, steps);
      AssertionError report = new AssertionError("on pipeline " + describe(pipeline) + " "
          + "\n" + small.size() + " of the " + steps.size() + " commands still fail: " + small
          + "\nbecause: " + failureOf(pipeline, small), failure);
      throw report;
    }
  }

  private static List<Step> shrink(Pipeline pipeline, List<Step> steps) {
    List<Step> small = steps;
    for (int n = 1; n <= steps.size(); n++) {
      if (failureOf(pipeline, steps.subList(0, n)) != null) {
        small = new ArrayList<>(steps.subList(0, n));
        break;
      }
    }
    boolean removedOne = true;
    while (removedOne) { // until no single command can go: removing one can make another removable
      removedOne = false;
      for (int i = small.size() - 2; i >= 0; i--) { // the last command is where it fails: keep it
        List<Step> fewer = new ArrayList<>(small);
        fewer.remove(i);
        if (failureOf(pipeline, fewer) != null) {
          small = fewer;
          removedOne = true;
        }
      }
    }
    return small;
  }

  private static String failureOf(Pipeline pipeline, List<Step> steps) {
    try {
      check(pipeline, steps, new Hits());
      return null;
    } catch (AssertionError | RuntimeException failure) {
      return String.valueOf(failure.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------ model

  /**
   * What the deal should be after the commands so far, and the outcome of the last one: "accepted",
   * or "rejected" with the rejection's code and, for unmet criteria, the criteria that failed.
   */
  record Model(Pipeline pipeline, String stageId, DealStatus status, Option<String> closedFrom, Instant lastEventAt,
      int events, Qualification qualification, Option<Money> amount, Map<String, String> attributes, String outcome) {

    static Model initial(Pipeline pipeline) {
      return of(pipeline, opened(pipeline).deal(), "opened");
    }

    static Model of(Pipeline pipeline, Deal deal, String outcome) {
      return new Model(pipeline, deal.stageId(), deal.status(), deal.closedFromStageId(), deal.lastEventAt(),
          deal.history().size(), deal.qualification(), deal.amount(), new LinkedHashMap<>(deal.attributes()), outcome);
    }

    Model withOutcome(String newOutcome) {
      return new Model(pipeline, stageId, status, closedFrom, lastEventAt, events, qualification, amount, attributes,
          newOutcome);
    }

    /** The model after an accepted command at this instant that changes no stage. */
    Model accepted(Instant at) {
      return new Model(pipeline, stageId, status, closedFrom, at, events + 1, qualification, amount, attributes,
          "accepted");
    }

    Model inStage(String stage, DealStatus newStatus, Option<String> from) {
      return new Model(pipeline, stage, newStatus, from, lastEventAt, events, qualification, amount, attributes,
          outcome);
    }

    Model withQualification(Qualification q) {
      return new Model(pipeline, stageId, status, closedFrom, lastEventAt, events, q, amount, attributes, outcome);
    }

    Model withAmount(Option<Money> money) {
      return new Model(pipeline, stageId, status, closedFrom, lastEventAt, events, qualification, money, attributes,
          outcome);
    }

    Model withAttribute(String key, String value) {
      Map<String, String> changed = new LinkedHashMap<>(attributes);
      if (value == null) {
        changed.remove(key);
      } else {
        changed.put(key, value);
      }
      return new Model(pipeline, stageId, status, closedFrom, lastEventAt, events, qualification, amount, changed,
          outcome);
    }

    boolean isOpen() {
      return status == DealStatus.OPEN;
    }

    /** A deal with the model's facts, for the entry criteria to look at. */
    Deal probe() {
      return Deal.restore(List.of(new DealEvent.Opened("P-1", pipeline.id(), stageId, "", "", "ana", amount,
          Option.none(), qualification, attributes, lastEventAt)));
    }

    // the oracle

    Option<String> timeAndStatus(Instant at, boolean needsOpen) {
      if (at.isBefore(lastEventAt)) {
        return Option.some("BEFORE_LAST_EVENT");
      }
      return needsOpen && !isOpen() ? Option.some("DEAL_CLOSED") : Option.none();
    }

    /** The rules of entering {@code targetId} from the current stage, or from the closed-from stage on reopen. */
    Option<String> stageRules(Instant at, boolean needsOpen, String targetId, boolean reopening) {
      Option<String> first = timeAndStatus(at, needsOpen);
      if (first.isDefined()) {
        return first;
      }
      Option<Stage> target = pipeline.stage(targetId);
      if (target.isEmpty()) {
        return Option.some("UNKNOWN_STAGE");
      }
      Stage to = target.get();
      if (!to.isOpen()) {
        return Option.some("NOT_AN_OPEN_STAGE");
      }
      Stage from = pipeline.stage(reopening ? closedFrom.get() : stageId).get();
      if (from.id().equals(to.id())) {
        return reopening ? Option.none() : Option.some("ALREADY_IN_STAGE");
      }
      if (to.order() < from.order()) {
        return pipeline.policy().moveBackward() ? criteria(List.of(to)) : Option.some("BACKWARD_NOT_ALLOWED");
      }
      if (to.order() > from.order() + 1 && !pipeline.policy().skipForward()) {
        return Option.some("SKIP_NOT_ALLOWED");
      }
      return criteria(pipeline.openStages().subList(from.order() + 1, to.order() + 1));
    }

    Option<String> criteria(List<Stage> stages) {
      Deal probe = probe();
      List<String> failed = stages.stream().flatMap(s -> s.entryCriteria().stream())
          .filter(c -> !c.isMetBy(probe)).map(EntryCriterion::name).toList();
      return failed.isEmpty() ? Option.none() : Option.some("ENTRY_CRITERIA_NOT_MET " + failed);
    }

    List<String> moveTargets(boolean legal, Instant at) {
      List<String> targets = new ArrayList<>();
      pipeline.stages().forEach(s -> targets.add(s.id()));
      targets.add("nowhere");
      return targets.stream().filter(t -> stageRules(at, true, t, false).isEmpty() == legal).toList();
    }

    @Override
    public String toString() {
      return stageId + " " + status + closedFrom.map(f -> " (closed from " + f + ")").getOrElse("") + ", "
          + events + " events, last at " + lastEventAt + ", " + qualification + ", " + amount + ", " + attributes
          + ": " + outcome;
    }
  }

  private static Change opened(Pipeline pipeline) {
    NewDeal draft = NewDeal.of("P-1").withOwner("ana").withAmount(Money.parse("1000", "EUR"))
        .withQualification(ALL_YES).withAttribute("segment", "SMB");
    return Fixtures.accepted(pipeline.open(draft, START));
  }

  // ------------------------------------------------------------------------- system under test

  /** The deal under test and the host's event store; checks each command's effect on them. */
  static final class DealUnderTest {
    final Pipeline pipeline;
    final Hits outcomes;
    Deal deal;
    final List<DealEvent> store = new ArrayList<>();
    String outcome = "opened";

    DealUnderTest(Pipeline pipeline, Hits outcomes) {
      this.pipeline = pipeline;
      this.outcomes = outcomes;
      Change opened = opened(pipeline);
      deal = opened.deal();
      store.addAll(opened.events());
    }

    Model model() {
      return Model.of(pipeline, deal, outcome);
    }

    void apply(String command, Either<Rejection, Change> result) {
      Deal before = deal;
      int stored = store.size();
      if (result.isLeft()) {
        Rejection rejection = result.getLeft();
        assertThat(rejection.message()).as("%s: %s", command, rejection.message()).contains(before.id());
        outcome = "rejected " + rejection.code() + (rejection instanceof Rejection.CriteriaNotMet notMet
            ? " " + notMet.failed().stream().map(EntryCriterion::name).toList() : "");
        outcomes.record(rejection.code());
      } else {
        Change change = result.get();
        List<DealEvent> history = change.deal().history();
        assertThat(change.events()).as("%s emits events", command).isNotEmpty();
        assertThat(history.subList(0, before.version())).as("history is append-only").isEqualTo(before.history());
        assertThat(history.subList(before.version(), history.size())).isEqualTo(change.events());
        change.events().forEach(event -> eventAgreesWithTheDeals(event, before, change.deal()));
        boolean reopened = change.events().stream().anyMatch(DealEvent.Reopened.class::isInstance);
        if (before.status().isClosed() && !reopened) {
          assertThat(change.deal().status()).as("closed deals stay closed unless reopened").isEqualTo(before.status());
        }
        deal = change.deal();
        store.addAll(change.events());
        outcome = "accepted";
        outcomes.record("accepted " + change.events().get(0).getClass().getSimpleName());
      }
      if (result.isLeft()) {
        assertThat(deal).as("a rejected command changes nothing").isSameAs(before);
        assertThat(store).hasSize(stored);
      }
      checkInvariants();
    }

    /**
     * The command's event, made from the new deal's history when asked for, checked against what
     * the deals hold as fields (kept by the commands, not made from the history): the stage left is
     * the deal's stage before the command, the values set are the deal's after it.
     */
    private static void eventAgreesWithTheDeals(DealEvent event, Deal before, Deal after) {
      assertThat(event.dealId()).isEqualTo(after.id());
      assertThat(event.at()).isEqualTo(after.lastEventAt());
      switch (event.kind()) {
        case OPENED -> throw new AssertionError("a command after the opening opened the deal again: " + event);
        case STAGE_CHANGED -> {
          DealEvent.StageChanged e = (DealEvent.StageChanged) event;
          assertThat(List.of(e.fromStageId(), e.toStageId())).isEqualTo(List.of(before.stageId(), after.stageId()));
        }
        case WON -> {
          DealEvent.Won e = (DealEvent.Won) event;
          assertThat(List.of(e.fromStageId(), e.wonStageId())).isEqualTo(List.of(before.stageId(), after.stageId()));
        }
        case LOST -> {
          DealEvent.Lost e = (DealEvent.Lost) event;
          assertThat(List.of(e.fromStageId(), e.lostStageId())).isEqualTo(List.of(before.stageId(), after.stageId()));
          assertThat(Option.of(e.reason()).filter(r -> !r.isEmpty())).isEqualTo(after.lostReason());
        }
        case REOPENED -> assertThat(((DealEvent.Reopened) event).toStageId()).isEqualTo(after.stageId());
        case AMOUNT_CHANGED -> assertThat(((DealEvent.AmountChanged) event).amount()).isEqualTo(after.amount());
        case QUALIFICATION_UPDATED -> assertThat(((DealEvent.QualificationUpdated) event).qualification())
            .isEqualTo(after.qualification());
        case ATTRIBUTE_CHANGED -> {
          DealEvent.AttributeChanged e = (DealEvent.AttributeChanged) event;
          assertThat(e.value()).isEqualTo(Option.of(after.attributes().get(e.key())));
        }
        case EXPECTED_CLOSE_CHANGED -> assertThat(((DealEvent.ExpectedCloseChanged) event).expectedClose())
            .isEqualTo(after.expectedClose());
        case PROBABILITY_OVERRIDDEN -> assertThat(((DealEvent.ProbabilityOverridden) event).probability())
            .isEqualTo(after.probabilityOverride());
        case OWNER_CHANGED -> assertThat(((DealEvent.OwnerChanged) event).owner()).isEqualTo(after.owner());
        case ACTIVITY_RECORDED -> assertThat(after.lastActivityAt()).isEqualTo(event.at());
        case FORECAST_CATEGORY_OVERRIDDEN -> assertThat(((DealEvent.ForecastCategoryOverridden) event)
            .forecastCategory()).isEqualTo(after.forecastCategoryOverride());
      }
    }

    void checkInvariants() {
      assertThat(deal.history()).isEqualTo(store);
      assertThat(Deal.replay(pipeline, store)).isEqualTo(deal);
      for (int i = 1; i < store.size(); i++) {
        assertThat(store.get(i).at()).as("time-ordered history").isAfterOrEqualTo(store.get(i - 1).at());
      }
      Stage stage = pipeline.stage(deal.stageId()).get();
      DealStatus expectedStatus = switch (stage.kind()) {
        case OPEN -> DealStatus.OPEN;
        case WON -> DealStatus.WON;
        case LOST -> DealStatus.LOST;
      };
      assertThat(deal.status()).isEqualTo(expectedStatus);
      double probability = pipeline.probabilityOf(deal);
      assertThat(probability).isBetween(0.0, 1.0);
      if (deal.status() == DealStatus.WON) {
        assertThat(probability).isEqualTo(1.0);
      } else if (deal.status() == DealStatus.LOST) {
        assertThat(probability).isEqualTo(0.0);
      } else {
        assertThat(pipeline.furthestOpenStage(deal).order()).isGreaterThanOrEqualTo(stage.order());
      }
      assertThat(deal.closedAt().isDefined()).isEqualTo(deal.status().isClosed());
      assertThat(deal.lostReason().isEmpty() || deal.status() == DealStatus.LOST).isTrue();
      List<StageStay> stays = deal.stays();
      assertThat(stays.get(stays.size() - 1).stageId()).isEqualTo(deal.stageId());
      assertThat(stays.stream().map(s -> s.duration(deal.lastEventAt())).reduce(Duration.ZERO, Duration::plus))
          .isEqualTo(Duration.between(deal.createdAt(), deal.lastEventAt()));
    }
  }

  // ------------------------------------------------------------------------------------ steps

  /**
   * One command, drawn before the run: its instant is {@code seconds} after the deal's last event
   * (negative: before it, which every command must reject). It predicts its outcome from the model
   * ({@link #expected}: empty when accepted) and the model after it ({@link #after}), and runs on the
   * real deal.
   */
  abstract static class Step implements Command<DealUnderTest, Model> {
    final long seconds;

    Step(long seconds) {
      this.seconds = seconds;
    }

    abstract Option<String> expected(Model model, Instant at);

    abstract Model after(Model model, Instant at);

    abstract Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at);

    @Override
    public void run(DealUnderTest sut) {
      Model model = sut.model();
      Instant at = model.lastEventAt().plusSeconds(seconds);
      sut.apply(toString(), execute(model, sut.pipeline, sut.deal, at));
    }

    @Override
    public Model nextState(Model model) {
      Instant at = model.lastEventAt().plusSeconds(seconds);
      Option<String> rejection = expected(model, at);
      return rejection.isDefined() ? model.withOutcome("rejected " + rejection.get())
          : after(model.accepted(at), at).withOutcome("accepted");
    }

    String when() {
      return (seconds < 0 ? " at " : " at +") + seconds + "s";
    }
  }

  /** A move the oracle says is allowed (the choice-th such target): it must be accepted. */
  static final class Move extends Step {
    final int choice;
    final boolean legal;

    Move(boolean legal, int choice, long seconds) {
      super(seconds);
      this.legal = legal;
      this.choice = choice;
    }

    Option<String> target(Model model, Instant at) {
      List<String> targets = model.moveTargets(legal, at);
      return targets.isEmpty() ? Option.none() : Option.some(targets.get(choice % targets.size()));
    }

    @Override
    Option<String> expected(Model model, Instant at) {
      Option<String> target = target(model, at);
      return target.isEmpty() ? Option.some("NO_MOVE") : model.stageRules(at, true, target.get(), false);
    }

    @Override
    Model after(Model model, Instant at) {
      return model.inStage(target(model, at).get(), DealStatus.OPEN, Option.none());
    }

    @Override
    public void run(DealUnderTest sut) {
      Instant at = sut.deal.lastEventAt().plusSeconds(seconds);
      if (target(sut.model(), at).isEmpty()) { // no target to draw (a precondition fails): nothing happens
        sut.outcome = "rejected NO_MOVE";
        sut.checkInvariants();
      } else {
        super.run(sut);
      }
    }

    @Override
    Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at) {
      return pipeline.move(deal, target(model, at).get(), at);
    }

    @Override
    public String toString() {
      return (legal ? "legal" : "illegal") + " move #" + choice + when();
    }
  }

  static final class Win extends Step {
    Win(long seconds) {
      super(seconds);
    }

    @Override
    Option<String> expected(Model m, Instant at) {
      Option<String> first = m.timeAndStatus(at, true);
      if (first.isDefined()) {
        return first;
      }
      Set<String> winStages = m.pipeline().policy().winStageIds();
      if (!winStages.isEmpty() && !winStages.contains(m.stageId())) {
        return Option.some("WIN_NOT_ALLOWED");
      }
      return m.criteria(List.of(m.pipeline().wonStage()));
    }

    @Override
    Model after(Model m, Instant at) {
      return m.inStage(m.pipeline().wonStage().id(), DealStatus.WON, Option.some(m.stageId()));
    }

    @Override
    Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at) {
      return pipeline.win(deal, at);
    }

    @Override
    public String toString() {
      return "win" + when();
    }
  }

  static final class Lose extends Step {
    final String reason;

    Lose(String reason, long seconds) {
      super(seconds);
      this.reason = reason;
    }

    @Override
    Option<String> expected(Model m, Instant at) {
      Option<String> first = m.timeAndStatus(at, true);
      if (first.isDefined()) {
        return first;
      }
      String stripped = reason.strip();
      TransitionPolicy policy = m.pipeline().policy();
      if (stripped.isEmpty() && policy.lostReasonRequired()) {
        return Option.some("LOST_REASON_REQUIRED");
      }
      if (!stripped.isEmpty() && !policy.lostReasons().isEmpty() && !policy.lostReasons().contains(stripped)) {
        return Option.some("LOST_REASON_NOT_ALLOWED");
      }
      return Option.none();
    }

    @Override
    Model after(Model m, Instant at) {
      return m.inStage(m.pipeline().lostStage().id(), DealStatus.LOST, Option.some(m.stageId()));
    }

    @Override
    Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at) {
      return pipeline.lose(deal, reason, at);
    }

    @Override
    public String toString() {
      return "lose for '" + reason + "'" + when();
    }
  }

  /** Reopens into the choice-th stage, or "nowhere", or (choice 0) the stage it was closed from. */
  static final class Reopen extends Step {
    final int choice;

    Reopen(int choice, long seconds) {
      super(seconds);
      this.choice = choice;
    }

    Option<String> target(Pipeline pipeline) {
      List<String> targets = new ArrayList<>();
      pipeline.stages().forEach(s -> targets.add(s.id()));
      targets.add("nowhere");
      int index = choice % (targets.size() + 1);
      return index == 0 ? Option.none() : Option.some(targets.get(index - 1));
    }

    @Override
    Option<String> expected(Model m, Instant at) {
      if (at.isBefore(m.lastEventAt())) {
        return Option.some("BEFORE_LAST_EVENT");
      }
      if (m.isOpen()) {
        return Option.some("DEAL_NOT_CLOSED");
      }
      if (!m.pipeline().policy().reopen()) {
        return Option.some("REOPEN_NOT_ALLOWED");
      }
      return m.stageRules(at, false, target(m.pipeline()).getOrElse(() -> m.closedFrom().get()), true);
    }

    @Override
    Model after(Model m, Instant at) {
      return m.inStage(target(m.pipeline()).getOrElse(() -> m.closedFrom().get()), DealStatus.OPEN, Option.none());
    }

    @Override
    Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at) {
      Option<String> target = target(pipeline);
      return target.isDefined() ? pipeline.reopen(deal, target.get(), at) : pipeline.reopen(deal, at);
    }

    @Override
    public String toString() {
      return "reopen #" + choice + when();
    }
  }

  /** A command that changes no stage: only time can reject it. */
  static final class FieldChange extends Step {
    final String name;
    final Function<Model, Model> effect;
    final FieldCommand command;

    FieldChange(String name, long seconds, Function<Model, Model> effect, FieldCommand command) {
      super(seconds);
      this.name = name;
      this.effect = effect;
      this.command = command;
    }

    @Override
    Option<String> expected(Model m, Instant at) {
      return m.timeAndStatus(at, false);
    }

    @Override
    Model after(Model m, Instant at) {
      return effect.apply(m);
    }

    @Override
    Either<Rejection, Change> execute(Model model, Pipeline pipeline, Deal deal, Instant at) {
      return command.run(pipeline, deal, at);
    }

    @Override
    public String toString() {
      return name + when();
    }
  }

  @FunctionalInterface
  interface FieldCommand {
    Either<Rejection, Change> run(Pipeline pipeline, Deal deal, Instant at);
  }

  // ------------------------------------------------------------------------------- generators

  /** Seconds after the deal's last event, 0 and ten days included; one time in ten before it. */
  private static Gen<Long> offsets() {
    return Generate.frequency(Pair.of(18, forward()), Pair.of(2, longs().between(-5 * 86_400L, -1)));
  }

  private static Gen<Long> forward() {
    return withEdges(longs().between(0, 10 * 86_400L), 10, 0L, 1L, 10 * 86_400L);
  }

  /** Thirty commands, weighted as a salesperson's day: mostly moves and qualification, some closes. */
  static Gen<List<Step>> steps() {
    Gen<Integer> choice = integers().between(0, 1000);
    Gen<QualificationLevel> level = Generate.enumValues(QualificationLevel.class);
    Gen<Qualification> qualifications = Generate.frequency(Pair.of(3, Generate.constant(ALL_YES)),
        Pair.of(2, in -> new Qualification(level.generate(in), level.generate(in), level.generate(in),
            level.generate(in), level.generate(in))));
    Gen<BigDecimal> amounts = withEdges(longs().between(0, 100_000_000L), 5, 0L, 100_000_000L)
        .map(cents -> BigDecimal.valueOf(cents, 2));
    Gen<Step> step = Generate.frequency(List.of(
        Pair.of(5, choice.zip(forward(), (c, s) -> new Move(true, c, s))),
        Pair.of(2, choice.zip(offsets(), (c, s) -> new Move(false, c, s))),
        Pair.of(2, offsets().map(Win::new)),
        Pair.of(2, Generate.pick(REASONS).zip(offsets(), Lose::new)),
        Pair.of(2, choice.zip(offsets(), Reopen::new)),
        Pair.of(3, qualifications.zip(offsets(), (q, s) -> new FieldChange("qualify " + q, s,
            m -> m.withQualification(q), (p, d, at) -> p.qualify(d, q, at)))),
        Pair.of(2, amounts.zip(booleans().all(), offsets(), DealStateMachineProperties::amountChange)),
        Pair.of(1, booleans().all().zip(Generate.pick(List.of("segment", "source")), offsets(),
            DealStateMachineProperties::attributeChange)),
        Pair.of(1, offsets().map(s -> new FieldChange("activity", s, m -> m, (p, d, at) -> p.recordActivity(d, at)))),
        Pair.of(1, booleans().all().zip(integers().between(0, 100), offsets(), (clear, percent, s) -> clear
            ? new FieldChange("clear override", s, m -> m, (p, d, at) -> p.clearProbabilityOverride(d, at))
            : new FieldChange("override " + percent + "%", s, m -> m,
                (p, d, at) -> p.overrideProbability(d, percent / 100.0, at)))),
        Pair.of(1, integers().between(0, 400).zip(offsets(), (days, s) -> new FieldChange("expected close +" + days + "d",
            s, m -> m, (p, d, at) -> p.setExpectedClose(d, LocalDate.of(2026, 1, 1).plusDays(days), at)))),
        Pair.of(1, Generate.pick(OWNERS).zip(offsets(), (owner, s) -> new FieldChange("reassign to '" + owner + "'",
            s, m -> m, (p, d, at) -> p.reassign(d, owner, at))))));
    return lists().of(step).ofSize(LENGTH);
  }

  /** A price in the deal's currency (USD when it has none), or, one time in ten, no price. */
  private static Step amountChange(BigDecimal amount, boolean clear, long seconds) {
    if (clear && amount.unscaledValue().intValue() % 5 == 0) {
      return new FieldChange("clear amount", seconds, m -> m.withAmount(Option.none()),
          (p, d, at) -> p.clearAmount(d, at));
    }
    Function<Deal, Money> money = d -> Money.of(amount, d.amount().map(Money::currency)
        .getOrElse(() -> Currency.getInstance("USD")));
    return new FieldChange("amount " + amount, seconds,
        m -> m.withAmount(Option.some(Money.of(amount, m.amount().map(Money::currency)
            .getOrElse(() -> Currency.getInstance("USD"))))),
        (p, d, at) -> p.changeAmount(d, money.apply(d), at));
  }

  /** Sets the key, or (about a third of the time) clears "segment". */
  private static Step attributeChange(boolean clear, String key, long seconds) {
    return clear && key.equals("source")
        ? new FieldChange("clear segment", seconds, m -> m.withAttribute("segment", null),
            (p, d, at) -> p.clearAttribute(d, "segment", at))
        : new FieldChange("set " + key, seconds, m -> m.withAttribute(key, "value"),
            (p, d, at) -> p.setAttribute(d, key, "value", at));
  }

  // ------------------------------------------------------------------------ random pipelines

  private static final List<EntryCriterion> CRITERIA = List.of(
      EntryCriterion.of("budget", "budget not confirmed", d -> d.qualification().budget() == QualificationLevel.YES),
      EntryCriterion.of("need", "need not confirmed", d -> d.qualification().need() == QualificationLevel.YES),
      EntryCriterion.of("segment", "segment unknown", d -> d.attributes().containsKey("segment")),
      EntryCriterion.of("amount", "no amount", d -> d.amount().isDefined()));

  /**
   * Pipelines of one to five open stages (both edges drawn one time in five) with random
   * probabilities, up to two entry criteria per stage, thresholds and policy.
   */
  static Gen<Pipeline> pipelines() {
    Gen<Integer> sizes = withEdges(integers().between(1, 5), 20, 1, 5);
    Gen<Integer> percent = integers().between(0, 100);
    Gen<Integer> criterion = integers().between(-1, CRITERIA.size() - 1);
    Gen<Boolean> flag = booleans().all();
    Gen<Pipeline> gen = in -> {
      int n = sizes.generate(in);
      Pipeline.Builder builder = Pipeline.builder("random", "Random");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Stage stage = Stage.open("s" + i, "Stage " + i).withProbability(percent.generate(in) / 100.0)
            .withRottingAfter(Duration.ofDays(1 + i));
        Set<Integer> chosen = new TreeSet<>(Arrays.asList(criterion.generate(in), criterion.generate(in)));
        for (int c : chosen) {
          if (c >= 0) {
            stage = stage.withEntryCriterion(CRITERIA.get(c));
          }
        }
        builder.openStage(stage);
        ids.add("s" + i);
      }
      Stage won = Stage.won("won", "Won");
      TransitionPolicy policy = TransitionPolicy.defaults()
          .withSkipForward(flag.generate(in)).withMoveBackward(flag.generate(in))
          .withCreationStages(subset(ids, flag, in)).withWinStages(subset(ids, flag, in))
          .withLostReasonRequired(flag.generate(in))
          .withLostReasons(subset(List.of("Price", "Competitor", "Timing"), flag, in))
          .withReopen(flag.generate(in))
          .withRottingClock(flag.generate(in) ? RottingClock.STAGE_ENTRY : RottingClock.LAST_ACTIVITY);
      return builder.wonStage(flag.generate(in) ? won.withEntryCriterion(CRITERIA.get(3)) : won)
          .lostStage(Stage.lost("lost", "Lost")).policy(policy).build();
    };
    return gen.describedAs(DealStateMachineProperties::describe);
  }

  private static String describe(Pipeline pipeline) {
    return pipeline.stages().stream().map(s -> s.id() + s.entryCriteria().stream().map(EntryCriterion::name).toList())
        .toList() + " " + pipeline.policy();
  }

  private static String[] subset(List<String> items, Gen<Boolean> flag, org.quicktheories.core.RandomnessSource in) {
    return items.stream().filter(item -> flag.generate(in)).toArray(String[]::new);
  }
}
