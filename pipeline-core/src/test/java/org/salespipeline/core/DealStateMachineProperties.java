package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Random command sequences (jqwik {@link ActionChain}) over the standard pipeline and over random
 * pipelines and policies. A small oracle predicts each command's outcome from the pipeline's
 * definition; after every step the invariants of SPEC §8 must hold: rejected commands change
 * nothing, the replay of the emitted events equals the deal, histories are append-only and
 * time-ordered, closed deals stay closed unless reopened.
 */
class DealStateMachineProperties {

  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final List<String> REASONS = List.of("", " ", "Price", "Competitor", "Timing", "Other");
  private static final List<String> KEYS = List.of("segment", "source");
  private static final Qualification ALL_YES = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.YES);

  // ------------------------------------------------------------------------------- properties

  @Property(tries = 300)
  void standardPipeline_randomCommands_keepEveryInvariant(@ForAll("standardChains") ActionChain<Model> chain) {
    chain.withInvariant("deal consistent with its events", Model::checkInvariants).run();

    // every outcome the standard pipeline can give was exercised (about 9,000 commands in all)
    requireOutcomes("ENTRY_CRITERIA_NOT_MET", "ALREADY_IN_STAGE", "UNKNOWN_STAGE", "NOT_AN_OPEN_STAGE",
        "DEAL_CLOSED", "DEAL_NOT_CLOSED", "LOST_REASON_REQUIRED", "BEFORE_LAST_EVENT",
        "accepted StageChanged", "accepted Won", "accepted Lost", "accepted Reopened");
  }

  @Property(tries = 300)
  void randomPipelines_randomCommands_keepEveryInvariant(@ForAll("randomChains") ActionChain<Model> chain) {
    chain.withInvariant("deal consistent with its events", Model::checkInvariants).run();

    requireOutcomes("SKIP_NOT_ALLOWED", "BACKWARD_NOT_ALLOWED", "WIN_NOT_ALLOWED", "LOST_REASON_NOT_ALLOWED",
        "REOPEN_NOT_ALLOWED", "ENTRY_CRITERIA_NOT_MET", "accepted StageChanged", "accepted Reopened");
  }

  private static void requireOutcomes(String... outcomes) {
    Statistics.label("outcome").coverage(coverage -> {
      for (String outcome : outcomes) {
        coverage.check(outcome).count(n -> n > 0);
      }
    });
  }

  @Property(tries = 50)
  void generatedDeals_replayToEqualDeals(@ForAll long seed) {
    for (Deal deal : DealGenerator.standard(seed).deals(20)) {
      assertThat(Deal.replay(Pipeline.standard(), deal.history())).isEqualTo(deal);
    }
  }

  @Provide
  Arbitrary<ActionChain<Model>> standardChains() {
    return chains(Pipeline.standard());
  }

  @Provide
  Arbitrary<ActionChain<Model>> randomChains() {
    return pipelines().flatMap(DealStateMachineProperties::chains);
  }

  private static Arbitrary<ActionChain<Model>> chains(Pipeline pipeline) {
    return ActionChain.startWith(() -> new Model(pipeline))
        .withAction(5, new LegalMove())
        .withAction(2, new IllegalMove())
        .withAction(2, command("win", m -> Arbitraries.just(""), (m, at, x) -> m.win(at)))
        .withAction(2, command("lose", m -> Arbitraries.of(REASONS), (m, at, reason) -> m.lose(reason, at)))
        .withAction(2, command("reopen", Model::reopenTargets, (m, at, target) -> m.reopen(target, at)))
        .withAction(3, command("qualify", m -> qualifications(), (m, at, q) -> m.field(
            m.pipeline.qualify(m.deal, q, at), at)))
        .withAction(2, command("amount", Model::amounts, (m, at, amount) -> m.field(amount.isDefined()
            ? m.pipeline.changeAmount(m.deal, amount.get(), at) : m.pipeline.clearAmount(m.deal, at), at)))
        .withAction(1, command("attribute", m -> Arbitraries.of(KEYS).injectNull(0.3), (m, at, key) -> m.field(
            key == null ? m.pipeline.clearAttribute(m.deal, "segment", at)
                : m.pipeline.setAttribute(m.deal, key, "value", at), at)))
        .withAction(1, command("activity", m -> Arbitraries.just(""), (m, at, x) -> m.field(
            m.pipeline.recordActivity(m.deal, at), at)))
        .withAction(1, command("override", m -> Arbitraries.doubles().between(0, 1).injectNull(0.3),
            (m, at, p) -> m.field(p == null ? m.pipeline.clearProbabilityOverride(m.deal, at)
                : m.pipeline.overrideProbability(m.deal, p, at), at)))
        .withAction(1, command("expected close", m -> Arbitraries.integers().between(0, 400),
            (m, at, days) -> m.field(m.pipeline.setExpectedClose(m.deal, LocalDate.of(2026, 1, 1).plusDays(days), at), at)))
        .withAction(1, command("reassign", m -> Arbitraries.of("ana", "bo", ""), (m, at, owner) -> m.field(
            m.pipeline.reassign(m.deal, owner, at), at)))
        .withMaxTransformations(30);
  }

  // ------------------------------------------------------------------------------------ model

  /** The deal under test, the host's event store, and the oracle predicting each command. */
  static final class Model {
    final Pipeline pipeline;
    Deal deal;
    final List<DealEvent> store = new ArrayList<>();

    Model(Pipeline pipeline) {
      this.pipeline = pipeline;
      NewDeal draft = NewDeal.of("P-1").withOwner("ana").withAmount(Money.of("1000", "EUR"))
          .withQualification(ALL_YES).withAttribute("segment", "SMB");
      Change opened = Fixtures.accepted(pipeline.open(draft, START));
      deal = opened.deal();
      store.addAll(opened.events());
    }

    // commands, each checked against the oracle

    void move(String target, Instant at) {
      expect("move to " + target, pipeline.move(deal, target, at), stageRules(at, true, target, false));
    }

    void win(Instant at) {
      Option<Expected> expected = timeAndStatus(at, true);
      if (expected.isEmpty() && !pipeline.policy().winStageIds().isEmpty()
          && !pipeline.policy().winStageIds().contains(deal.stageId())) {
        expected = Option.some(new Expected("WIN_NOT_ALLOWED", List.of()));
      }
      if (expected.isEmpty()) {
        expected = criteria(List.of(pipeline.wonStage()));
      }
      expect("win", pipeline.win(deal, at), expected);
    }

    void lose(String reason, Instant at) {
      Option<Expected> expected = timeAndStatus(at, true);
      String stripped = reason.strip();
      if (expected.isEmpty() && stripped.isEmpty() && pipeline.policy().lostReasonRequired()) {
        expected = Option.some(new Expected("LOST_REASON_REQUIRED", List.of()));
      } else if (expected.isEmpty() && !stripped.isEmpty() && !pipeline.policy().lostReasons().isEmpty()
          && !pipeline.policy().lostReasons().contains(stripped)) {
        expected = Option.some(new Expected("LOST_REASON_NOT_ALLOWED", List.of()));
      }
      expect("lose for '" + reason + "'", pipeline.lose(deal, reason, at), expected);
    }

    void reopen(Option<String> target, Instant at) {
      Option<Expected> expected = at.isBefore(deal.lastEventAt()) ? Option.some(new Expected("BEFORE_LAST_EVENT", List.of()))
          : deal.isOpen() ? Option.some(new Expected("DEAL_NOT_CLOSED", List.of()))
          : !pipeline.policy().reopen() ? Option.some(new Expected("REOPEN_NOT_ALLOWED", List.of()))
          : stageRules(at, false, target.getOrElse(() -> deal.closedFromStageId().get()), true);
      Either<Rejection, Change> result = target.isDefined() ? pipeline.reopen(deal, target.get(), at)
          : pipeline.reopen(deal, at);
      expect("reopen into " + target, result, expected);
    }

    /** A command that changes no stage: only time can reject it. */
    void field(Either<Rejection, Change> result, Instant at) {
      expect("field change", result, at.isBefore(deal.lastEventAt())
          ? Option.some(new Expected("BEFORE_LAST_EVENT", List.of())) : Option.none());
    }

    // the oracle

    Option<Expected> timeAndStatus(Instant at, boolean needsOpen) {
      if (at.isBefore(deal.lastEventAt())) {
        return Option.some(new Expected("BEFORE_LAST_EVENT", List.of()));
      }
      return needsOpen && !deal.isOpen() ? Option.some(new Expected("DEAL_CLOSED", List.of())) : Option.none();
    }

    /** The rules of entering {@code targetId} from the current stage, or from the closed-from stage on reopen. */
    Option<Expected> stageRules(Instant at, boolean needsOpen, String targetId, boolean reopening) {
      Option<Expected> first = timeAndStatus(at, needsOpen);
      if (first.isDefined()) {
        return first;
      }
      Option<Stage> target = pipeline.stage(targetId);
      if (target.isEmpty()) {
        return Option.some(new Expected("UNKNOWN_STAGE", List.of()));
      }
      Stage to = target.get();
      if (!to.isOpen()) {
        return Option.some(new Expected("NOT_AN_OPEN_STAGE", List.of()));
      }
      Stage from = pipeline.stage(reopening ? deal.closedFromStageId().get() : deal.stageId()).get();
      if (from.id().equals(to.id())) {
        return reopening ? Option.none() : Option.some(new Expected("ALREADY_IN_STAGE", List.of()));
      }
      List<Stage> open = pipeline.openStages();
      if (to.order() < from.order()) {
        return pipeline.policy().moveBackward() ? criteria(List.of(to))
            : Option.some(new Expected("BACKWARD_NOT_ALLOWED", List.of()));
      }
      if (to.order() > from.order() + 1 && !pipeline.policy().skipForward()) {
        return Option.some(new Expected("SKIP_NOT_ALLOWED", List.of()));
      }
      return criteria(open.subList(from.order() + 1, to.order() + 1));
    }

    Option<Expected> criteria(List<Stage> stages) {
      List<EntryCriterion> failed = stages.stream().flatMap(s -> s.entryCriteria().stream())
          .filter(c -> !c.isMetBy(deal)).toList();
      return failed.isEmpty() ? Option.none() : Option.some(new Expected("ENTRY_CRITERIA_NOT_MET", failed));
    }

    List<String> moveTargets(boolean legal, Instant at) {
      List<String> targets = new ArrayList<>();
      pipeline.stages().forEach(s -> targets.add(s.id()));
      targets.add("nowhere");
      return targets.stream().filter(t -> stageRules(at, true, t, false).isEmpty() == legal).toList();
    }

    Arbitrary<Option<String>> reopenTargets() {
      List<Option<String>> targets = new ArrayList<>();
      targets.add(Option.none());
      pipeline.stages().forEach(s -> targets.add(Option.some(s.id())));
      targets.add(Option.some("nowhere"));
      return Arbitraries.of(targets);
    }

    Arbitrary<Option<Money>> amounts() {
      String currency = deal.amount().map(m -> m.currency().getCurrencyCode()).getOrElse("USD");
      return Arbitraries.frequencyOf(
          Tuple.of(9, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)
              .map(amount -> Option.some(Money.of(amount, Money.currency(currency))))),
          Tuple.of(1, Arbitraries.just(Option.<Money>none())));
    }

    // checking a result

    void expect(String command, Either<Rejection, Change> result, Option<Expected> expected) {
      Deal before = deal;
      int stored = store.size();
      if (expected.isDefined()) {
        assertThat(result.isLeft()).as("%s on %s should be rejected with %s but produced %s", command, before,
            expected.get().code(), result.isRight() ? result.get().events() : "").isTrue();
        Rejection rejection = result.getLeft();
        assertThat(rejection.code()).as("%s on %s: %s", command, before, rejection.message())
            .isEqualTo(expected.get().code());
        if (rejection instanceof Rejection.CriteriaNotMet notMet) {
          assertThat(notMet.failed()).containsExactlyElementsOf(expected.get().failed());
        }
        assertThat(rejection.message()).contains(before.id());
        Statistics.label("outcome").collect(rejection.code());
      } else {
        assertThat(result.isRight()).as("%s on %s should be accepted but was rejected: %s", command, before,
            result.isLeft() ? result.getLeft().message() : "").isTrue();
        Change change = result.get();
        List<DealEvent> history = change.deal().history();
        assertThat(history.subList(0, before.version())).as("history is append-only").isEqualTo(before.history());
        assertThat(history.subList(before.version(), history.size())).isEqualTo(change.events());
        boolean reopened = change.events().stream().anyMatch(DealEvent.Reopened.class::isInstance);
        if (before.status().isClosed() && !reopened) {
          assertThat(change.deal().status()).as("closed deals stay closed unless reopened").isEqualTo(before.status());
        }
        deal = change.deal();
        store.addAll(change.events());
        Statistics.label("outcome").collect("accepted " + change.events().get(0).getClass().getSimpleName());
      }
      if (expected.isDefined()) {
        assertThat(deal).as("a rejected command changes nothing").isSameAs(before);
        assertThat(store).hasSize(stored);
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

    @Override
    public String toString() {
      return deal + " " + deal.history();
    }
  }

  /** What the oracle expects: a rejection code, and for unmet criteria the ones that fail. */
  record Expected(String code, List<EntryCriterion> failed) {}

  // ---------------------------------------------------------------------------------- actions

  /** A move the oracle says is allowed: it must be accepted. */
  static final class LegalMove implements Action.Dependent<Model> {
    @Override
    public boolean precondition(Model m) {
      return !m.moveTargets(true, m.deal.lastEventAt()).isEmpty();
    }

    @Override
    public Arbitrary<Transformer<Model>> transformer(Model m) {
      return Combinators.combine(Arbitraries.of(m.moveTargets(true, m.deal.lastEventAt())), forward())
          .as((target, seconds) -> Transformer.mutate("legal move to " + target,
              model -> model.move(target, model.deal.lastEventAt().plusSeconds(seconds))));
    }
  }

  /** A move the oracle says is refused (or any move, stale): it must be rejected and change nothing. */
  static final class IllegalMove implements Action.Dependent<Model> {
    @Override
    public Arbitrary<Transformer<Model>> transformer(Model m) {
      return Combinators.combine(Arbitraries.of(m.moveTargets(false, m.deal.lastEventAt())), offsets())
          .as((target, seconds) -> Transformer.mutate("illegal move to " + target,
              model -> model.move(target, model.deal.lastEventAt().plusSeconds(seconds))));
    }
  }

  @FunctionalInterface
  interface Command<T> {
    void run(Model model, Instant at, T argument);
  }

  /** Any other command, with an argument drawn from the current state and a random instant. */
  private static <T> Action.Dependent<Model> command(String name, Function<Model, Arbitrary<T>> arguments,
      Command<T> command) {
    return m -> Combinators.combine(arguments.apply(m), offsets())
        .as((argument, seconds) -> Transformer.mutate(name + " " + argument + " at +" + seconds + "s",
            model -> command.run(model, model.deal.lastEventAt().plusSeconds(seconds), argument)));
  }

  /** Seconds after the deal's last event; sometimes before it, which every command must reject. */
  private static Arbitrary<Long> offsets() {
    return Arbitraries.frequencyOf(
        Tuple.of(18, forward()),
        Tuple.of(2, Arbitraries.longs().between(-5 * 86_400L, -1)));
  }

  private static Arbitrary<Long> forward() {
    return Arbitraries.longs().between(0, 10 * 86_400L).edgeCases(c -> c.add(0L));
  }

  private static Arbitrary<Qualification> qualifications() {
    Arbitrary<QualificationLevel> level = Arbitraries.of(QualificationLevel.class);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(ALL_YES)),
        Tuple.of(2, Combinators.combine(level, level, level, level, level).as(Qualification::new)));
  }

  // ------------------------------------------------------------------------ random pipelines

  private static final List<EntryCriterion> CRITERIA = List.of(
      EntryCriterion.of("budget", "budget not confirmed", d -> d.qualification().budget() == QualificationLevel.YES),
      EntryCriterion.of("need", "need not confirmed", d -> d.qualification().need() == QualificationLevel.YES),
      EntryCriterion.of("segment", "segment unknown", d -> d.attributes().containsKey("segment")),
      EntryCriterion.of("amount", "no amount", d -> d.amount().isDefined()));

  /** Pipelines of one to five open stages with random probabilities, criteria, thresholds and policy. */
  static Arbitrary<Pipeline> pipelines() {
    Arbitrary<List<EntryCriterion>> criteria = Arbitraries.of(CRITERIA).list().uniqueElements().ofMaxSize(2);
    Arbitrary<Double> probability = Arbitraries.doubles().between(0, 1).ofScale(2);
    return Arbitraries.integers().between(1, 5).flatMap(n -> Combinators.combine(
        probability.list().ofSize(n), criteria.list().ofSize(n), Arbitraries.of(true, false), policies(n))
        .as((probabilities, stageCriteria, wonNeedsAmount, policy) -> {
          Pipeline.Builder builder = Pipeline.builder("random", "Random");
          for (int i = 0; i < n; i++) {
            Stage stage = Stage.open("s" + i, "Stage " + i).withProbability(probabilities.get(i))
                .withRottingAfter(Duration.ofDays(1 + i));
            for (EntryCriterion criterion : stageCriteria.get(i)) {
              stage = stage.withEntryCriterion(criterion);
            }
            builder.openStage(stage);
          }
          Stage won = Stage.won("won", "Won");
          return builder.wonStage(wonNeedsAmount ? won.withEntryCriterion(CRITERIA.get(3)) : won)
              .lostStage(Stage.lost("lost", "Lost")).policy(policy).build();
        }));
  }

  private static Arbitrary<TransitionPolicy> policies(int stages) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      ids.add("s" + i);
    }
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<Set<String>> subset = Arbitraries.subsetOf(ids);
    return Combinators.combine(flag, flag, subset, subset, flag,
            Arbitraries.subsetOf("Price", "Competitor", "Timing"), flag, Arbitraries.of(RottingClock.class))
        .as((skip, backward, creation, win, reasonRequired, reasons, reopen, clock) -> TransitionPolicy.defaults()
            .withSkipForward(skip).withMoveBackward(backward)
            .withCreationStages(creation.toArray(String[]::new)).withWinStages(win.toArray(String[]::new))
            .withLostReasonRequired(reasonRequired).withLostReasons(reasons.toArray(String[]::new))
            .withReopen(reopen).withRottingClock(clock));
  }
}
