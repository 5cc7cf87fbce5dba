package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;

/**
 * The prioritiser's order against a reference written with exact decimals only, over amounts made
 * to tie and to defeat doubles: many equal small amounts, amounts beyond the double range that
 * differ in their last digit, amounts equal as doubles, amounts below the smallest double, and deals
 * without an amount; probabilities that tie and that are not exact in binary.
 */
class PrioritiserProperties {

  private static final Prioritiser BY_STAGE = Prioritiser.of(StageProbabilityScorer.of());

  /** Priced first; exact amount × decimal probability, highest first; then probability; then id. */
  private static final Comparator<Deal> REFERENCE = Comparator
      .comparing((Deal d) -> d.amount().isEmpty())
      .thenComparing(PrioritiserProperties::exactPriority, Comparator.reverseOrder())
      .thenComparing(PrioritiserProperties::probability, Comparator.reverseOrder())
      .thenComparing(Deal::id);

  @Property(tries = 200)
  void rank_ordersAsTheExactExpectedValue_andTopIsItsPrefix(@ForAll("deals") @Size(max = 30) List<Deal> deals,
      @ForAll @IntRange(min = 1, max = 31) int k) {
    List<Deal> expected = new ArrayList<>(deals);
    expected.sort(REFERENCE);
    List<String> expectedIds = expected.stream().map(Deal::id).toList();

    Ranking ranking = BY_STAGE.rank(deals, Fixtures.CONTEXT);

    assertThat(ids(ranking)).isEqualTo(expectedIds);
    assertThat(ids(BY_STAGE.top(k, deals, Fixtures.CONTEXT))).isEqualTo(expectedIds.subList(0, Math.min(k, deals.size())));
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

  @Provide
  Arbitrary<List<Deal>> deals() {
    Arbitrary<Deal> deal = Combinators.combine(Arbitraries.integers().between(0, 999), amount(), probabilityOverride(),
        Arbitraries.of("new", "qualified", "proposition")).as(PrioritiserProperties::deal);
    return deal.list().uniqueElements(Deal::id);
  }

  private static Deal deal(int id, @Nullable Money amount, @Nullable Double override, String stage) {
    NewDeal draft = NewDeal.of(String.format("D%03d", id)).withStage(stage);
    Deal deal = Fixtures.PIPELINE.open(amount == null ? draft : draft.withAmount(amount), Fixtures.T0).get().deal();
    return override == null ? deal : Fixtures.PIPELINE.overrideProbability(deal, override, Fixtures.T1).get().deal();
  }

  private static Arbitrary<@Nullable Money> amount() {
    String huge = "7" + "0".repeat(350);
    return Arbitraries.oneOf(
        Arbitraries.of("0", "1", "3", "21", "250", "1000").map(a -> Money.of(a, "USD")),
        Arbitraries.integers().between(0, 9).map(d -> Money.of(huge + "." + d, "USD")),
        Arbitraries.integers().between(0, 9).map(d -> Money.of("10000000000000000" + d, "USD")),
        Arbitraries.integers().between(1, 9).map(d -> Money.of("0." + "0".repeat(998) + d, "USD")),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2)
            .map(a -> Money.of(a, Money.currency("USD"))))
        .injectNull(0.15);
  }

  private static Arbitrary<@Nullable Double> probabilityOverride() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 0.1, 0.7, 1.0 / 3, 1.0, Double.MIN_VALUE),
        Arbitraries.doubles().between(0, 1)).injectNull(0.5);
  }

  private static List<String> ids(Ranking ranking) {
    return ranking.deals().stream().map(r -> r.deal().id()).toList();
  }
}
