package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;

/**
 * The prioritiser's order against a reference written with exact decimals only, over amounts made
 * to tie and to defeat doubles: many equal small amounts, amounts beyond the double range that
 * differ in their last digit, amounts equal as doubles, amounts below the smallest double, and deals
 * without an amount; probabilities that tie and that are not exact in binary. The deal sets reach
 * the empty set, a single deal and 30 deals; k reaches 1 and more than the deals.
 */
class PrioritiserProperties {

  private static final Prioritiser BY_STAGE = Prioritiser.of(StageProbabilityScorer.of());

  /** Priced first; exact amount × decimal probability, highest first; then probability; then id. */
  private static final Comparator<Deal> REFERENCE = Comparator
      .comparing((Deal d) -> d.amount().isEmpty())
      .thenComparing(PrioritiserProperties::exactPriority, Comparator.reverseOrder())
      .thenComparing(PrioritiserProperties::probability, Comparator.reverseOrder())
      .thenComparing(Deal::id);

  @Test
  void rank_ordersAsTheExactExpectedValue_andTopIsItsPrefix() {
    qt(0x5C0_0003L, 200).forAll(deals(), withEdges(integers().between(1, 31), 15, 1, 31))
        .checkAssert(PrioritiserProperties::rank);
  }

  private static void rank(List<Deal> deals, int k) {
    List<Deal> expected = new ArrayList<>(deals);
    expected.sort(REFERENCE);
    List<String> expectedIds = expected.stream().map(Deal::id).toList();

    Ranking ranking = BY_STAGE.rank(deals, Fixtures.context());

    assertThat(ids(ranking)).isEqualTo(expectedIds);
    assertThat(ids(BY_STAGE.top(k, deals, Fixtures.context()))).isEqualTo(expectedIds.subList(0, Math.min(k, deals.size())));
    for (int i = 1; i < ranking.deals().size(); i++) {
      RankedDeal before = ranking.deals().get(i - 1);
      RankedDeal after = ranking.deals().get(i);
      assertThat(after.priority()).isFinite();
      if (before.isPriced() == after.isPriced()) {
        assertThat(before.priority()).as("priorities never increase down the ranking").isGreaterThanOrEqualTo(after.priority());
      }
    }
  }

  private static BigDecimal exactPriority(Deal deal) {
    BigDecimal p = BigDecimal.valueOf(probability(deal));
    return deal.amount().map(m -> m.amount().multiply(p)).getOrElse(p);
  }

  private static double probability(Deal deal) {
    return deal.probabilityOverride().getOrElse(() -> Fixtures.PIPELINE.stage(deal.stageId()).get().probability());
  }

  /** Up to 30 deals with distinct ids (0, 1 and 30 drawn often). */
  static Gen<List<Deal>> deals() {
    Gen<Deal> deal = amount().zip(probabilityOverride(), Generate.pick(List.of("new", "qualified", "proposition")),
        integers().between(0, 999), (amount, override, stage, id) -> deal(id, amount, override, stage));
    return lists().of(deal).ofSizes(withEdges(integers().between(0, 30), 15, 0, 1, 30)).map(list -> {
      Map<String, Deal> unique = new LinkedHashMap<>();
      list.forEach(d -> unique.putIfAbsent(d.id(), d));
      return List.copyOf(unique.values());
    });
  }

  private static Deal deal(int id, @Nullable Money amount, @Nullable Double override, String stage) {
    NewDeal draft = NewDeal.of(String.format("D%03d", id)).withStage(stage);
    Deal deal = Fixtures.PIPELINE.open(amount == null ? draft : draft.withAmount(amount), Fixtures.T0).get().deal();
    return override == null ? deal : Fixtures.PIPELINE.overrideProbability(deal, override, Fixtures.T1).get().deal();
  }

  private static Gen<@Nullable Money> amount() {
    String huge = "7" + "0".repeat(350);
    Gen<Money> priced = Generate.oneOf(
        Generate.pick(List.of("0", "1", "3", "21", "250", "1000")).map(a -> Money.parse(a, "USD")),
        integers().between(0, 9).map(d -> Money.parse(huge + "." + d, "USD")),
        integers().between(0, 9).map(d -> Money.parse("10000000000000000" + d, "USD")),
        integers().between(1, 9).map(d -> Money.parse("0." + "0".repeat(998) + d, "USD")),
        integers().between(0, 100_000_000).map(cents -> Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("USD"))));
    return integers().between(0, 99).zip(priced, (p, m) -> p < 15 ? null : m);
  }

  private static Gen<@Nullable Double> probabilityOverride() {
    Gen<Double> override = Generate.oneOf(Generate.pick(List.of(0.0, 0.1, 0.7, 1.0 / 3, 1.0, Double.MIN_VALUE)),
        doubles().between(0, 1));
    return integers().between(0, 99).zip(override, (p, o) -> p < 50 ? null : o);
  }

  private static List<String> ids(Ranking ranking) {
    return ranking.deals().stream().map(r -> r.deal().id()).toList();
  }
}
