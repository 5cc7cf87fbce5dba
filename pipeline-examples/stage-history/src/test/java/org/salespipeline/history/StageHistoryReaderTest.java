package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.StageStay;
import org.salespipeline.core.TransitionPolicy;

class StageHistoryReaderTest {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final StageHistoryReader READER = StageHistoryReader.of(PIPELINE);
  private static final StageHistoryReader SKIPPING =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));
  private static final String HEADER = "deal_id,stage,entered_at,amount,currency,owner,lost_reason,segment\n";

  private static LoadedHistory load(String text) throws IOException {
    return READER.load(new StringReader(text));
  }

  private static LoadedHistory skipping(String text) throws IOException {
    return SKIPPING.load(new StringReader(text));
  }

  private static Deal only(LoadedHistory history) {
    assertThat(history.deals()).hasSize(1);
    return history.deals().get(0);
  }

  private static List<String> stages(Deal deal) {
    return deal.stays().stream().map(StageStay::stageId).toList();
  }

  // ------------------------------------------------------------------------------------- header

  @Test
  void load_headerInAnyCaseAndSpacing_isMatched() throws IOException {
    Deal deal = only(load(" Deal_ID ,STAGE,Entered_At,AMOUNT,Owner\nD1,prospecting,2024-03-01,100,ana\n"));

    assertThat(deal.id()).isEqualTo("D1");
    assertThat(deal.owner()).isEqualTo("ana");
    assertThat(deal.amount()).containsExactly(Money.parse("100", "USD"));
  }

  @Test
  void load_stageNames_areMatchedIgnoringCase() throws IOException {
    Deal deal = only(load(HEADER + "D1,PROSPECTING,2024-03-01,,,,,\nD1,proposal,2024-03-02,,,,,\nD1,WON,2024-03-03,,,,,\n"));

    assertThat(stages(deal)).containsExactly("prospecting", "proposal", "won");
  }

  @Test
  void load_missingRequiredColumn_failsNamingIt() {
    assertThatThrownBy(() -> load("deal_id,stage,amount\nD1,Prospecting,5\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 1: the header has no column entered_at (it has deal_id, stage, amount)");
  }

  @Test
  void load_repeatedColumn_fails() {
    assertThatThrownBy(() -> load("deal_id,stage,entered_at,Owner,OWNER\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 1: the header names column 'OWNER' twice (columns 4 and 5, ignoring case)");
  }

  @Test
  void load_unnamedColumn_fails() {
    assertThatThrownBy(() -> load("deal_id,stage,entered_at,\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 1: column 4 of the header has no name");
  }

  @Test
  void load_emptyFile_fails() {
    assertThatThrownBy(() -> load("\n\n"))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessageStartingWith("the file is empty");
  }

  @Test
  void load_headerOnly_failsAsNoDealIsLoaded() {
    assertThatThrownBy(() -> load(HEADER))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("the file has a header but no data rows: no deal to load");
  }

  // ------------------------------------------------------------------------------------- dates

  @Test
  void load_dateDateTimeAndOffset_areInstantsUtc() throws IOException {
    Deal deal = only(load(HEADER
        + "D1,Prospecting,2024-03-01,,,,,\n"
        + "D1,Qualification,2024-03-02T09:30,,,,,\n"
        + "D1,Proposal,2024-03-03T12:00:00+02:00,,,,,\n"
        + "D1,Won,2024-03-04T08:00:00Z,,,,,\n"));

    assertThat(deal.stays()).extracting(StageStay::enteredAt).containsExactly(
        Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T09:30:00Z"),
        Instant.parse("2024-03-03T10:00:00Z"), Instant.parse("2024-03-04T08:00:00Z"));
  }

  // ----------------------------------------------------------------------------------- ordering

  @Test
  void load_rowsInAnyOrder_areTakenInTimeOrderPerDeal() throws IOException {
    LoadedHistory history = load(HEADER
        + "D2,Won,2024-03-09,,,,,\n"
        + "D1,Proposal,2024-03-05,,,,,\n"
        + "D2,Prospecting,2024-03-01,,,,,\n"
        + "D1,Prospecting,2024-03-02,,,,,\n");

    assertThat(history.deals()).extracting(Deal::id).as("deals in order of first appearance").containsExactly("D2", "D1");
    assertThat(stages(history.deals().get(0))).containsExactly("prospecting", "won");
    assertThat(stages(history.deals().get(1))).containsExactly("prospecting", "proposal");
  }

  @Test
  void load_tiesAtOneInstant_keepFileOrder() throws IOException {
    String a = "D1,Prospecting,2024-03-01,,,,,\n";
    String b = "D1,Qualification,2024-03-02,,,,,\n";
    String c = "D1,Proposal,2024-03-02,,,,,\n";

    assertThat(stages(only(load(HEADER + a + b + c)))).containsExactly("prospecting", "qualification", "proposal");
    assertThat(stages(only(load(HEADER + a + c + b)))).containsExactly("prospecting", "proposal", "qualification");
  }

  // ----------------------------------------------------------------------------------- values

  @Test
  void load_values_areTheLastNonEmptyInTimeOrderNotFileOrder() throws IOException {
    Deal deal = only(load(HEADER
        + "D1,Proposal,2024-03-05,,,chen,,\n"            // latest in time: owner chen, no amount, no segment
        + "D1,Qualification,2024-03-03,2500,EUR,,,Mid\n" // amount, currency and segment only here
        + "D1,Prospecting,2024-03-01,900,GBP,ana,,SMB\n"));

    assertThat(deal.owner()).isEqualTo("chen");
    assertThat(deal.amount()).containsExactly(Money.parse("2500", "EUR"));
    assertThat(deal.attributes()).isEqualTo(Map.of("segment", "Mid"));
  }

  @Test
  void load_valuesTiedInTime_takeTheLaterRowInFile() throws IOException {
    Deal deal = only(load(HEADER + "D1,Prospecting,2024-03-01,100,,ana,,\nD1,Prospecting,2024-03-01,200,,bo,,\n"));

    assertThat(deal.owner()).isEqualTo("bo");
    assertThat(deal.amount()).containsExactly(Money.parse("200", "USD"));
  }

  @Test
  void load_noCurrency_isTheDefaultUsdOrTheReadersDefault() throws IOException {
    String csv = HEADER + "D1,Prospecting,2024-03-01,100,,,,\n";

    assertThat(only(load(csv)).amount()).containsExactly(Money.parse("100", "USD"));
    assertThat(only(READER.withDefaultCurrency(Currency.getInstance("EUR")).load(new StringReader(csv))).amount())
        .containsExactly(Money.parse("100", "EUR"));
  }

  @Test
  void load_currencyInLowerCase_isAccepted() throws IOException {
    assertThat(only(load(HEADER + "D1,Prospecting,2024-03-01,12.5,jpy,,,\n")).amount())
        .containsExactly(Money.parse("12.5", "JPY"));
  }

  @Test
  void load_noAmount_leavesTheDealUnpriced() throws IOException {
    assertThat(only(load(HEADER + "D1,Prospecting,2024-03-01,,EUR,,,\n")).amount()).isEmpty();
  }

  @Test
  void load_otherColumns_areAttributesNamedAsInTheHeader() throws IOException {
    Deal deal = only(load("deal_id,stage,entered_at,Lead Source,Product\nD1,Prospecting,2024-03-01,web,Pro\n"));

    assertThat(deal.attributes()).containsExactly(Map.entry("Lead Source", "web"), Map.entry("Product", "Pro"));
  }

  // ------------------------------------------------------------------------------ state machine

  @Test
  void load_closeThenOpenStage_reopensTheDeal() throws IOException {
    Deal deal = only(load(HEADER + "D1,Prospecting,2024-03-01,,,,,\nD1,Lost,2024-03-02,,,,Price,\n"
        + "D1,Qualification,2024-03-05,,,,,\n"));

    assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    assertThat(stages(deal)).containsExactly("prospecting", "lost", "qualification");
  }

  @Test
  void load_wonThenLost_reopensAndLosesAtTheSameInstant() throws IOException {
    Deal deal = only(load(HEADER + "D1,Proposal,2024-03-01,,,,,\nD1,Won,2024-03-02,,,,,\nD1,Lost,2024-03-04,,,,Cancelled,\n"));

    assertThat(deal.status()).isEqualTo(DealStatus.LOST);
    assertThat(deal.lostReason()).contains("Cancelled");
    assertThat(stages(deal)).containsExactly("proposal", "won", "proposal", "lost");
  }

  @Test
  void load_lostReason_isTheLostRowsOwnElseTheDealsLastNonEmpty() throws IOException {
    LoadedHistory history = load(HEADER
        + "D1,Prospecting,2024-03-01,,,,,\nD1,Lost,2024-03-02,,,,Price,\n"
        + "D2,Prospecting,2024-03-01,,,,Timing,\nD2,Lost,2024-03-02,,,,,\n"
        + "D3,Prospecting,2024-03-01,,,,,\nD3,Lost,2024-03-02,,,,,\n");

    assertThat(history.deals()).extracting(Deal::lostReason)
        .containsExactly(Option.some("Price"), Option.some("Timing"), Option.none());
  }

  @Test
  void load_sameStageTwiceInARow_isANoOpKeepingTheFirstEntryButItsValuesCount() throws IOException {
    LoadedHistory history = load(HEADER + "D1,Prospecting,2024-03-01,,,ana,,\nD1,Prospecting,2024-03-04,,,bo,,\n"
        + "D1,Won,2024-03-06,,,,,\nD1,won,2024-03-07,,,,,\n");

    Deal deal = only(history);
    assertThat(deal.stays()).extracting(StageStay::enteredAt)
        .containsExactly(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-06T00:00:00Z"));
    assertThat(deal.owner()).isEqualTo("bo");
    assertThat(history.summary()).isEqualTo(new ReadSummary(4, 0, 1, 0, 2));
  }

  @Test
  void load_dealStartingClosed_isRejectedWithAllItsRows() throws IOException {
    LoadedHistory history = skipping(HEADER + "D1,Won,2024-03-01,,,,,\nD2,Prospecting,2024-03-01,,,,,\n"
        + "D1,Lost,2024-03-02,,,,,\n");

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
    assertThat(history.rejections()).extracting(RowRejection::line).containsExactly(2L, 4L);
    assertThat(history.rejections()).extracting(RowRejection::reason).containsOnly(
        "the deal is not loaded: its first row (line 2) is in the won stage Won, but a deal must start in an open stage");
    assertThat(history.summary()).isEqualTo(new ReadSummary(3, 2, 2, 1, 0));
  }

  @Test
  void load_moveThePolicyForbids_rejectsTheDealNamingTheRowAndRule() throws IOException {
    Pipeline strict = Pipeline.builder("strict", "Strict")
        .openStage(Stage.open("a", "A")).openStage(Stage.open("b", "B"))
        .wonStage(Stage.won("won", "Won")).lostStage(Stage.lost("lost", "Lost"))
        .policy(TransitionPolicy.defaults().withMoveBackward(false))
        .build();

    LoadedHistory history = StageHistoryReader.of(strict, ReadOptions.defaults().withSkipBadRows(true)).load(new StringReader(
        "deal_id,stage,entered_at\nD1,A,2024-03-01\nD1,B,2024-03-02\nD1,A,2024-03-03\nD2,A,2024-03-01\n"));

    assertThat(history.rejections()).hasSize(3);
    assertThat(history.rejections().get(0).reason())
        .startsWith("the deal is not loaded: the pipeline refused line 4: ")
        .endsWith("[BACKWARD_NOT_ALLOWED]");
    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
    assertThat(history.summary()).isEqualTo(new ReadSummary(4, 3, 2, 1, 0));
  }

  // ---------------------------------------------------------------------------- bad rows

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown stage   | D9,Demo,2024-03-01,,,,,            | unknown stage 'Demo'",
      "near stage name | D9,Proposl,2024-03-01,,,,,         | unknown stage 'Proposl' (closest known: Proposal)",
      "empty stage     | D9,,2024-03-01,,,,,                | empty stage",
      "bad date        | D9,Prospecting,03/01/2024,,,,,     | bad entered_at: '03/01/2024' is not an ISO-8601 date (2024-03-01) or date-time (2024-03-01T10:15:30Z); for dates such as 03/04/2024 give the format (--date-format MM/dd/yyyy or dd/MM/yyyy)",
      "year 0000       | D9,Prospecting,0000-03-01,,,,,     | bad entered_at: '0000-03-01' is in the year 0, outside 1900 to 2200: a typo? (--allow-any-year accepts it)",
      "comma amount    | D9,Prospecting,2024-03-01,\"1.234,50\",,,,| bad amount '1.234,50': not a decimal number such as 1250.50 (for amounts such as 1.234,50 use --decimal-comma)",
      "empty date      | D9,Prospecting,,,,,,               | bad entered_at: empty date",
      "empty id        | ,Prospecting,2024-03-01,,,,,       | empty deal_id",
      "bad amount      | D9,Prospecting,2024-03-01,1 250,,,,| bad amount '1 250': not a decimal number such as 1250.50",
      "negative amount | D9,Prospecting,2024-03-01,-5,,,,   | bad amount '-5': an amount must not be negative",
      "huge amount     | D9,Prospecting,2024-03-01,1e40,,,,  | bad amount '1e40': more than 18 digits before or 12 after the decimal point",
      "bad currency    | D9,Prospecting,2024-03-01,5,XYZ,,, | bad currency 'XYZ': not an ISO 4217 code such as USD",
      "too few cells   | D9,Prospecting,2024-03-01          | the row has 3 cells but the header has 8",
      "too many cells  | D9,Prospecting,2024-03-01,,,,,,x   | the row has 9 cells but the header has 8",
      "malformed CSV   | D9,\"Pros\"pecting,2024-03-01,,,,, | not valid CSV: unexpected text after a closing quote in cell 2"})
  void load_badRow_isRejectedWithLineAndReasonAndTheRestLoads(String what, String row, String reason) throws IOException {
    LoadedHistory history = skipping(HEADER + "D1,Prospecting,2024-03-01,,,,,\n" + row + "\nD1,Won,2024-03-02,,,,,\n");

    assertThat(history.rejections()).containsExactly(new RowRejection(3, row.startsWith(",") ? "" : "D9", reason));
    assertThatThrownBy(() -> load(HEADER + "D1,Prospecting,2024-03-01,,,,,\n" + row + "\n"))
        .as("strict by default: the first bad row stops the reading, naming line, deal and reason")
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessageStartingWith("line 3" + (row.startsWith(",") ? ": " : " (deal D9): "));
    assertThat(history.deals()).extracting(Deal::id).containsExactly("D1");
    assertThat(only(history).status()).isEqualTo(DealStatus.WON);
    assertThat(history.summary().rows()).isEqualTo(3);
    assertThat(history.summary().rejectedRows()).isEqualTo(1);
  }

  @Test
  void load_megabyteAmount_isRejectedBeforeParsing_withAShortMessage() throws IOException {
    String digits = "9".repeat(1_000_000);

    LoadedHistory history = skipping(HEADER + "D1,Prospecting,2024-03-01,,,,,\nD9,Prospecting,2024-03-01," + digits
        + ",,,,\n");

    assertThat(history.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3L);
      assertThat(r.reason()).isEqualTo("bad amount '999999999999999999999999…' (1000000 characters): an amount has at"
          + " most 64 characters");
    });
    assertThat(history.deals()).extracting(Deal::id).containsExactly("D1");
  }

  @Test
  void load_dealWhoseEveryRowIsBad_isCountedAsRejectedDeal() throws IOException {
    LoadedHistory history = skipping(HEADER + "D1,Prospecting,2024-03-01,,,,,\nD2,Prospecting,someday,,,,,\n"
        + "D2,Won,,,,,,\n");

    assertThat(history.summary()).isEqualTo(new ReadSummary(3, 2, 2, 1, 0));
    assertThat(history.summary().loadedDeals()).isEqualTo(1);
    assertThat(history.summary().loadedRows()).isEqualTo(1);
  }

  @Test
  void load_skippingABadRow_rejectsItsWholeDealWithAllItsRows() throws IOException {
    LoadedHistory history = skipping(HEADER + "D1,Prospecting,2024-03-01,100,,ana,,\nD1,Won,2024-03-02,abc,,bo,,\n"
        + "D2,Prospecting,2024-03-01,,,,,\n");

    assertThat(history.deals()).extracting(Deal::id).containsExactly("D2");
    assertThat(history.rejections()).containsExactly(
        new RowRejection(2, "D1", "the deal is not loaded: its row on line 3 is bad (bad amount 'abc': not a decimal"
            + " number such as 1250.50)"),
        new RowRejection(3, "D1", "bad amount 'abc': not a decimal number such as 1250.50"));
    assertThat(history.summary()).isEqualTo(new ReadSummary(3, 2, 2, 1, 0));
  }

  // ------------------------------------------------------------------------ CSV details

  @Test
  void load_bomCrlfAndQuotedLineBreaks_areRead_andLineNumbersCountPhysicalLines() throws IOException {
    LoadedHistory history = skipping("\uFEFFdeal_id,stage,entered_at,note\r\n"
        + "D1,Prospecting,2024-03-01,\"first line\r\nsecond, with comma\"\r\n"
        + "D1,Nowhere,2024-03-02,x\r\n" + "D2,Prospecting,2024-03-01,y\r\n");

    assertThat(history.rejections()).extracting(RowRejection::line).containsExactly(2L, 4L);
    assertThat(load("\uFEFFdeal_id,stage,entered_at,note\r\nD1,Prospecting,2024-03-01,\"first line\r\nsecond, with "
        + "comma\"\r\n").deals().get(0).attributes()).containsEntry("note", "first line\r\nsecond, with comma");
  }

  @Test
  void load_neutralisedCells_areReadBackAsWritten() throws IOException {
    Deal deal = only(load("deal_id,stage,entered_at,owner,formula\n'-D1,Prospecting,2024-03-01,'@ana,'=1+1\n"));

    assertThat(deal.id()).isEqualTo("-D1");
    assertThat(deal.owner()).isEqualTo("@ana");
    assertThat(deal.attributes()).containsEntry("formula", "=1+1");
  }

  @Test
  void load_blankLines_areNotRows() throws IOException {
    LoadedHistory history = load(HEADER + "\nD1,Prospecting,2024-03-01,,,,,\n\n");

    assertThat(history.summary().rows()).isEqualTo(1);
    assertThat(history.deals()).hasSize(1);
  }

  // --------------------------------------------------------------------------- grouped

  @Test
  void read_grouped_givesTheSameDealsAsUngrouped() throws IOException {
    String csv = HEADER + "D1,Won,2024-03-05,,,,,\nD1,Prospecting,2024-03-01,10,,ana,,\n"
        + "D2,Prospecting,2024-03-02,,,,,\nD2,Bad,2024-03-03,,,,,\nD2,Lost,2024-03-04,,,,Price,\n";

    LoadedHistory grouped = SKIPPING.withGroupedByDeal(true).load(new StringReader(csv + "D3,Prospecting,2024-03-02,,,,,\n"));

    LoadedHistory whole = skipping(csv + "D3,Prospecting,2024-03-02,,,,,\n");
    assertThat(grouped.deals()).isEqualTo(whole.deals());
    assertThat(grouped.rejections()).isEqualTo(whole.rejections());
    assertThat(grouped.summary()).isEqualTo(whole.summary());
  }

  /**
   * A bad row in the middle of its deal's rows (its deal's other rows are rejected only when the
   * deal is built) and a row naming no deal inside another deal's rows: both readings list the
   * rejected rows by line; the grouped one hands each deal's on when the next deal starts.
   */
  @Test
  void read_groupedOrNot_listsRejectedRowsInLineOrder_groupedHandingThemOnAsTheNextDealStarts() throws IOException {
    String csv = HEADER + "D1,Prospecting,2024-03-01,,,,,\nD1,Proposal,2024-03-02,abc,,,,\nD1,Won,2024-03-03,,,,,\n"
        + "D2,Prospecting,2024-03-01,,,,,\n,Proposal,2024-03-02,,,,,\nD2,Nowhere,2024-03-03,,,,,\n"
        + "D2,Lost,2024-03-04,,,,Price,\nD3,Prospecting,2024-03-01,,,,,\nD4,Prospecting,2024-03-01,,,,,\n";
    List<Long> lines = List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L);

    LoadedHistory whole = skipping(csv);
    CountingReader in = new CountingReader(csv);
    List<Long> grouped = new ArrayList<>();
    List<Integer> readWhenHandedOn = new ArrayList<>();
    SKIPPING.withGroupedByDeal(true).read(in, deal -> { }, r -> {
      grouped.add(r.line());
      readWhenHandedOn.add(in.consumed);
    });

    assertThat(whole.rejections()).extracting(RowRejection::line).containsExactlyElementsOf(lines);
    assertThat(grouped).containsExactlyElementsOf(lines);
    assertThat(readWhenHandedOn.get(2)).as("D1's rows, once D2's first row is read")
        .isLessThanOrEqualTo(csv.indexOf(",Proposal,2024-03-02,,"));
    assertThat(readWhenHandedOn.get(6)).as("D2's rows, once D3's first row is read")
        .isLessThanOrEqualTo(csv.indexOf("D4"));
  }

  @Test
  void read_groupedButDealSeenAgain_stopsNamingTheLineAndSayingTheFileIsNotGrouped() {
    String csv = HEADER + "D1,Prospecting,2024-03-01,,,,,\nD2,Prospecting,2024-03-01,,,,,\nD1,Won,2024-03-05,,,,,\n";

    assertThatThrownBy(() -> READER.withGroupedByDeal(true).load(new StringReader(csv)))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessage("line 4: deal D1 appears again after other deals' rows, so the file is not grouped by deal_id "
            + "as was said; read it without the grouped option");
  }

  /**
   * Skipping bad rows, D1's bad row (line 3) and D2's (line 5) are handed on, with the lines of
   * their deals, before the reading stops at line 6, where D1 appears again; D2 was built when D1
   * came back, so its rows are known to be rejected whole.
   */
  @Test
  void read_groupedButDealSeenAgain_skipping_handsOnTheRowsRejectedAboveBeforeStopping() {
    String csv = HEADER + "D1,Prospecting,2024-03-01,,,,,\nD1,Demo,2024-03-02,,,,,\n"
        + "D2,Prospecting,2024-03-01,,,,,\nD2,Qualification,not-a-date,,,,,\nD1,Won,2024-03-05,,,,,\n";
    List<Long> rejected = new ArrayList<>();

    assertThatThrownBy(() -> SKIPPING.withGroupedByDeal(true).read(new StringReader(csv), deal -> { },
        r -> rejected.add(r.line())))
        .isInstanceOf(StageHistoryFormatException.class)
        .hasMessageStartingWith("line 6: deal D1 appears again after other deals' rows");
    assertThat(rejected).containsExactly(2L, 3L, 4L, 5L);
  }

  @Test
  void read_grouped_handsEachDealOnBeforeTheFileEnds() throws IOException {
    String csv = HEADER + "D1,Prospecting,2024-03-01,,,,,\nD2,Prospecting,2024-03-01,,,,,\n"
        + "D3,Prospecting,2024-03-01,,,,,\n" + "D4,Prospecting,2024-03-01,,,,,\n";
    int d3Starts = csv.indexOf("D3");
    CountingReader in = new CountingReader(csv);
    List<Integer> readWhenHandedOn = new ArrayList<>();

    READER.withGroupedByDeal(true).read(in, deal -> readWhenHandedOn.add(in.consumed), r -> { });

    assertThat(readWhenHandedOn).hasSize(4);
    assertThat(readWhenHandedOn.get(0)).as("D1 is handed on as soon as D2's row is read").isLessThanOrEqualTo(d3Starts);
    assertThat(readWhenHandedOn.get(1)).isLessThan(csv.length());
  }

  /** Hands out one character per call, so that how much was read is known exactly. */
  private static final class CountingReader extends Reader {
    private final String text;
    int consumed;

    CountingReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (consumed == text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(consumed++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
