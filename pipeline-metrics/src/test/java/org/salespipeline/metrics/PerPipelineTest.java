package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.metrics.Script.SIMPLE;
import static org.salespipeline.metrics.Script.day;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;

/** SPEC §4's grouping by pipeline: one pass, one whole report per pipeline. */
class PerPipelineTest {

  private static final Pipeline STANDARD = Pipeline.standard();
  private static final MetricsQuery QUERY = MetricsQuery.asOf(day(400));

  @Test
  void perPipeline_equalsEachPipelineCalculatedOnItsOwn_inTheOrderGiven() {
    List<Deal> simple = List.of(
        Script.open("S-1", "a", 0).move("b", 3).win(10).deal(),
        Script.open("S-2", "a", 1).lose(4).deal(),
        Script.open("S-3", "b", 2).deal());
    List<Deal> standard = DealGenerator.standard(3).deals(40);
    List<Deal> mixed = new ArrayList<>();
    for (int i = 0; i < Math.max(simple.size(), standard.size()); i++) {
      if (i < standard.size()) {
        mixed.add(standard.get(i));
      }
      if (i < simple.size()) {
        mixed.add(simple.get(i));
      }
    }
    MetricsQuery query = MetricsQuery.asOf(standard.stream().map(Deal::lastEventAt).max(Comparator.naturalOrder())
        .orElseThrow().plusSeconds(1));

    Map<String, MetricsReport> reports = PipelineMetrics.perPipeline(List.of(STANDARD, SIMPLE), mixed, query);

    assertThat(reports.keySet()).containsExactly("standard", "simple");
    assertThat(reports.get("standard")).isEqualTo(PipelineMetrics.of(STANDARD).calculate(standard, query));
    assertThat(reports.get("simple")).isEqualTo(PipelineMetrics.of(SIMPLE).calculate(simple, query));
    assertThat(reports.get("simple").won()).isEqualTo(1);
    assertThat(reports.get("simple").lost()).isEqualTo(1);
  }

  @Test
  void perPipeline_pipelineWithoutDeals_hasAnEmptyReport() {
    Map<String, MetricsReport> reports = PipelineMetrics.perPipeline(List.of(SIMPLE, STANDARD),
        List.of(Script.open("S-1", "a", 0).deal()), QUERY);

    assertThat(reports.get("standard").deals()).isZero();
    assertThat(reports.get("standard").winRate()).isEmpty();
    assertThat(reports.get("simple").deals()).isEqualTo(1);
  }

  @Test
  void perPipeline_dealOfAnotherPipeline_isRefusedNamingItAndThePipelines() {
    Deal stray = Script.open(STANDARD, NewDeal.of("X-9"), 0).deal();

    assertThatThrownBy(() -> PipelineMetrics.perPipeline(List.of(SIMPLE), List.of(stray), QUERY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deal X-9 belongs to pipeline 'standard', which is not one of [simple]");
  }

  @Test
  void perPipeline_twoPipelinesWithOneId_isRefused() {
    assertThatThrownBy(() -> PipelineMetrics.perPipeline(List.of(SIMPLE, SIMPLE), List.of(), QUERY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pipelines has two pipelines with id 'simple'");
  }

  @Test
  void perPipeline_sameIdInTwoPipelines_isAllowed_repeatedIdInOnePipeline_isRefused() {
    Deal inSimple = Script.open("D-1", "a", 0).deal();
    Deal inStandard = Script.open(STANDARD, NewDeal.of("D-1"), 0).deal();

    assertThat(PipelineMetrics.perPipeline(List.of(SIMPLE, STANDARD), List.of(inSimple, inStandard), QUERY))
        .hasSize(2);
    assertThatThrownBy(() -> PipelineMetrics.perPipeline(List.of(SIMPLE), List.of(inSimple, inSimple), QUERY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("D-1");
  }
}
