package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.scoring.testing.ThrowingScorer;

class PrioritiserTest {

  private final Prioritiser byStage = Prioritiser.of(StageProbabilityScorer.of());

  @Test
  void rank_ordersByExpectedValue() {
    List<Deal> deals = List.of(
        Fixtures.deal("small-sure", "proposition", "1000"),   // 700
        Fixtures.deal("big-early", "new", "20000"),           // 2000
        Fixtures.deal("mid", "qualified", "4000"));           // 1600

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactly("big-early", "mid", "small-sure");
    assertThat(ranking.deals().get(0).expectedValue()).contains(Money.parse("2000", "USD"));
    assertThat(ranking.deals()).extracting(RankedDeal::rank).containsExactly(1, 2, 3);
  }

  @Test
  void unpricedDeals_comeAfterPricedOnes_byProbability_andTheRankingSaysSo() {
    List<Deal> deals = List.of(Fixtures.deal("no-amount-sure", "proposition"), Fixtures.deal("cheap", "new", "1"),
        Fixtures.deal("no-amount", "new"));

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactly("cheap", "no-amount-sure", "no-amount");
    assertThat(ranking.unpriced()).isEqualTo(2);
    assertThat(ranking.notes()).contains(
        "2 of 3 ranked deals have no amount: they are ranked after the priced deals, by probability");
  }

  @Test
  void ties_areBrokenByDealId_whateverTheInputOrder() {
    List<Deal> deals = new ArrayList<>(List.of(Fixtures.deal("b", "new", "100"), Fixtures.deal("c", "new", "100"),
        Fixtures.deal("a", "new", "100")));
    List<String> first = ids(byStage.rank(deals, Fixtures.context()));
    Collections.reverse(deals);

    assertThat(first).containsExactly("a", "b", "c");
    assertThat(ids(byStage.rank(deals, Fixtures.context()))).isEqualTo(first);
  }

  @Test
  void rank_amountsBeyondTheDoubleRange_differingInTheLastCent_largerFirst() {
    String huge = "1" + "0".repeat(400); // 1E+400, beyond Double.MAX_VALUE (1.8E+308)
    List<Deal> deals = List.of(Fixtures.deal("a-smaller", "new", huge), Fixtures.deal("b-larger", "new", huge + ".01"),
        Fixtures.deal("c-small", "proposition", "100"));

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("b-larger", "a-smaller", "c-small");
    assertThat(ranking.deals().get(0).expectedValue().get().amount())
        .isEqualByComparingTo(new BigDecimal(huge + ".01").multiply(new BigDecimal("0.1")));
    assertThat(ranking.deals()).extracting(RankedDeal::priority).containsExactly(Double.MAX_VALUE, Double.MAX_VALUE, 70.0);
  }

  @Test
  void rank_amountsEqualAsDoubles_areOrderedByTheirExactValues() {
    // 10^17 and 10^17 + 1 are the same double; so are their products with 0.1
    List<Deal> deals = List.of(Fixtures.deal("a", "new", "100000000000000000"),
        Fixtures.deal("b", "new", "100000000000000001"));

    assertThat(ids(byStage.rank(deals, Fixtures.context()))).containsExactly("b", "a");
    assertThat(ids(byStage.top(1, deals, Fixtures.context()))).containsExactly("b");
  }

  @Test
  void rank_equalExpectedValues_whereDoublesDiffer_areATie_brokenByProbability() {
    // 3.00 x 0.7 = 2.1 exactly, although 3 * 0.7 is 2.0999999999999996 in doubles; 21.00 x 0.1 = 2.1 too
    List<Deal> deals = List.of(Fixtures.deal("a-21-at-10", "new", "21"), Fixtures.deal("b-3-at-70", "proposition", "3"));

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("b-3-at-70", "a-21-at-10");
    assertThat(ranking.deals()).extracting(r -> r.expectedValue().get()).containsExactly(Money.parse("2.1", "USD"),
        Money.parse("2.1", "USD"));
  }

  @Test
  void rank_equalPriorities_fromDifferentAmountsAndProbabilities_areBrokenByProbability_thenId() {
    List<Deal> deals = List.of(Fixtures.deal("a-1000-at-10", "new", "1000"),
        Fixtures.deal("c-250-at-40", "qualified", "250"), Fixtures.deal("b-250-at-40", "qualified", "250"));

    assertThat(ids(byStage.rank(deals, Fixtures.context()))).containsExactly("b-250-at-40", "c-250-at-40", "a-1000-at-10");
  }

  @Test
  void rank_amountWithAThousandDecimals_isRanked_itsExpectedValueRoundedToAThousandDecimals() {
    String tiny = "0." + "0".repeat(999) + "6"; // 6E-1000, the smallest scale Money allows
    List<Deal> deals = List.of(Fixtures.deal("zero", "new", "0"), Fixtures.deal("tiny", "new", tiny));

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).as("6E-1001 is more than nothing").containsExactly("tiny", "zero");
    assertThat(ranking.deals().get(0).expectedValue().get().amount())
        .isEqualByComparingTo(new BigDecimal("1E-1000")); // 6E-1001 rounded half-even to a thousand decimals
    assertThat(ranking.deals().get(0).priority()).isEqualTo(0.0); // below the doubles
  }

  @Test
  void top_manyTiesAtTheCut_keepsTheDealsOfTheFullRanking() {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      deals.add(Fixtures.deal(String.format("D%02d", (i * 17) % 40), i % 3 == 0 ? "qualified" : "new",
          i % 3 == 0 ? "250" : "1000"));
    }

    List<String> all = ids(byStage.rank(deals, Fixtures.context()));

    for (int k : new int[] {1, 5, 13, 14, 39, 40, 41}) {
      assertThat(ids(byStage.top(k, deals, Fixtures.context()))).as("top %d", k).isEqualTo(all.subList(0, Math.min(k, 40)));
    }
    assertThat(all.get(0)).as("equal expected values: the higher probability first, then the lower id").isEqualTo("D00");
  }

  @Test
  void top_isThePrefixOfTheFullRanking() {
    DealGenerator generator = DealGenerator.standard(7);
    List<Deal> deals = generator.deals(400);
    ScoringContext context = ScoringContext.of(generator.pipeline(), java.time.Instant.parse("2026-01-01T00:00:00Z"));
    Prioritiser prioritiser = Prioritiser.of(QualificationScorecard.bant());

    List<String> all = ids(prioritiser.rank(deals, context));
    List<String> top = ids(prioritiser.top(25, deals, context));

    assertThat(top).hasSize(25).isEqualTo(all.subList(0, 25));
  }

  @Test
  void closedDeals_andDealsOfOtherPipelines_areNotRanked() {
    Deal other = Pipeline.standard().open(NewDeal.of("S").withAmount(Money.parse("5", "USD")), Fixtures.T0).get().deal();
    List<Deal> deals = List.of(Fixtures.won(Fixtures.deal("W", "new", "10")), other, Fixtures.deal("O", "new", "10"));

    Ranking ranking = byStage.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("O");
    assertThat(ranking.considered()).isEqualTo(1);
    assertThat(ranking.notes()).contains("1 deals of other pipelines were left out");
  }

  @Test
  void dealsAreTakenAsOfTheContextsInstant() {
    Deal wonLater = Fixtures.won(Fixtures.deal("W", "new", "10"));

    assertThat(ids(byStage.rank(List.of(wonLater), Fixtures.context().withAsOf(Fixtures.T0)))).containsExactly("W");
    assertThat(ids(byStage.rank(List.of(wonLater), Fixtures.context()))).isEmpty();
  }

  @Test
  void failingDeals_areReported_othersRanked() {
    Prioritiser failing = Prioritiser.of(new ThrowingScorer(Set.of("B")));
    List<Deal> deals = List.of(Fixtures.deal("A", "new", "10"), Fixtures.deal("B", "new", "10"));

    Ranking ranking = failing.top(5, deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("A");
    assertThat(ranking.failures()).extracting(ScoringFailure::dealId).containsExactly("B");
    assertThat(ranking.notes()).anySatisfy(n -> assertThat(n).startsWith("1 deals could not be scored by 'throws'"));
  }

  @Test
  void mixedCurrencies_areComparedAtFaceValue_andTheRankingSaysSo() {
    Deal euros = Fixtures.PIPELINE.open(NewDeal.of("E").withAmount(Money.parse("900", "EUR")), Fixtures.T0).get().deal();
    List<Deal> deals = List.of(euros, Fixtures.deal("U", "new", "1000"));

    Ranking faceValue = byStage.rank(deals, Fixtures.context());
    Ranking converted = byStage.withValuation(m -> m.amount().doubleValue()
        * (m.currency().getCurrencyCode().equals("EUR") ? 1.2 : 1.0)).rank(deals, Fixtures.context());

    assertThat(ids(faceValue)).containsExactly("U", "E");
    assertThat(faceValue.notes()).anySatisfy(n -> assertThat(n).startsWith("amounts in EUR, USD are compared at face value"));
    assertThat(ids(converted)).containsExactly("E", "U");
    assertThat(converted.notes()).isEmpty();
  }

  @Test
  void urgency_raisesDealsClosingSoon() {
    Deal later = Fixtures.PIPELINE.setExpectedClose(Fixtures.deal("later", "new", "1100"), LocalDate.of(2025, 9, 1),
        Fixtures.T1).get().deal();
    Deal soon = Fixtures.PIPELINE.setExpectedClose(Fixtures.deal("soon", "new", "1000"), LocalDate.of(2025, 3, 5),
        Fixtures.T1).get().deal();
    List<Deal> deals = List.of(later, soon);

    assertThat(ids(byStage.rank(deals, Fixtures.context()))).containsExactly("later", "soon");
    Ranking urgent = byStage.withUrgency(Urgency.of(1.0, 30, 0)).rank(deals, Fixtures.context());
    assertThat(ids(urgent)).containsExactly("soon", "later");
    assertThat(urgent.deals().get(0).urgency()).isEqualTo(1 + (1 - 4.0 / 30));
  }

  @Test
  void pluginScorer_isPickedUpByIdWithoutCode() {
    Prioritiser plugin = Prioritiser.of(ScorerRegistry.discover().require("test-fixed"));

    Ranking ranking = plugin.rank(List.of(Fixtures.deal("A", "new", "100")), Fixtures.context());

    assertThat(ranking.deals().get(0).probability()).isEqualTo(0.42);
  }

  @Test
  void learningScorer_isTrainedOnTheContext() {
    DealGenerator generator = DealGenerator.standard(3);
    List<Deal> deals = generator.deals(300);
    ScoringContext context = ScoringContext.of(generator.pipeline(), java.time.Instant.parse("2026-01-01T00:00:00Z"))
        .withHistory(deals);

    Ranking ranking = Prioritiser.of(NaiveBayesScorer.of("source", "segment", "product")).top(10, deals, context);

    assertThat(ranking.failures()).isEmpty();
    assertThat(ranking.deals()).hasSize(10);
  }

  @Test
  void trainedScorer_isUsedAsItIs_evenWithoutHistory() {
    DealGenerator generator = DealGenerator.standard(5);
    List<Deal> deals = generator.deals(200);
    ScoringContext withHistory = ScoringContext.of(generator.pipeline(), java.time.Instant.parse("2026-01-01T00:00:00Z"))
        .withHistory(deals);
    Scorer trained = NaiveBayesScorer.of("source", "segment").trainedOn(withHistory);

    Ranking ranking = Prioritiser.of(trained).top(5, deals, withHistory.withHistory(List.of()));

    assertThat(ranking.failures()).isEmpty();
    assertThat(ranking.deals()).hasSize(5);
  }

  @Test
  void top_kBelowOne_isRefused() {
    assertThatThrownBy(() -> byStage.top(0, List.of(), Fixtures.context()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 1 but was 0");
  }

  @Test
  void toString_isATable() {
    String table = byStage.rank(List.of(Fixtures.deal("A", "new", "100")), Fixtures.context()).toString();

    assertThat(table).contains("rank").contains("10.00 USD");
  }

  private static List<String> ids(Ranking ranking) {
    return ranking.deals().stream().map(r -> r.deal().id()).toList();
  }

  @Test
  void copies_areValues_equalWhenConfiguredAlike() {
    Urgency urgency = Urgency.of(0.5, 30, 0.25);
    java.util.function.ToDoubleFunction<org.salespipeline.core.Money> faceValue = m -> m.amount().doubleValue();

    assertThat(byStage.withUrgency(urgency)).isEqualTo(Prioritiser.of(StageProbabilityScorer.of()).withUrgency(urgency))
        .isNotEqualTo(byStage);
    assertThat(byStage.withUrgency(urgency).withUrgency(Urgency.NONE)).isEqualTo(byStage).hasSameHashCodeAs(byStage);
    assertThat(byStage.withValuation(faceValue)).isEqualTo(byStage.withValuation(faceValue)).isNotEqualTo(byStage);
  }

  /** A scorer that cannot score deal NS, returns 1.5 for BAD, throws for THROW and gives 0.5 to every other. */
  private static final class Picky implements Scorer {
    @Override
    public String id() {
      return "picky";
    }

    @Override
    public Score score(Deal deal, ScoringContext context) {
      return switch (deal.id()) {
        case "NS" -> throw new NotScorableException("no NS");
        case "THROW" -> throw new IllegalStateException("boom");
        case "BAD" -> Score.of(1.0); // the prioritiser reads probability(deal, context): 1.5
        default -> Score.of(0.5);
      };
    }

    @Override
    public double probability(Deal deal, ScoringContext context) {
      return "BAD".equals(deal.id()) ? 1.5 : score(deal, context).probability();
    }
  }

  @Test
  void accumulator_chainsEveryAdd_whateverBecomesOfTheDeal() {
    Pipeline other = Pipeline.builder("other", "Other").openStage(org.salespipeline.core.Stage.open("a", "A"))
        .wonStage(org.salespipeline.core.Stage.won("won", "Won")).lostStage(org.salespipeline.core.Stage.lost("lost", "Lost"))
        .build();
    Deal elsewhere = other.open(NewDeal.of("ELSEWHERE"), Fixtures.T0).get().deal();
    Deal later = Fixtures.PIPELINE.open(NewDeal.of("LATER"), Fixtures.AS_OF.plusSeconds(1)).get().deal();

    Ranking ranking = Prioritiser.of(new Picky()).accumulator(1, Fixtures.context())
        .add(elsewhere).add(later).add(Fixtures.won(Fixtures.deal("CLOSED", "new")))
        .add(Fixtures.deal("NS", "new")).add(Fixtures.deal("BAD", "new")).add(Fixtures.deal("THROW", "new"))
        .add(Fixtures.deal("OK-2", "new", "10")).add(Fixtures.deal("OK-1", "new", "20"))
        .ranking();

    assertThat(ids(ranking)).containsExactly("OK-1");
    assertThat(ranking.considered()).isEqualTo(5);
    assertThat(ranking.failures()).extracting(ScoringFailure::code)
        .containsExactly("NOT_SCORABLE", "INVALID_PROBABILITY", "SCORER_THREW");
    assertThat(ranking.notes()).containsExactly(
        "3 deals could not be scored by 'picky' and are not ranked (see failures)",
        "1 deals of other pipelines were left out");
  }

  @Test
  void accumulator_ofALearnerThatFailsToLearn_failsEveryDeal_withTheKindOfItsFailure() {
    Deal a = Fixtures.deal("A", "new");
    Deal b = Fixtures.deal("B", "new");

    Ranking notScorable = Prioritiser.of(
        Learner.failing("failing-learner", new NotScorableException("nothing to learn")))
        .accumulator(3, Fixtures.context()).add(a).add(b).ranking();
    Ranking threw = Prioritiser.of(Learner.failing("failing-learner", new IllegalStateException("broken")))
        .accumulator(3, Fixtures.context()).add(a).add(b).ranking();

    assertThat(notScorable.failures()).extracting(ScoringFailure::code).containsExactly("NOT_SCORABLE", "NOT_SCORABLE");
    assertThat(notScorable.failures().get(0).message()).contains("nothing to learn");
    assertThat(threw.failures()).extracting(ScoringFailure::code).containsExactly("SCORER_THREW", "SCORER_THREW");
    assertThat(SafeScoring.scoreAll(
        Learner.failing("failing-learner", new NotScorableException("nothing to learn")), List.of(a),
        Fixtures.context()).failures()).extracting(ScoringFailure::code).containsExactly("NOT_SCORABLE");
    assertThat(SafeScoring.scoreAll(Learner.failing("failing-learner", new IllegalStateException("broken")), List.of(a),
        Fixtures.context()).failures()).extracting(ScoringFailure::code).containsExactly("SCORER_THREW");
  }

  @Test
  void accumulator_kBelowOne_isRefused_oneIsEnough() {
    assertThatThrownBy(() -> byStage.accumulator(0, Fixtures.context()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 1 but was 0");
    assertThat(ids(byStage.accumulator(1, Fixtures.context()).add(Fixtures.deal("A", "new", "1")).ranking()))
        .containsExactly("A");
  }

  @Test
  void negativeZeroProbability_isZero_tiedWithZero_andBrokenById() {
    Scorer zeros = new FixedByDeal(java.util.Map.of("A", -0.0, "B", 0.0));
    List<Deal> deals = List.of(Fixtures.deal("B", "new", "100"), Fixtures.deal("A", "new", "100"));

    Ranking ranking = Prioritiser.of(zeros).rank(deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("A", "B");
    assertThat(ranking.deals()).allSatisfy(r -> assertThat(r.probability()).isEqualTo(0.0));
    assertThat(ranking.notes()).as("one currency: nothing to say").isEmpty();
  }

  /** Gives each deal the probability listed for its id. */
  private record FixedByDeal(java.util.Map<String, Double> byId) implements Scorer {
    @Override
    public String id() {
      return "fixed-by-deal";
    }

    @Override
    public Score score(Deal deal, ScoringContext context) {
      return Score.of(Math.abs(byId.get(deal.id())));
    }

    @Override
    public double probability(Deal deal, ScoringContext context) {
      return byId.get(deal.id());
    }
  }

  @Test
  void top_dealsWithTheSameIdAndPriority_keepsTheFirstGiven_asTheFullRankingDoes() {
    List<Deal> deals = List.of(
        Fixtures.PIPELINE.open(NewDeal.of("DUP").withTitle("first").withAmount(Money.parse("5", "USD")), Fixtures.T0)
            .get().deal(),
        Fixtures.PIPELINE.open(NewDeal.of("DUP").withTitle("second").withAmount(Money.parse("5", "USD")), Fixtures.T0)
            .get().deal());

    assertThat(byStage.rank(deals, Fixtures.context()).deals().get(0).deal().title()).isEqualTo("first");
    assertThat(byStage.top(1, deals, Fixtures.context()).deals()).singleElement()
        .satisfies(r -> assertThat(r.deal().title()).isEqualTo("first"));
  }

  @Test
  void rank_amountsBeyondTheDoubleRange_areRankedByExactExpectedValue_urgencyIncluded() {
    String huge = "1" + "0".repeat(400);
    // same amount and probability; b closes today: urgency 1 + 0.5 x 1
    Deal calm = Fixtures.deal("a-calm", "new", huge);
    Deal soon = Fixtures.PIPELINE.open(NewDeal.of("b-soon").withStage("new").withAmount(Money.parse(huge, "USD"))
        .withExpectedClose(LocalDate.of(2025, 3, 1)), Fixtures.T0).get().deal();
    // same multiplier: 5E+400 at 10 % (5E+399) before 1E+400 at 40 % (4E+399)
    Deal bigEarly = Fixtures.deal("a-5e400-at-10", "new", "5" + "0".repeat(400));
    Deal smallLate = Fixtures.deal("b-1e400-at-40", "qualified", huge);

    assertThat(ids(byStage.withUrgency(Urgency.of(0.5, 30, 0)).rank(List.of(calm, soon), Fixtures.context())))
        .containsExactly("b-soon", "a-calm");
    assertThat(ids(byStage.rank(List.of(smallLate, bigEarly), Fixtures.context())))
        .containsExactly("a-5e400-at-10", "b-1e400-at-40");
  }

  @Test
  void rank_anAmountBelowTheDoubles_isStillMoreThanNothing() {
    String tiny = "0." + "0".repeat(399) + "1"; // 1E-400: 0.0 as a double
    List<Deal> deals = List.of(Fixtures.deal("a-zero", "new", "0"), Fixtures.deal("b-tiny", "new", tiny));

    assertThat(ids(byStage.rank(deals, Fixtures.context()))).containsExactly("b-tiny", "a-zero");
  }

  @Test
  void valuation_ranksByTheValuedAmount() {
    List<Deal> deals = List.of(Fixtures.deal("a-small", "new", "100"), Fixtures.deal("b-big", "new", "1000"),
        Fixtures.deal("c-nothing", "new", "1"));
    Prioritiser valued = byStage.withValuation(m -> m.amount().compareTo(BigDecimal.ONE) == 0 ? 0 : m.amount().doubleValue() * 2);

    Ranking ranking = valued.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).containsExactly("b-big", "a-small", "c-nothing");
    assertThat(ranking.deals()).extracting(RankedDeal::priority).containsExactly(200.0, 20.0, 0.0);
  }

  @Test
  void rank_anExactTieWhoseDoublesDifferByMoreThanAnUlp_isATie_brokenByProbability() {
    // 3,000,000,000 x 0.7 and 21,000,000,000 x 0.1 are both 2,100,000,000 exactly; as doubles the
    // first is 2099999999.9999998: within the relative tolerance, so the exact values decide
    List<Deal> deals = List.of(Fixtures.deal("a-21e9-at-10", "new", "21000000000"),
        Fixtures.deal("b-3e9-at-70", "proposition", "3000000000"));

    assertThat(ids(byStage.rank(deals, Fixtures.context()))).containsExactly("b-3e9-at-70", "a-21e9-at-10");
  }
}
