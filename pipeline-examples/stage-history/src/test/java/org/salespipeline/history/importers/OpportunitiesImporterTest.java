package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.history.importers.Fixtures.rowsOf;
import static org.salespipeline.history.importers.Fixtures.text;

import io.vavr.control.Option;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.ReadOptions;

class OpportunitiesImporterTest {

  private static final String HEADER =
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";
  private static final ImportOptions STRICT = ImportOptions.defaults();
  private static final ImportOptions SKIP = ImportOptions.defaults().withSkipBadRows(true);

  private static ImportedHistory maven() throws IOException {
    return OpportunitiesImporter.defaults().read(Fixtures.open("sales_pipeline.csv"), "sales_pipeline.csv", STRICT);
  }

  private static ImportedHistory read(ImportOptions options, String... lines) throws IOException {
    return OpportunitiesImporter.defaults().read(text(lines), "export.csv", options);
  }

  @Test
  void read_mavenShape_countsAddUpAndProspectingRowsWithoutDatesAreSetAside() throws IOException {
    ImportedHistory history = maven();

    assertThat(history.summary()).isEqualTo(new ImportSummary(9, 7, 0, 2, 7, 0, 12));
    assertThat(history.setAside().values()).containsExactly(List.of("U2E6F4G9", "Y5T2U8V7"));
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w)
        .startsWith("2 opportunities without engage_date (not imported: a created date is never guessed)")
        .contains("U2E6F4G9"));
    assertThat(history.openStages()).containsExactly("Prospecting", "Engaging");
  }

  @Test
  void read_wonDeal_opensInEngagingAtEngageDateAndItsCloseValueIsKnownOnlyAtClose() throws IOException {
    List<HistoryRow> rows = rowsOf(maven(), "Q7K2M9P1");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).stage()).isEqualTo("Engaging");
    assertThat(rows.get(0).enteredAt()).isEqualTo(Instant.parse("2016-10-20T00:00:00Z"));
    assertThat(rows.get(0).amount()).isEmpty();
    assertThat(rows.get(0).owner()).contains("Hal Verne");
    assertThat(rows.get(0).attributes()).containsExactly(Map.entry("product", "Widget Basic"),
        Map.entry("account", "Northwind"));
    assertThat(rows.get(1).stage()).isEqualTo("Won");
    assertThat(rows.get(1).enteredAt()).isEqualTo(Instant.parse("2017-03-01T00:00:00Z"));
    assertThat(rows.get(1).amount()).contains(new BigDecimal("1054"));
  }

  @Test
  void read_lostDealWithZeroCloseValue_hasNoAmountAndIsWarned() throws IOException {
    ImportedHistory history = maven();

    assertThat(rowsOf(history, "S1V5Y3Z8")).allSatisfy(r -> assertThat(r.amount()).isEmpty());
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith("2 lost deals have close_value 0, read as"
        + " unknown"));
  }

  @Test
  void read_zeroLostAmountKept_keepsTheZeroAtTheLoss() throws IOException {
    ImportedHistory history = OpportunitiesImporter.defaults().withZeroLostAmountUnknown(false)
        .read(Fixtures.open("sales_pipeline.csv"), "sales_pipeline.csv", STRICT);

    assertThat(rowsOf(history, "S1V5Y3Z8").get(1).amount()).contains(BigDecimal.ZERO);
  }

  @Test
  void read_emptyAccount_isNoAttribute() throws IOException {
    assertThat(rowsOf(maven(), "W3L7N2P8").get(0).attributes()).containsOnlyKeys("product");
  }

  @Test
  void read_openDealWithAmount_placesItAtCreationAndWarns() throws IOException {
    ImportedHistory history = read(STRICT, HEADER, "A1,ana,p,acc,Engaging,2024-01-10,,900");

    assertThat(history.rows()).singleElement().satisfies(r -> {
      assertThat(r.stage()).isEqualTo("Engaging");
      assertThat(r.amount()).contains(new BigDecimal("900"));
    });
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 open deals' close_value is placed at "
        + "their engage_date"));
  }

  @Test
  void read_openDealInAnotherStageThanOpenedIn_isPlacedThereFromCreationAndWarned() throws IOException {
    ImportedHistory history = read(STRICT, HEADER, "A1,ana,p,acc,Prospecting,2024-01-10,,");

    assertThat(history.rows()).singleElement().extracting(HistoryRow::stage).isEqualTo("Prospecting");
    assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 open deals are placed in their current"
        + " stage"));
  }

  @Test
  void read_strictBadDate_stopsNamingFileLineRecordAndReason() {
    assertThatThrownBy(() -> read(STRICT, HEADER, "A1,ana,p,acc,Won,2024-01-10,2024-02-30,10",
        "A2,ana,p,acc,Won,2024-01-10,2024-02-03,10"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("export.csv:2 (deal A1): bad close_date: '2024-02-30' is not a date")
        .hasMessageContaining("[A1,ana,p,acc,Won,2024-01-10,2024-02-30,10]")
        .satisfies(e -> assertThat(((ImportException) e).rejection()).isNotEmpty());
  }

  @Test
  void read_skipBadRows_listsEveryBadRecordAndTheCountsAddUp() throws IOException {
    ImportedHistory history = read(SKIP, HEADER,
        "A1,ana,p,acc,Won,2024-01-10,2024-02-01,10",
        "A2,ana,p,acc,Won,2024-01-10,,10",
        "A3,ana,p,acc,Engaging,2024-01-10,2024-02-01,",
        "A4,ana,p,acc,Lost,2024-03-10,2024-02-01,",
        "A5,ana,p,acc,Won,2024-01-10,2024-02-01,ten",
        ",ana,p,acc,Won,2024-01-10,2024-02-01,10",
        "A6,ana,p,acc,Won,2024-01-10",
        "A7,ana,p,acc,Demo,2024-01-10,,");

    assertThat(history.rejections()).extracting(ImportRejection::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(history.rejections()).extracting(ImportRejection::reason).containsExactly(
        "the closed stage Won without a close_date",
        "the open stage Engaging with a close_date (2024-02-01): an open deal has no closed date",
        "close_date 2024-02-01 is before engage_date 2024-03-10",
        "bad close_value 'ten': not a decimal number such as 1250.50",
        "empty opportunity_id",
        "the record has 6 cells but the header has 8",
        "unknown stage 'Demo' (closest: Won): the stages are Prospecting, Engaging, Won, Lost");
    assertThat(history.summary()).isEqualTo(new ImportSummary(8, 1, 7, 0, 1, 6, 2));
  }

  @Test
  void read_repeatedId_leavesBothRecordsOut() throws IOException {
    ImportedHistory history = read(SKIP, HEADER,
        "A1,ana,p,acc,Won,2024-01-10,2024-02-01,10",
        "A2,ana,p,acc,Engaging,2024-01-10,,",
        "A1,bo,p,acc,Lost,2024-01-10,2024-02-01,0");

    assertThat(history.rejections()).extracting(ImportRejection::line).containsExactly(2L, 4L);
    assertThat(history.rejections().get(0).reason()).startsWith("left out with its deal: export.csv:4 is bad "
        + "(opportunity_id A1 appears again (first on line 2)");
    assertThat(history.rows()).extracting(HistoryRow::dealId).containsOnly("A2");
    assertThat(history.summary()).isEqualTo(new ImportSummary(3, 1, 2, 0, 1, 1, 1));
  }

  @Test
  void read_missingColumn_namesTheColumnAndTheHeader() {
    assertThatThrownBy(() -> read(STRICT, "opportunity_id,deal_stage,engage_date,close_date,close_value", "A1,Won,,,"))
        .isInstanceOf(ImportException.class)
        .hasMessage("export.csv: the header has no column 'sales_agent' (the owner column); its columns are "
            + "opportunity_id, deal_stage, engage_date, close_date, close_value");
  }

  @Test
  void read_ownColumnsStagesDateFormatAndZone_areUsed() throws IOException {
    ImportedHistory history = OpportunitiesImporter.defaults()
        .withIdColumn("Opportunity ID").withStageColumn("Stage").withCreatedColumn("Created")
        .withClosedColumn("Closed").withAmountColumn("Value").withOwnerColumn("Rep").withCurrencyColumn("Currency")
        .withLostReasonColumn("Why lost")
        .withStages(List.of("Qualify", "Propose"), "Closed Won", "Closed Lost").withOpenedIn("Qualify")
        .read(text("Opportunity ID,Rep,Stage,Created,Closed,Value,Currency,Why lost",
            "\"OPP-1\",\"Smith, Ann\",Closed Lost,03/04/2024,04/05/2024,\"1200.50\",eur,Budget cut"), "crm.csv",
            ImportOptions.defaults().withDateFormat("MM/dd/yyyy").withZone(ZoneId.of("Europe/Paris")));

    assertThat(history.rows()).hasSize(2);
    HistoryRow open = history.rows().get(0);
    HistoryRow lost = history.rows().get(1);
    assertThat(open.stage()).isEqualTo("Qualify");
    assertThat(open.enteredAt()).isEqualTo(Instant.parse("2024-03-03T23:00:00Z"));
    assertThat(open.owner()).contains("Smith, Ann");
    assertThat(open.currency()).contains(Currency.getInstance("EUR"));
    assertThat(lost.stage()).isEqualTo("Closed Lost");
    assertThat(lost.amount()).contains(new BigDecimal("1200.50"));
    assertThat(lost.lostReason()).contains("Budget cut");
  }

  @Test
  void read_theReadingOptionsOfAStageHistoryFile_readASemicolonDecimalCommaWindows1252Export(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("crm.csv");
    Files.write(file, String.join("\r\n", HEADER.replace(',', ';'),
        "A1;Jos\u00e9;Widget;Acme;Won;2017-01-01;2017-01-11;1.234,50") .getBytes(Charset.forName("windows-1252")));
    ReadOptions reading = ReadOptions.defaults().withDelimiter(';').withDecimalComma(true)
        .withEncoding(Charset.forName("windows-1252"));

    ImportedHistory history = OpportunitiesImporter.defaults().read(file, STRICT.withReading(reading));

    assertThat(history.rows()).hasSize(2);
    assertThat(history.rows().get(0).owner()).contains("Jos\u00e9");
    assertThat(history.rows().get(1).amount()).contains(new BigDecimal("1234.50"));
  }

  @Test
  void read_decimalCommaAmountWithoutTheOption_namesTheOption() {
    assertThatThrownBy(() -> read(STRICT, HEADER, "A1,ann,Widget,Acme,Won,2017-01-01,2017-01-11,\"1.234,50\""))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("bad close_value '1.234,50': not a decimal number such as 1250.50 (for amounts such as "
            + "1.250,50 use --decimal-comma)");
  }

  @Test
  void read_implausibleYear_isRefusedUnlessAnyYearIsAllowed() throws IOException {
    String[] lines = {HEADER, "A1,ann,Widget,Acme,Won,1817-01-01,1817-01-11,100"};

    assertThatThrownBy(() -> read(STRICT, lines))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("the year 1817 is outside 1900 to 2200 (a typo? --allow-any-year accepts it)");
    assertThat(read(STRICT.withReading(ReadOptions.defaults().withAllowAnyYear(true)), lines).rows().get(0).enteredAt())
        .isEqualTo(Instant.parse("1817-01-01T00:00:00Z"));
  }

  @Test
  void options_theSharedSettingsAreTheReadingOptions() {
    ImportOptions options = STRICT.withSkipBadRows(true).withDateFormat("dd.MM.yyyy");

    assertThat(options.reading()).isEqualTo(ReadOptions.defaults().withSkipBadRows(true).withDateFormat("dd.MM.yyyy"));
    assertThat(options.skipBadRows()).isTrue();
    assertThat(options.dateFormat()).contains("dd.MM.yyyy");
    assertThatThrownBy(() -> STRICT.withDateFormat("MM/dd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have a year");
  }

  @Test
  void read_openedInNotAnOpenStage_isRefused() {
    assertThatThrownBy(() -> OpportunitiesImporter.defaults().withOpenedIn("Won").read(text(HEADER), "x.csv", STRICT))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("the opened-in stage 'Won' is not an open stage");
  }

  @Test
  void load_mavenShape_givesDealsThatOpenAndCloseWhenTheExportSays() throws IOException {
    LoadedHistory loaded = maven().load();

    assertThat(loaded.rejections()).isEmpty();
    assertThat(loaded.deals()).hasSize(7);
    assertThat(loaded.deals()).filteredOn(d -> d.id().equals("R4T8W2X6")).singleElement().satisfies(d -> {
      assertThat(d.createdAt()).isEqualTo(Instant.parse("2016-10-25T00:00:00Z"));
      assertThat(d.closedAt()).isEqualTo(Option.some(Instant.parse("2017-03-11T00:00:00Z")));
      assertThat(d.amount().get().amount()).isEqualByComparingTo("4514");
    });
  }

  @Test
  void read_idRepeatingASetAsideRecord_isStillARepeat() throws IOException {
    ImportedHistory history = read(SKIP, HEADER, "A1,ana,p,acc,Prospecting,,,", "A1,ana,p,acc,Engaging,2024-01-10,,");

    assertThat(history.rejections()).singleElement().extracting(ImportRejection::reason)
        .isEqualTo("opportunity_id A1 appears again (first on line 2): no record of it is imported");
    assertThat(history.rows()).isEmpty();
    assertThat(history.summary()).isEqualTo(new ImportSummary(2, 0, 1, 1, 0, 1, 0));
  }
}
