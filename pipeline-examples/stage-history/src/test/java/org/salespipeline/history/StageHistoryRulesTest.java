package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

/**
 * The cases of issue 13, each as SPEC §6 says it must behave now: point in time, strict by default,
 * skipping bad rows whole deal by whole deal, helpful errors and the options for awkward exports.
 */
class StageHistoryRulesTest {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final String HEADER = "deal_id,stage,entered_at,amount,currency,owner,lost_reason,segment\n";

  private static LoadedHistory load(ReadOptions options, String text) throws IOException {
    return StageHistoryReader.of(PIPELINE, options).load(new StringReader(text));
  }

  private static LoadedHistory strict(String text) throws IOException {
    return load(ReadOptions.defaults(), text);
  }

  private static LoadedHistory skipping(String text) throws IOException {
    return load(ReadOptions.defaults().withSkipBadRows(true), text);
  }

  // ------------------------------------------------------------------------- point in time

  @Test
  void asOf_pastInstant_seesOnlyTheValuesKnownThen_notTheLastOnesBackDated() throws IOException {
    Deal deal = strict(HEADER
        + "D1,Prospecting,2024-03-01,1000,,ana,,SMB\n"
        + "D1,Proposal,2024-03-10,5000,,bo,,Enterprise\n"
        + "D1,Lost,2024-03-20,,,,Price,\n").deals().get(0);

    Deal early = deal.asOf(Instant.parse("2024-03-05T00:00:00Z")).get();
    assertThat(early.amount()).containsExactly(Money.parse("1000", "USD"));
    assertThat(early.owner()).isEqualTo("ana");
    assertThat(early.attributes()).containsEntry("segment", "SMB");
    assertThat(early.status()).isEqualTo(DealStatus.OPEN);
    assertThat(deal.amount()).containsExactly(Money.parse("5000", "USD"));
    assertThat(deal.owner()).isEqualTo("bo");
    assertThat(deal.lostReason()).isEqualTo(Option.some("Price"));
    assertThat(deal.asOf(Instant.parse("2024-02-28T00:00:00Z"))).isEmpty();
  }

  @Test
  void currencyCellWithoutAmount_isTheCurrencyOfLaterAmountsGivenWithoutOne() throws IOException {
    Deal deal = strict(HEADER + "D1,Prospecting,2024-03-01,,EUR,,,\nD1,Proposal,2024-03-02,700,,,,\n").deals().get(0);

    assertThat(deal.amount()).containsExactly(Money.parse("700", "EUR"));
    assertThat(deal.asOf(Instant.parse("2024-03-01T12:00:00Z")).get().amount()).isEmpty();
  }

  @Test
  void expectedCloseColumn_isADateTakingEffectAtItsRow() throws IOException {
    Deal deal = strict("deal_id,stage,entered_at,expected_close\nD1,Prospecting,2024-03-01,2024-06-30\n"
        + "D1,Proposal,2024-04-01,2024-09-30\n").deals().get(0);

    assertThat(deal.expectedClose()).containsExactly(LocalDate.parse("2024-09-30"));
    assertThat(deal.asOf(Instant.parse("2024-03-15T00:00:00Z")).get().expectedClose())
        .containsExactly(LocalDate.parse("2024-06-30"));
  }

  // ---------------------------------------------------------------- strict, or skip whole deals

  @Test
  void strayQuote_strict_stopsNamingTheLineItOpenedOn() {
    String text = HEADER + "D1,Prospecting,2024-03-01,,,ana,,SMB\nD2,Prospecting,2024-03-01,,,\"bo,,SMB\n"
        + "D3,Prospecting,2024-03-01,,,chen,,SMB\n";

    assertThatThrownBy(() -> strict(text))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 3 (deal D2): not valid CSV: a quoted cell opened on line 3 is never closed");
  }

  @Test
  void strayQuote_skipping_costsOnlyItsOwnRecord() throws IOException {
    String text = HEADER + "D1,Prospecting,2024-03-01,,,ana,,SMB\nD2,Prospecting,2024-03-01,,,\"bo,,SMB\n"
        + "D3,Prospecting,2024-03-01,,,chen,,\"Mid, large\"\nD4,Won,2024-03-02,,,,,\nD4,Prospecting,2024-03-01,,,,,\n";

    LoadedHistory history = skipping(text);

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D1", "D3", "D4");
    assertThat(history.rejections()).containsExactly(
        new RowRejection(3, "D2", "not valid CSV: a quoted cell opened on line 3 runs across line breaks into a "
            + "malformed record (unexpected text after a closing quote in cell 6); read as a stray quote, only line 3"
            + " is rejected"));
    assertThat(history.summary()).hasToString("5 rows (1 rejected), 4 deals (1 rejected)");
  }

  @Test
  void quotedCellWithALoneCarriageReturn_isKeptWhole_andTheNextRowIsReadOnItsOwn() throws IOException {
    LoadedHistory history = strict(HEADER + "D1,Prospecting,2024-03-01,,,ana,,\"two\rlines\"\n"
        + "D2,Prospecting,2024-03-01,,,bo,,SMB\n");

    assertThat(history.deals()).extracting(deal -> deal.attributes().get("segment"))
        .containsExactly("two\rlines", "SMB");
    assertThat(history.summary()).hasToString("2 rows (0 rejected), 2 deals (0 rejected)");
  }

  @Test
  void closingStagesNamedDifferently_strict_namesThemWithCountsAndTheOptions() {
    String text = "deal_id,stage,entered_at\nD1,Prospecting,2024-03-01\nD1,Closed Won,2024-03-02\n"
        + "D2,Prospecting,2024-03-01\nD2,Closed Lost,2024-03-02\nD3,Prospecting,2024-03-01\nD3,Closed Won,2024-03-03\n";

    assertThatThrownBy(() -> strict(text))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 3 (deal D1): unknown stages 'Closed Won' (2 rows, closest known: Won), 'Closed Lost' (1 row,"
            + " closest known: Lost); the pipeline's stages are Prospecting, Qualification, Proposal, Won, Lost; if "
            + "'Closed Won' and 'Closed Lost' are the won and lost stages, say so: --won \"Closed Won\" --lost \"Closed"
            + " Lost\"");
  }

  @Test
  void closingStagesNamedDifferently_skipping_countsThemInTheSummary() throws IOException {
    LoadedHistory history = skipping("deal_id,stage,entered_at\nD1,Prospecting,2024-03-01\nD1,Closed Won,2024-03-02\n"
        + "D2,Prospecting,2024-03-01\n");

    assertThat(history.summary().unknownStages()).containsExactly(java.util.Map.entry("Closed Won", 1L));
    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
  }

  @Test
  void everyRowRejected_isAnError_notAnEmptyReport() {
    String text = HEADER + "D1,Prospecting,03/01/2024,,,,,\nD1,Won,03/04/2024,,,,,\n";

    assertThatThrownBy(() -> skipping(text))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("no deal could be loaded: 2 rows, 2 rejected, 1 deal rejected; the first: line 2 (deal D1): bad "
            + "entered_at: '03/01/2024' is not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z); "
            + "for dates such as 03/04/2024 give the format (--date-format MM/dd/yyyy or dd/MM/yyyy)");
  }

  @Test
  void firstRowRejected_theDealIsNotLoadedFromItsSecondRow() throws IOException {
    LoadedHistory history = skipping(HEADER + "D1,Prospecting,2024-3-01,1000,,ana,,\nD1,Proposal,2024-03-05,,,,,\n"
        + "D2,Prospecting,2024-03-01,,,,,\n");

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
    assertThat(history.summary()).hasToString("3 rows (2 rejected), 2 deals (1 rejected)");
    assertThat(history.rejections()).extracting(RowRejection::toString).containsExactly(
        "line 2 (deal D1): bad entered_at: '2024-3-01' is not an ISO-8601 date (2024-03-01) or date-time "
            + "(2024-03-01T10:15:30Z)",
        "line 3 (deal D1): the deal is not loaded: its row on line 2 is bad (bad entered_at: '2024-3-01' is not an "
            + "ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z))");
  }

  // ------------------------------------------------------------------------- awkward exports

  @Test
  void semicolonFile_readWithCommas_isToldItLooksSemicolonSeparated() {
    assertThatThrownBy(() -> strict("deal_id;stage;entered_at\nD1;Prospecting;2024-03-01\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 1: the header has no column deal_id, stage, entered_at (it has deal_id;stage;entered_at); "
            + "the file looks ;-separated: read it with --delimiter ';'");
  }

  @Test
  void tabFile_readWithCommas_isToldItLooksTabSeparated() {
    assertThatThrownBy(() -> strict("deal_id\tstage\tentered_at\nD1\tProspecting\t2024-03-01\n"))
        .hasMessageEndingWith("the file looks tab-separated: read it with --delimiter tab");
  }

  @Test
  void europeanExport_semicolonsDayFirstDatesAndDecimalComma_reads() throws IOException {
    LoadedHistory history = load(ReadOptions.defaults().withDelimiter(';').withDateFormat("dd.MM.yyyy")
        .withDecimalComma(true).withDefaultCurrency(Currency.getInstance("EUR")),
        "deal_id;stage;entered_at;amount\nD1;Prospecting;03.04.2024;1.234,50\nD1;Won;05.04.2024;\n");

    Deal deal = history.deals().get(0);
    assertThat(deal.amount()).containsExactly(Money.parse("1234.50", "EUR"));
    assertThat(deal.createdAt()).isEqualTo(Instant.parse("2024-04-03T00:00:00Z"));
    assertThat(deal.status()).isEqualTo(DealStatus.WON);
  }

  @Test
  void usDates_withTheirFormat_read_andAnImpossibleDateIsRefused() throws IOException {
    ReadOptions us = ReadOptions.defaults().withDateFormat("MM/dd/yyyy");

    assertThat(load(us, "deal_id,stage,entered_at\nD1,Prospecting,03/04/2024\n").deals().get(0).createdAt())
        .isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
    assertThatThrownBy(() -> load(us, "deal_id,stage,entered_at\nD1,Prospecting,02/30/2024\n"))
        .hasMessage("line 2 (deal D1): bad entered_at: '02/30/2024' does not match the date format MM/dd/yyyy");
  }

  @Test
  void implausibleYear_isRefused_unlessAnyYearIsAllowed() throws IOException {
    String text = "deal_id,stage,entered_at\nD1,Prospecting,0000-03-01\n";

    assertThatThrownBy(() -> strict(text)).hasMessage("line 2 (deal D1): bad entered_at: '0000-03-01' is in the year 0,"
        + " outside 1900 to 2200: a typo? (--allow-any-year accepts it)");
    assertThat(load(ReadOptions.defaults().withAllowAnyYear(true), text).deals()).hasSize(1);
  }

  @Test
  void undecodableByte_isReportedWithItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "deal_id,stage,entered_at,owner\nD1,Prospecting,2024-03-01,ana\nD2,Prospecting,2024-03-01,Jos\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    StageHistoryReader reader = StageHistoryReader.of(PIPELINE);

    assertThatThrownBy(() -> reader.load(file))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 3: byte 0xE9 (byte offset 90) is not UTF-8 text; give the file's encoding (--encoding "
            + "windows-1252, say)");
    assertThat(reader.withOptions(ReadOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1)).load(file).deals())
        .extracting(Deal::owner).containsExactly("ana", "Jos\u00e9");
  }

  @Test
  void undecodableByteAfterABadRow_strict_stopsAtTheFirstBadRowInFileOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "deal_id,stage,entered_at,owner\nD1,Prospecting,2024-13-01,ana\nD2,Prospecting,2024-03-01,Jos\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> StageHistoryReader.of(PIPELINE).load(file))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessageStartingWith("line 2 (deal D1): ");
  }

  @Test
  void undecodableByte_skipping_rejectsItsRowAndDeal_andTheRestLoads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, ("deal_id,stage,entered_at,owner\nD1,Prospecting,2024-03-01,ana\nD2,Prospecting,2024-03-01,"
        + "Jos\u00e9\nD2,Won,2024-03-02,bo\nD3,Prospecting,2024-03-01,chen\n").getBytes(StandardCharsets.ISO_8859_1));

    LoadedHistory history = StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true)).load(file);

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D1", "D3");
    String reason = "byte 0xE9 (byte offset 90) is not UTF-8 text; give the file's encoding (--encoding "
        + "windows-1252, say)";
    assertThat(history.rejections()).containsExactly(new RowRejection(3, "D2", reason),
        new RowRejection(4, "D2", "the deal is not loaded: its row on line 3 is bad (" + reason + ")"));
    assertThat(history.summary()).hasToString("4 rows (2 rejected), 3 deals (1 rejected)");
  }

  @Test
  void undecodableByteInTheDealId_skipping_isARejectedRowOfNoDeal(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "deal_id,stage,entered_at\nD1,Prospecting,2024-03-01\nD\u00e92,Prospecting,2024-03-01\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    LoadedHistory history = StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true)).load(file);

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D1");
    assertThat(history.rejections()).extracting(RowRejection::line, RowRejection::dealId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, ""));
    assertThat(history.summary()).hasToString("2 rows (1 rejected), 1 deals (0 rejected)");
  }

  @Test
  void undecodableByteInTheHeader_skipping_stillStopsNamingLineOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "deal_id,stage,entered_at,propri\u00e9t\u00e9\nD1,Prospecting,2024-03-01,x\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true)).load(file))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 1: byte 0xE9 (byte offset 31) is not UTF-8 text; give the file's encoding (--encoding "
            + "windows-1252, say)");
  }

  @Test
  void undecodableBytes_perRow_onlyWhereABadByteCannotHideADelimiter() {
    assertThat(SourceText.perRowDecodingIsSafe(StandardCharsets.UTF_8)).isTrue();
    assertThat(SourceText.perRowDecodingIsSafe(StandardCharsets.ISO_8859_1)).isTrue();
    assertThat(SourceText.perRowDecodingIsSafe(java.nio.charset.Charset.forName("windows-1252"))).isTrue();
    assertThat(SourceText.perRowDecodingIsSafe(StandardCharsets.UTF_16)).isFalse();
    assertThat(SourceText.perRowDecodingIsSafe(java.nio.charset.Charset.forName("Shift_JIS"))).isFalse();
  }

  @Test
  void readOptions_badDelimiterOrPattern_throwNamingIt() {
    assertThatThrownBy(() -> ReadOptions.defaults().withDelimiter('|'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter must be a comma, a semicolon or a tab but was '|'");
    assertThatThrownBy(() -> ReadOptions.defaults().withDateFormat("dd/MM"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pattern must have a year (yyyy) but was 'dd/MM'");
    assertThat(List.of(ReadOptions.defaults())).containsExactly(ReadOptions.defaults());
  }
}
