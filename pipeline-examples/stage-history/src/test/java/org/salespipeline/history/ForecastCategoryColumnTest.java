package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * The {@code forecast_category} column of the stage-history CSV: a point-in-time forecast category
 * override (SPEC §4.1, §6). The pipeline: Prospecting and Qualification PIPELINE, Proposal
 * BEST_CASE, Closing COMMIT; Won CLOSED, Lost OMITTED (as {@link Pipeline#standard()}).
 */
class ForecastCategoryColumnTest {

  static final Pipeline PIPELINE = Pipeline.builder("history", "Stage history")
      .policy(org.salespipeline.core.TransitionPolicy.defaults().withLostReasonRequired(false))
      .openStage(Stage.open("prospecting", "Prospecting"))
      .openStage(Stage.open("qualification", "Qualification"))
      .openStage(Stage.open("proposal", "Proposal").withForecastCategory(ForecastCategory.BEST_CASE))
      .openStage(Stage.open("closing", "Closing").withForecastCategory(ForecastCategory.COMMIT))
      .wonStage(Stage.won("won", "Won"))
      .lostStage(Stage.lost("lost", "Lost"))
      .build();
  private static final String HEADER = "deal_id,stage,entered_at,amount,forecast_category\n";
  private static final StageHistoryReader STRICT = StageHistoryReader.of(PIPELINE);
  private static final StageHistoryReader SKIPPING =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));

  private static Instant day(int day) {
    return Instant.parse("2025-03-01T00:00:00Z").plusSeconds(86_400L * (day - 1));
  }

  private static Deal read(String rows) throws IOException {
    return STRICT.load(new StringReader(HEADER + rows)).deals().get(0);
  }

  private static List<DealEvent> overrides(Deal deal) {
    return deal.history().stream().filter(e -> e instanceof DealEvent.ForecastCategoryOverridden).toList();
  }

  @Test
  void cell_setsTheOverrideAtItsRowsInstant_neverBefore() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,
        D1,Prospecting,2025-03-10,,Commit
        """);

    assertThat(deal.forecastCategoryOverride()).contains(ForecastCategory.COMMIT);
    assertThat(deal.asOf(day(9)).get().forecastCategoryOverride()).isEmpty();
    assertThat(deal.asOf(day(10)).get().forecastCategoryOverride()).contains(ForecastCategory.COMMIT);
    assertThat(overrides(deal)).containsExactly(
        new DealEvent.ForecastCategoryOverridden("D1", Option.some(ForecastCategory.COMMIT), day(10)));
  }

  @ParameterizedTest
  @CsvSource({
      "COMMIT, COMMIT", "commit, COMMIT", "Commit, COMMIT", "Forecast, COMMIT",
      "BEST_CASE, BEST_CASE", "Best Case, BEST_CASE", "BestCase, BEST_CASE", "best-case, BEST_CASE",
      "OMITTED, OMITTED", "Omitted, OMITTED"})
  void cell_enumNamesAndSalesforceSpellings_areReadIgnoringCase(String cell, ForecastCategory category)
      throws IOException {
    Deal deal = read("D1,Prospecting,2025-03-01,1000," + cell + "\n");

    assertThat(deal.forecastCategoryOverride()).contains(category);
    assertThat(PIPELINE.forecastCategoryOf(deal)).isEqualTo(category);
  }

  @Test
  void columnMirroringTheStagesCategories_setsNothing() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,Pipeline
        D1,Proposal,2025-03-05,,Best Case
        D1,Closing,2025-03-09,,COMMIT
        D1,Won,2025-03-12,,Closed
        D2,Prospecting,2025-03-01,500,PIPELINE
        D2,Lost,2025-03-04,,Omitted
        """);

    assertThat(overrides(deal)).isEmpty();
    assertThat(deal.isOpen()).isFalse();
  }

  @Test
  void cellNamingTheStagesCategory_clearsTheOverride() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,Commit
        D1,Prospecting,2025-03-05,,Pipeline
        """);

    assertThat(deal.forecastCategoryOverride()).isEmpty();
    assertThat(overrides(deal)).containsExactly(
        new DealEvent.ForecastCategoryOverridden("D1", Option.some(ForecastCategory.COMMIT), day(1)),
        new DealEvent.ForecastCategoryOverridden("D1", Option.none(), day(5)));
  }

  @Test
  void emptyCell_changesNothing_butAStageChangeEndsTheOverrideAsInCore() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,Commit
        D1,Prospecting,2025-03-03,1200,
        D1,Qualification,2025-03-05,,
        """);

    assertThat(deal.asOf(day(3)).get().forecastCategoryOverride()).contains(ForecastCategory.COMMIT);
    assertThat(deal.forecastCategoryOverride()).isEmpty();
    assertThat(PIPELINE.forecastCategoryOf(deal)).isEqualTo(ForecastCategory.PIPELINE);
  }

  @Test
  void cellOnARowThatChangesStage_holdsInTheNewStage() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,Commit
        D1,Qualification,2025-03-05,,Commit
        D1,Proposal,2025-03-08,,Omitted
        """);

    assertThat(deal.asOf(day(5)).get().forecastCategoryOverride()).contains(ForecastCategory.COMMIT);
    assertThat(deal.forecastCategoryOverride()).contains(ForecastCategory.OMITTED);
    // each stage change ends the override, and the row gives it again after its stage change
    List<DealEvent> history = deal.history();
    assertThat(history.get(history.size() - 2)).isInstanceOf(DealEvent.StageChanged.class);
    assertThat(history.get(history.size() - 1))
        .isEqualTo(new DealEvent.ForecastCategoryOverridden("D1", Option.some(ForecastCategory.OMITTED), day(8)));
  }

  @Test
  void reopenedDeal_startsAgainFromItsStagesCategory() throws IOException {
    Deal deal = read("""
        D1,Prospecting,2025-03-01,1000,Commit
        D1,Lost,2025-03-04,,Omitted
        D1,Qualification,2025-03-06,,
        """);

    assertThat(deal.isOpen()).isTrue();
    assertThat(deal.forecastCategoryOverride()).isEmpty();
  }

  @Test
  void badValues_strictly_stopWithTheLineAndAReasonNamingTheColumn() {
    assertThatThrownBy(() -> read("D1,Prospecting,2025-03-01,1000,Maybe\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessageContaining("line 2").hasMessageContaining("D1")
        .hasMessageContaining("bad forecast_category: 'Maybe' is not a forecast category: give Pipeline, Best Case,"
            + " Commit or Omitted");
    assertThatThrownBy(() -> read("D1,Prospecting,2025-03-01,1000,MostLikely\n"))
        .hasMessageContaining("'MostLikely' is Salesforce's Most Likely, which this forecast does not have");
    assertThatThrownBy(() -> read("D1,Prospecting,2025-03-01,1000,Closed\n"))
        .hasMessageContaining("'Closed' is the category of a won deal only, and the row's stage is open");
    assertThatThrownBy(() -> read("D1,Prospecting,2025-03-01,1000,\nD1,Won,2025-03-02,,Commit\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("'Commit' on a row in the won stage: a won deal's forecast category is Closed");
    assertThatThrownBy(() -> read("D1,Prospecting,2025-03-01,1000,\nD1,Lost,2025-03-02,,Pipeline\n"))
        .hasMessageContaining("'Pipeline' on a row in the lost stage: a lost deal's forecast category is Omitted");
  }

  @Test
  void badValue_skippingBadRows_rejectsTheWholeDeal() throws IOException {
    LoadedHistory history = SKIPPING.load(new StringReader(HEADER + """
        D1,Prospecting,2025-03-01,1000,Commit
        D1,Proposal,2025-03-02,,Sure thing
        D2,Prospecting,2025-03-01,700,
        """));

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
    assertThat(history.rejections()).extracting(RowRejection::line).containsExactlyInAnyOrder(2L, 3L);
    assertThat(history.rejections()).anySatisfy(r -> assertThat(r.reason())
        .startsWith("bad forecast_category: 'Sure thing' is not a forecast category"));
    assertThat(history.summary().rejectedDeals()).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------------ writing

  private static String write(StageHistoryWriter writer, List<Deal> deals) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(deals, out);
    return out.toString();
  }

  @Test
  void write_overriddenDeal_writesEachRowsCategory_andReadsBackEqual() throws IOException {
    Deal deal = PIPELINE.open(NewDeal.of("D1").withAmount(org.salespipeline.core.Money.parse("1000", "USD")),
        day(1)).get().deal();
    deal = PIPELINE.overrideForecastCategory(deal, ForecastCategory.COMMIT, day(3)).get().deal();
    deal = PIPELINE.move(deal, "proposal", day(5)).get().deal();
    deal = PIPELINE.overrideForecastCategory(deal, ForecastCategory.OMITTED, day(5)).get().deal();
    deal = PIPELINE.clearForecastCategoryOverride(deal, day(7)).get().deal();
    deal = PIPELINE.win(deal, day(9)).get().deal();

    String csv = write(StageHistoryWriter.of(PIPELINE), List.of(deal));

    assertThat(csv).isEqualTo("deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,"
        + "forecast_category\r\n"
        + "D1,Prospecting,2025-03-01T00:00:00Z,1000.00,USD,,,,PIPELINE\r\n"
        + "D1,Prospecting,2025-03-03T00:00:00Z,1000.00,USD,,,,COMMIT\r\n"
        + "D1,Proposal,2025-03-05T00:00:00Z,1000.00,USD,,,,BEST_CASE\r\n"
        + "D1,Proposal,2025-03-05T00:00:00Z,1000.00,USD,,,,OMITTED\r\n"
        + "D1,Proposal,2025-03-07T00:00:00Z,1000.00,USD,,,,BEST_CASE\r\n"
        + "D1,Won,2025-03-09T00:00:00Z,1000.00,USD,,,,CLOSED\r\n");
    assertThat(STRICT.load(new StringReader(csv)).deals()).containsExactly(deal);
  }

  @Test
  void write_noOverrideAnywhere_hasNoColumn() throws IOException {
    Deal deal = PIPELINE.open(NewDeal.of("D1"), day(1)).get().deal();

    assertThat(write(StageHistoryWriter.of(PIPELINE), List.of(deal)))
        .startsWith("deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close\r\n");
  }

  @Test
  void write_fixedAttributeColumns_writeTheCategoryOnlyWhenAsked_andNeverDropAnOverride() throws IOException {
    Deal plain = PIPELINE.open(NewDeal.of("D1"), day(1)).get().deal();
    Deal overridden = PIPELINE.overrideForecastCategory(plain, ForecastCategory.COMMIT, day(2)).get().deal();
    StageHistoryWriter fixed = StageHistoryWriter.of(PIPELINE).withAttributeColumns(List.of("segment"));

    assertThatIllegalArgumentException().isThrownBy(() -> write(fixed, List.of(overridden)))
        .withMessage("deal D1 has a forecast category set by hand, which would be lost: write the forecast_category"
            + " column (withForecastCategoryColumn(true))");
    String csv = write(fixed.withForecastCategoryColumn(true), List.of(overridden));
    assertThat(csv).startsWith("deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,"
        + "forecast_category,segment\r\n");
    assertThat(STRICT.load(new StringReader(csv)).deals()).containsExactly(overridden);
    assertThat(write(fixed, List.of(plain))).doesNotContain("forecast_category");
  }

  @Test
  void attributeNamedLikeTheColumn_cannotBeWritten() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StageHistoryWriter.of(PIPELINE).withAttributeColumns(List.of("Forecast_Category")))
        .withMessageContaining("clashes with column 'forecast_category'");
  }
}
