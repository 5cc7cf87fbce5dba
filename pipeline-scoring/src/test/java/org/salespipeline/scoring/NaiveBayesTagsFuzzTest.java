package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Deal;

/**
 * Fuzzes the one text the scoring library parses: a multi-valued attribute (Odoo's tags) split on
 * a separator by {@link NaiveBayesScorer#withMultiValuedFeature}. Any separator and any tag text
 * give a trained model whose every probability is within [0, 1] and explained factor by factor,
 * or a documented error: {@link IllegalArgumentException} for an empty separator,
 * {@link NotScorableException} from a model that learned from no closed deal; never another.
 *
 * <p>An input is the separator on its first line, then one deal per line: {@code W}, {@code L} or
 * any other first character (won, lost, open), then the deal's tags. Every build replays the
 * committed corpus in {@code NaiveBayesTagsFuzzTestInputs/}; {@code ./mvnw -Pfuzz verify}
 * explores from it.
 */
class NaiveBayesTagsFuzzTest {

  @FuzzTest
  void tags_anyText_scoreWithinZeroAndOne(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
    String separator = lines[0];
    if (separator.isEmpty()) {
      assertThatIllegalArgumentException().isThrownBy(() -> NaiveBayesScorer.of("tags")
          .withMultiValuedFeature("tags", separator, 0)).withMessage("separator must not be empty");
      return;
    }
    NaiveBayesScorer scorer = NaiveBayesScorer.of("tags").withMultiValuedFeature("tags", separator, 0);
    List<Deal> deals = new ArrayList<>();
    for (int i = 1; i < lines.length && i <= 40; i++) {
      String line = lines[i];
      Deal deal = Fixtures.attribute(Fixtures.deal("D" + i, "new"), "tags", line.isEmpty() ? "" : line.substring(1));
      deals.add(line.startsWith("W") ? Fixtures.won(deal) : line.startsWith("L") ? Fixtures.lost(deal) : deal);
    }
    ScoringContext context = Fixtures.context().withHistory(deals);

    Scorer trained = scorer.trainedOn(context);

    boolean learned = deals.stream().anyMatch(deal -> !deal.isOpen());
    for (Deal deal : deals) {
      if (!learned) { // documented: a model of no closed deal has no prior to score with
        assertThatThrownBy(() -> trained.score(deal, context)).isInstanceOf(NotScorableException.class)
            .hasMessageStartingWith("scorer 'naive-bayes' learned from no closed deal");
        continue;
      }
      Score score = trained.score(deal, context);
      assertThat(score.probability()).isBetween(0.0, 1.0);
      assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-9));
      assertThat(trained.probability(deal, context)).isEqualTo(score.probability());
    }
  }
}
