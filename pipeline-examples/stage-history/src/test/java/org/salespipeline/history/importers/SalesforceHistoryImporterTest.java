package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.history.importers.Fixtures.rowsOf;
import static org.salespipeline.history.importers.Fixtures.text;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.ForecastCategory;

class SalesforceHistoryImporterTest {

  private static final ImportOptions STRICT = ImportOptions.defaults();
  private static final ImportOptions SKIP = ImportOptions.defaults().withSkipBadRows(true);
  private static final String HEADER = "OpportunityId,StageName,Amount,CloseDate,CreatedDate,Probability,ForecastCategory";

  private static ImportedHistory fixture(boolean joined) throws IOException {
    Reader history = Fixtures.open("OpportunityHistory.csv");
    Option<Reader> opportunities = joined ? Option.some(Fixtures.open("Opportunity.csv")) : Option.none();
    return SalesforceHistoryImporter.defaults().withLostReasonField("Loss_Reason__c")
        .read(history, "OpportunityHistory.csv", opportunities, "Opportunity.csv", STRICT);
  }

  private static ImportedHistory read(ImportOptions options, String... lines) throws IOException {
    return SalesforceHistoryImporter.defaults().read(text(lines), "OpportunityHistory.csv", Option.none(), "",
        options);
  }

  @Test
  void read_dataLoaderExport_oneRowPerHistoryRecordAtItsCreatedDate() throws IOException {
    List<HistoryRow> rows = rowsOf(fixture(false), "006Dn000004XyZ1IAK");

    assertThat(rows).extracting(HistoryRow::stage)
        .containsExactly("Prospecting", "Qualification", "Qualification", "Closed Won");
    assertThat(rows).extracting(HistoryRow::enteredAt).containsExactly(Instant.parse("2023-01-09T14:02:11Z"),
        Instant.parse("2023-01-23T09:15:40Z"), Instant.parse("2023-02-06T16:40:03Z"),
        Instant.parse("2023-04-20T11:03:27Z"));
  }

  @Test
  void read_amountChange_isKnownFromTheRecordThatMadeIt() throws IOException {
    List<HistoryRow> rows = rowsOf(fixture(false), "006Dn000004XyZ1IAK");

    assertThat(rows).extracting(r -> r.amount().getOrNull()).containsExactly(new BigDecimal("12000.00"),
        new BigDecimal("12000.00"), new BigDecimal("15500.00"), new BigDecimal("15500.00"));
    assertThat(rows.get(2).expectedClose()).contains(LocalDate.parse("2023-04-28"));
    assertThat(rows.get(2).attributes()).containsEntry("Probability", "20").doesNotContainKey("ForecastCategory");
    assertThat(rows.get(2).forecastCategory()).contains(ForecastCategory.PIPELINE);
  }

  @Test
  void read_deletedRecord_isSetAsideAndCounted() throws IOException {
    ImportedHistory history = fixture(false);

    assertThat(rowsOf(history, "006Dn000004XyZ3IAK")).extracting(HistoryRow::stage).containsExactly("Prospecting");
    assertThat(history.setAside()).containsEntry("deleted history records (IsDeleted true)", List.of("line 10"));
    assertThat(history.summary()).isEqualTo(new ImportSummary(9, 8, 0, 1, 3, 0, 8));
  }

  @Test
  void read_joinedWithOpportunity_putsOwnerAndFieldsAtTheFirstRecordAndTheLossReasonOnTheLoss() throws IOException {
    ImportedHistory history = fixture(true);
    List<HistoryRow> lost = rowsOf(history, "006Dn000004XyZ2IAK");

    assertThat(lost.get(0).owner()).contains("005Dn000000Q1wFIAS");
    assertThat(lost.get(0).attributes()).containsEntry("Name", "Globex, Inc. - Renewal")
        .containsEntry("Region__c", "AMER").containsEntry("LeadSource", "Partner Referral")
        .doesNotContainKeys("StageName", "Amount", "CloseDate", "Loss_Reason__c");
    assertThat(lost.get(1).owner()).isEmpty();
    assertThat(lost.get(2).stage()).isEqualTo("Closed Lost");
    assertThat(lost.get(2).lostReason()).contains("Price");
    assertThat(history.warnings()).contains(
        "1 deals have no record in Opportunity.csv: no owner",
        "1 records of Opportunity.csv have no history imported (no history records, or their deal was left out): "
            + "not imported");
  }

  @Test
  void read_apiOffsetWithoutColonAndStandardStagesWithoutOptions_areRead() throws IOException {
    ImportedHistory history = read(STRICT, HEADER,
        "006A,Id. Decision Makers,100.5,2024-05-31,2024-01-02T10:00:00.000+0000,60,BestCase",
        "006A,Closed Lost,,2024-03-01,2024-03-01T10:00:00.000+0100,0,Omitted");

    assertThat(history.rows()).extracting(HistoryRow::enteredAt)
        .containsExactly(Instant.parse("2024-01-02T10:00:00Z"), Instant.parse("2024-03-01T09:00:00Z"));
    assertThat(history.lostStage()).isEqualTo("Closed Lost");
  }

  @Test
  void read_recordsInAnyOrder_areTakenInTimeOrder() throws IOException {
    ImportedHistory history = read(STRICT, HEADER,
        "006A,Closed Won,10,2024-05-31,2024-03-01T10:00:00Z,100,Closed",
        "006A,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline");

    assertThat(history.rows()).extracting(HistoryRow::stage).containsExactly("Prospecting", "Closed Won");
  }

  @Test
  void read_dealStartingClosed_isRefusedWhole() throws IOException {
    ImportedHistory history = read(SKIP, HEADER,
        "006A,Closed Won,10,2024-05-31,2024-03-01T10:00:00Z,100,Closed",
        "006B,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline");

    assertThat(history.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.reason()).contains("is in the closed stage Closed Won, but a stage history starts in an open stage");
    });
    assertThat(history.summary()).isEqualTo(new ImportSummary(2, 1, 1, 0, 1, 1, 1));
  }

  @Test
  void read_unknownStage_namesTheClosestAndIsWarnedWithItsCount() throws IOException {
    ImportedHistory history = read(SKIP, HEADER,
        "006A,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline",
        "006A,Won,10,2024-05-31,2024-02-01T10:00:00Z,100,Closed",
        "006B,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline");

    assertThat(history.rejections()).extracting(ImportRejection::reason).containsExactly(
        "left out with its deal: OpportunityHistory.csv:3 is bad (unknown stage 'Won' (closest: Closed Won): the "
            + "stages are Prospecting, Qualification, Needs Analysis, Value Proposition, Id. Decision Makers, "
            + "Perception Analysis, Proposal/Price Quote, Negotiation/Review, Closed Won, Closed Lost)",
        "unknown stage 'Won' (closest: Closed Won): the stages are Prospecting, Qualification, Needs Analysis, "
            + "Value Proposition, Id. Decision Makers, Perception Analysis, Proposal/Price Quote, Negotiation/Review,"
            + " Closed Won, Closed Lost");
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith("unknown stages (records): Won (1)"));
  }

  @Test
  void read_strictBadCreatedDate_stops() {
    assertThatThrownBy(() -> read(STRICT, HEADER, "006A,Prospecting,10,2024-05-31,yesterday,10,Pipeline"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("OpportunityHistory.csv:2 (deal 006A): bad CreatedDate: 'yesterday' is not a date");
  }

  @Test
  void read_strictRepeatedOpportunityId_stopsNamingTheJoinedFile() {
    assertThatThrownBy(() -> SalesforceHistoryImporter.defaults().read(text(HEADER),
        "OpportunityHistory.csv", Option.some(text("Id,OwnerId", "006A,005X", "006A,005Y")), "Opportunity.csv",
        STRICT))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("Opportunity.csv:3 (deal 006A): Id 006A appears again (first on line 2)");
  }

  /**
   * The record's {@code ForecastCategory} is the deal's forecast category from the record on
   * (Salesforce's values: Pipeline, BestCase, Forecast = Commit, Omitted, Closed). The history's
   * open stages are all in the Pipeline category, so BestCase and Forecast are overrides: as of
   * 2024-02-01 the deal is Best Case, from 2024-03-01 (a stage change, which ends the override,
   * then Forecast again) Commit, and its Closed Won record only repeats its outcome.
   */
  @Test
  void read_forecastCategory_isTheDealsCategoryFromItsRecordOn() throws IOException {
    ImportedHistory history = read(STRICT, HEADER,
        "006A,Prospecting,100,2024-05-31,2024-01-02T10:00:00Z,10,Pipeline",
        "006A,Prospecting,100,2024-05-31,2024-02-01T10:00:00Z,10,BestCase",
        "006A,Qualification,100,2024-05-31,2024-03-01T10:00:00Z,20,Forecast",
        "006A,Closed Won,100,2024-05-31,2024-04-01T10:00:00Z,100,Closed");

    assertThat(history.rows()).extracting(r -> r.forecastCategory().getOrNull()).containsExactly(
        ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT, null);
    assertThat(history.rows()).allSatisfy(r -> assertThat(r.attributes()).doesNotContainKey("ForecastCategory"));
    org.salespipeline.core.Deal deal = history.load().deals().get(0);
    assertThat(deal.asOf(Instant.parse("2024-01-31T00:00:00Z")).get().forecastCategoryOverride()).isEmpty();
    assertThat(deal.asOf(Instant.parse("2024-02-01T10:00:00Z")).get().forecastCategoryOverride())
        .contains(ForecastCategory.BEST_CASE);
    assertThat(deal.asOf(Instant.parse("2024-03-01T10:00:00Z")).get().forecastCategoryOverride())
        .contains(ForecastCategory.COMMIT);
    assertThat(deal.isOpen()).isFalse();
  }

  @Test
  void read_badForecastCategory_isABadRecordNamingTheColumn() throws IOException {
    assertThatThrownBy(() -> read(STRICT, HEADER, "006A,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,MostLikely"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("OpportunityHistory.csv:2 (deal 006A): bad ForecastCategory: 'MostLikely' is "
            + "Salesforce's Most Likely, which this forecast does not have");
    ImportedHistory skipped = read(SKIP, HEADER,
        "006A,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline",
        "006A,Closed Lost,10,2024-05-31,2024-02-01T10:00:00Z,0,Commit",
        "006B,Prospecting,10,2024-05-31,2024-01-01T10:00:00Z,10,Pipeline");
    assertThat(skipped.rows()).extracting(HistoryRow::dealId).containsExactly("006B");
    assertThat(skipped.rejections()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("bad ForecastCategory: "
        + "'Commit' on a row in the lost stage: a lost deal's forecast category is Omitted, its outcome"));
  }

  @Test
  void read_ownStagesAndColumn_areUsed() throws IOException {
    ImportedHistory history = SalesforceHistoryImporter.defaults()
        .withStages(List.of("Discover", "Demo"), "Won", "Lost")
        .withColumn(SalesforceHistoryImporter.Field.STAGE_NAME, "Stage")
        .read(text("OpportunityId,Stage,CreatedDate", "006A,Discover,2024-01-01", "006A,Won,2024-02-01"),
            "h.csv", Option.none(), "", STRICT);

    assertThat(history.rows()).extracting(HistoryRow::stage).containsExactly("Discover", "Won");
    assertThat(history.openStages()).containsExactly("Discover", "Demo");
  }
}
