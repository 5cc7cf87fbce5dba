package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;

/**
 * Every built-in scorer over hostile random deals (odd attribute text, any qualification, amounts
 * from zero to 10^900, backward moves, closes and reopens, probability overrides): probabilities
 * within [0, 1] on both paths, explanations that add up, largest factor first, and the same answer
 * when asked twice.
 */
class HostileDealsProperties {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Pipeline PIPELINE = Fixtures.PIPELINE;
  private static final List<String> STAGES = List.of("new", "qualified", "proposition");

  @Property(tries = 60)
  void everyScorer_randomHostileDeals_probabilityInRange_explanationAddsUp(
      @ForAll("deals") @Size(min = 1, max = 25) List<Deal> deals) {
    ScoringContext context = ScoringContext.of(PIPELINE, T0.plusSeconds(86_400L * 400)).withHistory(deals);
    for (Scorer scorer : scorers()) {
      ScoringResult result = Scoring.scoreAll(scorer, deals, context);
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

  @Property(tries = 40)
  void ranking_randomHostileDeals_isAPermutationOfTheOpenDeals_withFiniteEqualOrDecreasingPriorities(
      @ForAll("deals") @Size(max = 25) List<Deal> deals) {
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
            PointsRule.amountAtLeast(Money.of("1000", "USD"), -5)),
        NaiveBayesScorer.of("source", "segment"), NaiveBayesScorer.of("source").withTeamAttribute("segment"),
        CompositeScorer.builder().add(StageProbabilityScorer.of(), 1).add(NaiveBayesScorer.of("source"), 3).build());
  }

  @Provide
  Arbitrary<List<Deal>> deals() {
    Arbitrary<Deal> deal = Combinators.combine(Arbitraries.integers().between(0, 1_000_000),
        attribute(), attribute(), amount(), qualification(),
        Arbitraries.integers().between(0, 6).list().ofMaxSize(12), Arbitraries.doubles().between(0, 1).injectNull(0.7))
        .as(HostileDealsProperties::deal);
    return deal.list().uniqueElements(Deal::id);
  }

  private static Deal deal(int id, String source, String segment, Money amount, Qualification qualification,
      List<Integer> steps, Double override) {
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

  private static Arbitrary<String> attribute() {
    return Arbitraries.oneOf(Arbitraries.of("web", "referral", "", " ", "=SUM(A1)", "\u0000", "ü\uD83D\uDE00"),
        Arbitraries.strings().ofMaxLength(8));
  }

  private static Arbitrary<Money> amount() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("1000000")).ofScale(2)
            .map(a -> Money.of(a, Money.currency("USD"))),
        Arbitraries.of("0", "0.001", "9".repeat(900), "1E+300").map(a -> Money.of(a, "USD")))
        .injectNull(0.2);
  }

  private static Arbitrary<Qualification> qualification() {
    Arbitrary<QualificationLevel> level = Arbitraries.of(QualificationLevel.class);
    return Combinators.combine(level, level, level, level, level).as(Qualification::new);
  }
}
