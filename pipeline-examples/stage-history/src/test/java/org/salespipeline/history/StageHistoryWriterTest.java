package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;

class StageHistoryWriterTest {

  private static final Pipeline PIPELINE =
      HistoryPipeline.parse("Prospecting,Qualification,Proposal,Negotiation,Closing", "Won", "Lost");
  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

  private static String write(List<Deal> deals) throws IOException {
    StringWriter out = new StringWriter();
    StageHistoryWriter.of(PIPELINE).write(deals, out);
    return out.toString();
  }

  private static Deal lostDeal() {
    Deal deal = PIPELINE.open(NewDeal.of("D1").withOwner("ana").withAmount(Money.parse("1250.5", "EUR"))
        .withAttribute("segment", "SMB"), T0).get().deal();
    deal = PIPELINE.move(deal, "proposal", T0.plusSeconds(86_400)).get().deal();
    return PIPELINE.lose(deal, "Price", T0.plusSeconds(2 * 86_400)).get().deal();
  }

  @Test
  void write_deal_isOneCrlfRowPerStageEntryWithLostReasonOnTheLostRow() throws IOException {
    assertThat(write(List.of(lostDeal()))).isEqualTo(
        "deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,segment\r\n"
            + "D1,Prospecting,2024-03-01T09:00:00Z,1250.50,EUR,ana,,,SMB\r\n"
            + "D1,Proposal,2024-03-02T09:00:00Z,1250.50,EUR,ana,,,SMB\r\n"
            + "D1,Lost,2024-03-03T09:00:00Z,1250.50,EUR,ana,Price,,SMB\r\n");
  }

  @Test
  void write_valuesChangingOverTime_areWrittenWhenTheyChanged_andReadBackAsEqualDeals() throws IOException {
    Deal deal = PIPELINE.open(NewDeal.of("D1").withOwner("ana").withAmount(Money.parse("100", "USD"))
        .withAttribute("segment", "SMB"), T0).get().deal();
    deal = PIPELINE.changeAmount(deal, Money.parse("150", "USD"), T0.plusSeconds(3_600)).get().deal();
    deal = PIPELINE.reassign(deal, "bo", T0.plusSeconds(86_400)).get().deal();
    deal = PIPELINE.setAttribute(deal, "segment", "Mid", T0.plusSeconds(86_400)).get().deal();
    deal = PIPELINE.move(deal, "proposal", T0.plusSeconds(86_400)).get().deal();
    deal = PIPELINE.setExpectedClose(deal, java.time.LocalDate.parse("2024-04-30"), T0.plusSeconds(90_000)).get().deal();
    deal = PIPELINE.clearAmount(deal, T0.plusSeconds(2 * 86_400)).get().deal();
    deal = PIPELINE.changeAmount(deal, Money.parse("90", "EUR"), T0.plusSeconds(2 * 86_400)).get().deal();
    deal = PIPELINE.win(deal, T0.plusSeconds(2 * 86_400)).get().deal();

    String csv = write(List.of(deal));

    assertThat(csv).isEqualTo(
        "deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,segment\r\n"
            + "D1,Prospecting,2024-03-01T09:00:00Z,100.00,USD,ana,,,SMB\r\n"
            + "D1,Prospecting,2024-03-01T10:00:00Z,150.00,USD,ana,,,SMB\r\n"
            + "D1,Proposal,2024-03-02T09:00:00Z,150.00,USD,bo,,,Mid\r\n"
            + "D1,Proposal,2024-03-02T10:00:00Z,150.00,USD,bo,,2024-04-30,Mid\r\n"
            + "D1,Won,2024-03-03T09:00:00Z,90.00,EUR,bo,,2024-04-30,Mid\r\n");
    assertThat(StageHistoryReader.of(PIPELINE).load(new StringReader(csv)).deals()).containsExactly(deal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
  void write_cellStartingWithFormulaTrigger_isNeutralisedAndReadsBack(String trigger) throws IOException {
    String value = trigger + "HYPERLINK(\"http://evil\")";
    Deal deal = PIPELINE.open(NewDeal.of(trigger + "D1").withOwner(value).withAttribute("note", value), T0)
        .get().deal();

    String csv = write(List.of(deal));
    String row = csv.substring(csv.indexOf("\r\n") + 2);
    String quote = trigger.equals("\r") ? "\"" : ""; // a cell holding a carriage return is also quoted
    assertThat(row).startsWith(quote + "'" + trigger + "D1" + quote + ",");
    assertThat(row).contains(",\"'" + trigger + "HYPERLINK(\"\"http://evil\"\")\",");

    Deal read = StageHistoryReader.of(PIPELINE).load(new StringReader(csv)).deals().get(0);
    assertThat(read.id()).isEqualTo(trigger + "D1");
    assertThat(read.attributes()).containsEntry("note", value);
  }

  @Test
  void writeThenRead_generatedDeals_giveEqualStageHistoriesAndValues() throws IOException {
    List<Deal> deals = DealGenerator.of(PIPELINE, 42).deals(300);

    String csv = write(deals);
    LoadedHistory read = StageHistoryReader.of(PIPELINE).load(new StringReader(csv));

    assertThat(read.rejections()).isEmpty();
    assertThat(read.deals()).hasSameSizeAs(deals);
    for (int i = 0; i < deals.size(); i++) {
      Deal original = deals.get(i);
      Deal copy = read.deals().get(i);
      assertThat(copy.stays()).as(original.id()).isEqualTo(original.stays());
      assertThat(copy.status()).isEqualTo(original.status());
      assertThat(copy.lostReason()).isEqualTo(original.lostReason());
      assertThat(copy.amount()).isEqualTo(original.amount());
      assertThat(copy.owner()).isEqualTo(original.owner());
      assertThat(copy.attributes()).isEqualTo(original.attributes());
      assertThat(copy.createdAt()).isEqualTo(original.createdAt());
    }
    assertThat(write(read.deals())).as("writing what was read gives the same file").isEqualTo(csv);
  }

  @Test
  void writeThenRead_generatorExercisesReopensAndLosses() {
    List<Deal> deals = DealGenerator.of(PIPELINE, 42).deals(300);

    assertThat(deals).anySatisfy(d -> assertThat(d.history()).anyMatch(e -> e instanceof org.salespipeline.core.DealEvent.Reopened));
    assertThat(deals).anySatisfy(d -> assertThat(d.lostReason()).isNotEmpty());
    assertThat(deals).anySatisfy(d -> assertThat(d.amount()).isEmpty());
  }

  @Test
  void write_fixedAttributeColumns_writesOnlyThoseInOrder() throws IOException {
    StringWriter out = new StringWriter();
    StageHistoryWriter.of(PIPELINE).withAttributeColumns(List.of("region", "segment")).write(List.of(lostDeal()), out);

    assertThat(out.toString()).startsWith("deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,"
        + "region,segment\r\n" + "D1,Prospecting,2024-03-01T09:00:00Z,1250.50,EUR,ana,,,,SMB\r\n");
  }

  @Test
  void withAttributeColumns_fixedColumnName_isRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StageHistoryWriter.of(PIPELINE).withAttributeColumns(List.of("Owner")))
        .withMessage("attribute 'Owner' cannot be a column: it clashes with column 'owner' "
            + "(column names are matched ignoring case)");
  }

  @Test
  void write_attributeKeysDifferingOnlyInCase_isRejected() {
    Deal a = PIPELINE.open(NewDeal.of("A").withAttribute("Segment", "x"), T0).get().deal();
    Deal b = PIPELINE.open(NewDeal.of("B").withAttribute("segment", "y"), T0).get().deal();

    assertThatIllegalArgumentException().isThrownBy(() -> write(List.of(a, b)))
        .withMessageContaining("'segment' cannot be a column: it clashes with column 'Segment'");
  }

  @Test
  void write_dealOfAnotherPipeline_isRejected() {
    Deal other = Pipeline.standard().open(NewDeal.of("S1"), T0).get().deal();

    assertThatIllegalArgumentException().isThrownBy(() -> write(List.of(other)))
        .withMessage("deals must belong to pipeline 'history' but deal S1 belongs to 'standard'");
  }
}
