package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.history.importers.Fixtures.rowsOf;
import static org.salespipeline.history.importers.Fixtures.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubSpotImporterTest {

  private static final ImportOptions STRICT = ImportOptions.defaults();
  private static final ImportOptions SKIP = ImportOptions.defaults().withSkipBadRows(true);
  private static final String HEADER = "Record ID,Deal Stage,Pipeline,Amount,"
      + "\"Date entered \"\"New (Sales)\"\"\",\"Date exited \"\"New (Sales)\"\"\","
      + "\"Date entered \"\"Demo (Sales)\"\"\",\"Date exited \"\"Demo (Sales)\"\"\","
      + "\"Date entered \"\"Closed Won (Sales)\"\"\",\"Date entered \"\"Closed Lost (Sales)\"\"\"";

  private static ImportedHistory fixture() throws IOException {
    return HubSpotImporter.defaults().read(Fixtures.open("hubspot-deals.csv"), "hubspot-deals.csv", STRICT);
  }

  private static ImportedHistory read(ImportOptions options, String... lines) throws IOException {
    return HubSpotImporter.defaults().read(text(lines), "deals.csv", options);
  }

  @Test
  void read_export_openStagesFollowTheColumnsOrder() throws IOException {
    ImportedHistory history = fixture();

    assertThat(history.openStages()).containsExactly("Appointment Scheduled", "Qualified To Buy", "Contract Sent");
    assertThat(history.wonStage()).isEqualTo("Closed Won");
    assertThat(history.warnings()).contains("open stages in the export's column order for pipeline Sales Pipeline: "
        + "Appointment Scheduled, Qualified To Buy, Contract Sent");
  }

  @Test
  void read_wonDeal_oneRowPerDateEnteredAndTheAmountAtTheClose() throws IOException {
    List<HistoryRow> rows = rowsOf(fixture(), "15834591201");

    assertThat(rows).extracting(HistoryRow::stage)
        .containsExactly("Appointment Scheduled", "Qualified To Buy", "Contract Sent", "Closed Won");
    assertThat(rows).extracting(HistoryRow::enteredAt).containsExactly(Instant.parse("2024-02-01T09:12:00Z"),
        Instant.parse("2024-02-15T10:00:00Z"), Instant.parse("2024-03-20T16:30:00Z"),
        Instant.parse("2024-04-18T11:05:00Z"));
    assertThat(rows.get(0).amount()).isEmpty();
    assertThat(rows.get(0).owner()).contains("Ana Ruiz");
    assertThat(rows.get(0).attributes()).containsEntry("Deal Name", "Acme renewal")
        .containsEntry("Deal Type", "existingbusiness").doesNotContainKey("Cumulative time in \"Appointment Scheduled "
            + "(Sales Pipeline)\"");
    assertThat(rows.get(3).amount()).contains(new BigDecimal("24000"));
    assertThat(rows.get(3).expectedClose()).isEmpty();
  }

  @Test
  void read_openDeal_amountAndCloseDateAtTheFirstEntryWithAWarning() throws IOException {
    ImportedHistory history = fixture();
    List<HistoryRow> rows = rowsOf(history, "15834591203");

    assertThat(rows.get(0).amount()).contains(new BigDecimal("12500"));
    assertThat(rows.get(0).expectedClose()).contains(LocalDate.parse("2024-06-30"));
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith("2 open deals' amount or close date is "
        + "placed at their first stage entry"));
  }

  @Test
  void read_otherPipelineDeal_isSetAsideAndTheCountsAddUp() throws IOException {
    ImportedHistory history = fixture();

    assertThat(history.setAside()).containsEntry("deals of other pipelines than Sales Pipeline", List.of("15834591204"));
    assertThat(history.summary()).isEqualTo(new ImportSummary(5, 4, 0, 1, 4, 0, 9));
    assertThat(rowsOf(history, "15834591205").get(0).attributes()).containsEntry("Deal Name", "Hooli, \"big\" deal");
  }

  @Test
  void read_accountTimeZone_appliesToLocalDateTimes() throws IOException {
    ImportedHistory history = HubSpotImporter.defaults().read(Fixtures.open("hubspot-deals.csv"), "hubspot-deals.csv",
        ImportOptions.defaults().withZone(ZoneId.of("America/New_York")));

    assertThat(rowsOf(history, "15834591205").get(0).enteredAt()).isEqualTo(Instant.parse("2024-04-01T13:00:00Z"));
  }

  @Test
  void read_dealStageNotTheLatestEntry_isBad() throws IOException {
    ImportedHistory history = read(SKIP, HEADER, "1,Demo,Sales,,2024-01-01,2024-01-05,2024-01-05,2024-02-01,2024-02-01,");

    assertThat(history.rejections()).singleElement().extracting(ImportRejection::reason)
        .isEqualTo("Deal Stage is Demo but the latest Date entered is for Closed Won (2024-02-01T00:00:00Z)");
  }

  @Test
  void read_revisitedCurrentStage_mayHaveBeenExitedBeforeItsLatestEntry() throws IOException {
    ImportedHistory history = read(STRICT, HEADER,
        "1,New,Sales,,2024-03-01,2024-01-05,2024-01-05,2024-03-01,,");

    assertThat(history.rows()).extracting(HistoryRow::stage).containsExactly("Demo", "New");
  }

  @Test
  void read_exitBeforeEntryOfAnotherStage_isBad() {
    assertThatThrownBy(() -> read(STRICT, HEADER, "1,Demo,Sales,,2024-01-10,2024-01-05,2024-01-12,,,"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("Date exited \"New (Sales)\" 2024-01-05 is before Date entered \"New (Sales)\" 2024-01-10");
  }

  @Test
  void read_noDateEntered_isSetAsideNeverGuessed() throws IOException {
    ImportedHistory history = read(STRICT, HEADER, "1,New,Sales,100,,,,,,", "2,New,Sales,,2024-01-01,,,,,");

    assertThat(history.setAside()).containsEntry("deals without any Date entered (not imported: a date is never "
        + "guessed)", List.of("1"));
    assertThat(history.summary()).isEqualTo(new ImportSummary(2, 1, 0, 1, 1, 0, 1));
  }

  @Test
  void read_dealCreatedClosed_isBad() {
    assertThatThrownBy(() -> read(STRICT, HEADER, "1,Closed Won,Sales,100,,,,,2024-01-01,"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("the earliest Date entered is for the closed stage Closed Won");
  }

  @Test
  void read_severalPipelines_needsOneNamed() throws IOException {
    String header = "Record ID,Pipeline,Date entered \"A (P1)\",Date entered \"B (P2)\",Date entered \"Closed Won (P2)\"";
    assertThatThrownBy(() -> read(STRICT, header, "1,P1,2024-01-01,,"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("several pipelines (P1, P2): name the one to import");

    ImportedHistory history = HubSpotImporter.defaults().withPipeline("P2")
        .read(text(header, "1,P1,2024-01-01,,", "2,P2,,2024-01-01,2024-02-01"), "deals.csv", STRICT);
    assertThat(history.rows()).extracting(HistoryRow::stage).containsExactly("B", "Closed Won");
  }

  @Test
  void read_givenStageOrder_isUsedAndAStageOutsideItRefused() throws IOException {
    ImportedHistory history = HubSpotImporter.defaults().withOpenStages(List.of("Demo", "New"))
        .read(text(HEADER), "deals.csv", STRICT);
    assertThat(history.openStages()).containsExactly("Demo", "New");

    assertThatThrownBy(() -> HubSpotImporter.defaults().withOpenStages(List.of("New")).read(text(HEADER), "deals.csv",
        STRICT))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("names a stage that is not among the stages New, Closed Won, Closed Lost");
  }

  @Test
  void read_noDateEnteredColumn_saysToExportTheStageProperties() {
    assertThatThrownBy(() -> read(STRICT, "Record ID,Deal Stage", "1,New"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("export the deals with their stage-calculated properties");
  }
}
