package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * Every built-in scorer over hostile random deals (odd attribute text, any qualification, amounts
 * from zero to 10^900, backward moves, closes and reopens, probability overrides): probabilities
 * within [0, 1] on both paths, explanations that add up, largest factor first, and the same answer
 * when asked twice. The deal sets reach the empty set (ranking) and a single deal, and the amounts
 * 10^900 and none at all.
 */
class HostileDealsProperties {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Pipeline PIPELINE = Fixtures.PIPELINE;
  private static final List<String> STAGES = List.of("new", "qualified", "proposition");
  private static final Hits HITS = new Hits("no deal", "a single deal", "25 deals", "an amount of 900 digits",
      "no amount", "a closed deal", "a probability override");

  @AfterAll
  static void everyEdgeWasReached() {
    HITS.requireAll();
  }

  @Test
  void everyScorer_randomHostileDeals_probabilityInRange_explanationAddsUp() {
    qt(0x5C0_0001L, 60).forAll(deals(1, 25)).checkAssert(HostileDealsProperties::everyScorer);
  }

  private static void everyScorer(List<Deal> deals) {
    ScoringContext context = ScoringContext.of(PIPELINE, T0.plusSeconds(86_400L * 400)).withHistory(deals);
    for (Scorer scorer : scorers()) {
      ScoredBatch result = SafeScoring.scoreAll(scorer, deals, context);
      assertThat(result.scored().size() + result.failures().size()).as(scorer.id()).isEqualTo(deals.size());
      Scorer trained = scorer.isTrained() ? scorer : scorer.trainedOn(context);
      for (ScoredDeal scored : result.scored()) {
        Score score = scored.score();
        assertThat(score.probability()).as(scorer.id()).isBetween(0.0, 1.0);
        assertThat(score.explainedProbability()).as(scorer.id()).isCloseTo(score.probability(), within(1e-9));
        for (int i = 1; i < score.factors().size(); i++) {
          assertThat(Math.abs(score.factors().get(i - 1).contribution()))
              .isGreaterThanOrEqualTo(Math.abs(score.factors().get(i).contribution()));
        }
        assertThat(trained.probability(scored.deal(), context)).as(scorer.id()).isEqualTo(score.probability());
        assertThat(trained.score(scored.deal(), context)).as("same answer twice").isEqualTo(score);
      }
      for (ScoringFailure failure : result.failures()) {
        assertThat(failure.code()).as(failure.message()).isEqualTo("NOT_SCORABLE");
      }
    }
  }

  @Test
  void ranking_randomHostileDeals_isAPermutationOfTheOpenDeals_withFiniteEqualOrDecreasingPriorities() {
    qt(0x5C0_0002L, 40).forAll(deals(0, 25)).checkAssert(HostileDealsProperties::ranking);
  }

  private static void ranking(List<Deal> deals) {
    ScoringContext context = ScoringContext.of(PIPELINE, T0.plusSeconds(86_400L * 400)).withHistory(deals);
    Prioritiser prioritiser = Prioritiser.of(QualificationScorecard.bant()).withUrgency(Urgency.of(0.5, 30, 0.5))
        .withValuation(m -> Math.log1p(m.amount().min(new java.math.BigDecimal("1E+300")).doubleValue()));

    Ranking ranking = prioritiser.rank(deals, context);

    assertThat(ranking.deals()).hasSize((int) deals.stream().filter(Deal::isOpen).count());
    for (int i = 1; i < ranking.deals().size(); i++) {
      RankedDeal before = ranking.deals().get(i - 1);
      RankedDeal after = ranking.deals().get(i);
      assertThat(after.priority()).isFinite();
      if (before.isPriced() == after.isPriced()) {
        assertThat(before.priority()).isGreaterThanOrEqualTo(after.priority());
      }
    }
  }

  private static List<Scorer> scorers() {
    return List.of(StageProbabilityScorer.of(), HistoricalWinRateScorer.of(),
        QualificationScorecard.bant().withWeight(QualificationScorecard.Criterion.INTEREST, 0.3),
        PointsScorer.of(PointsRule.attributeEquals("source", "web", 10), PointsRule.inStage("proposition", 30),
            PointsRule.amountAtLeast(Money.parse("1000", "USD"), -5)),
        NaiveBayesScorer.of("source", "segment"), NaiveBayesScorer.of("source").withTeamAttribute("segment"),
        CompositeScorer.builder().add(StageProbabilityScorer.of(), 1).add(NaiveBayesScorer.of("source"), 3).build());
  }

  /** Lists of deals with distinct ids, from {@code min} to {@code max} long, both edges and one deal drawn often. */
  static Gen<List<Deal>> deals(int min, int max) {
    Gen<Integer> level = integers().between(0, QualificationLevel.values().length - 1);
    Gen<Qualification> qualification = in -> new Qualification(QualificationLevel.values()[level.generate(in)],
        QualificationLevel.values()[level.generate(in)], QualificationLevel.values()[level.generate(in)],
        QualificationLevel.values()[level.generate(in)], QualificationLevel.values()[level.generate(in)]);
    Gen<List<Integer>> steps = lists().of(integers().between(0, 6)).ofSizeBetween(0, 12);
    Gen<Double> override = integers().between(0, 99).zip(doubles().between(0, 1), (p, d) -> p < 70 ? null : d);
    Gen<Deal> deal = in -> deal(integers().between(0, 1_000_000).generate(in), attribute().generate(in),
        attribute().generate(in), amount().generate(in), qualification.generate(in), steps.generate(in),
        override.generate(in));
    return lists().of(deal).ofSizes(withEdges(integers().between(min, max), 20, min, 1, max)).map(list -> {
      Map<String, Deal> unique = new LinkedHashMap<>();
      list.forEach(d -> unique.putIfAbsent(d.id(), d));
      List<Deal> deals = List.copyOf(unique.values());
      HITS.record("no deal", deals.isEmpty());
      HITS.record("a single deal", deals.size() == 1);
      HITS.record("25 deals", deals.size() == 25);
      for (Deal d : deals) {
        HITS.record("an amount of 900 digits", d.amount().exists(m -> m.amount().precision() >= 900));
        HITS.record("no amount", d.amount().isEmpty());
        HITS.record("a closed deal", !d.isOpen());
        HITS.record("a probability override", d.probabilityOverride().isDefined());
      }
      return deals;
    }).describedAs(list -> list.size() + " deals: " + list);
  }

  private static Deal deal(int id, String source, String segment, @org.jspecify.annotations.Nullable Money amount, Qualification qualification,
      List<Integer> steps, @org.jspecify.annotations.Nullable Double override) {
    NewDeal draft = NewDeal.of("D" + id).withQualification(qualification).withAttribute("source", source)
        .withAttribute("segment", segment);
    if (amount != null) {
      draft = draft.withAmount(amount);
    }
    Deal deal = PIPELINE.open(draft, T0).get().deal();
    Instant at = T0;
    for (int step : steps) {
      at = at.plusSeconds(86_400);
      Deal current = deal;
      Instant now = at;
      deal = switch (step) {
        case 0, 1, 2 -> PIPELINE.move(current, STAGES.get(step), now).map(c -> c.deal()).getOrElse(current);
        case 3 -> PIPELINE.win(current, now).map(c -> c.deal()).getOrElse(current);
        case 4 -> PIPELINE.lose(current, "Price", now).map(c -> c.deal()).getOrElse(current);
        case 5 -> PIPELINE.reopen(current, now).map(c -> c.deal()).getOrElse(current);
        default -> PIPELINE.recordActivity(current, now).map(c -> c.deal()).getOrElse(current);
      };
    }
    if (override != null && deal.isOpen()) {
      deal = PIPELINE.overrideProbability(deal, override, at.plusSeconds(1)).get().deal();
    }
    return deal;
  }

  /** Odd attribute text (empty, blank, a formula, NUL, an emoji) or any text of up to 8 code points. */
  private static Gen<String> attribute() {
    return Generate.oneOf(Generate.pick(List.of("web", "referral", "", " ", "=SUM(A1)", "\u0000", "ü\uD83D\uDE00")),
        strings().allPossible().ofLengthBetween(0, 8));
  }

  /** Cents up to a million, or zero, a tenth of a cent, 900 nines, 10^300; none one time in five. */
  private static Gen<Money> amount() {
    Gen<Money> priced = Generate.oneOf(
        integers().between(0, 100_000_000).map(cents -> Money.of(java.math.BigDecimal.valueOf(cents, 2),
            Currency.getInstance("USD"))),
        Generate.pick(List.of("0", "0.001", "9".repeat(900), "1E+300")).map(a -> Money.parse(a, "USD")));
    return integers().between(0, 99).zip(priced, (p, m) -> p < 20 ? null : m);
  }
}
