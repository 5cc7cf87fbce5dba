package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveringCsvReaderTest {

  private static List<RecoveringCsvReader.CsvRecord> records(String text) throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records(new StringReader(text));
    assertThat(records(new OneCharAtATime(text))).as("read one character at a time").isEqualTo(records);
    return records;
  }

  private static List<RecoveringCsvReader.CsvRecord> records(Reader in) throws IOException {
    RecoveringCsvReader reader = new RecoveringCsvReader(SourceText.of(in), ',');
    List<RecoveringCsvReader.CsvRecord> records = new ArrayList<>();
    for (RecoveringCsvReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  @Test
  void next_plainRecords_areSplitOnCommasWithTheirLines() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b,c\n1,,3\n");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::cells)
        .containsExactly(List.of("a", "b", "c"), List.of("1", "", "3"));
    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 2L);
    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::error).containsOnlyNulls();
  }

  @Test
  void next_quotedCells_keepCommasDoubledQuotesAndLineBreaks() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n");

    assertThat(records.get(0).cells()).containsExactly("a,b", "say \"hi\"", "two\nlines");
    assertThat(records.get(1).line()).as("the record after a two-line cell starts on line 3").isEqualTo(3);
  }

  @Test
  void next_crlfAndLoneCr_endRecordsAndCountLines() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\r\nc,d\re,f");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::cells)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 2L, 3L);
  }

  @Test
  void next_crlfInsideQuotes_isKeptAsData() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("\"x\r\ny\",z\r\nlast\r\n");

    assertThat(records.get(0).cells()).containsExactly("x\r\ny", "z");
    assertThat(records.get(1).line()).isEqualTo(3);
  }

  @Test
  void next_byteOrderMark_isSkipped() throws IOException {
    assertThat(records("\uFEFFdeal_id,stage\n").get(0).cells()).containsExactly("deal_id", "stage");
  }

  @Test
  void next_loneCrInALastQuotedCell_isKeptAsData_andTheNextLineIsARecordOfItsOwn() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\n1,\"x\ry\"\n2,z\n");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::cells)
        .containsExactly(List.of("a", "b"), List.of("1", "x\ry"), List.of("2", "z"));
    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 2L, 4L);
  }

  @Test
  void next_loneCrThenLfInAQuotedCell_countsTwoLines() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("\"x\ry\nz\r\r\n\",\"\r\"\r\nnext\rlast");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::cells)
        .containsExactly(List.of("x\ry\nz\r\r\n", "\r"), List.of("next"), List.of("last"));
    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 7L, 8L);
  }

  @Test
  void next_unclosedQuote_costsOnlyItsOwnLine_andTheLinesAfterAreReadAgain() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\n1,\"open\n2,and on\r\n3,x\n");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).error()).isEqualTo("a quoted cell opened on line 2 is never closed");
    assertThat(records.get(1).cells()).containsExactly("1", "open");
    assertThat(records.get(2).cells()).containsExactly("2", "and on");
    assertThat(records.get(2).error()).isNull();
    assertThat(records.get(3).cells()).containsExactly("3", "x");
  }

  @Test
  void next_strayQuoteClosedByALaterQuote_isCutBackToItsLine() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\n1,\"stray\n2,ok\n3,\"big, co\"\n");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).error()).startsWith("a quoted cell opened on line 2 runs across line breaks");
    assertThat(records.get(2).cells()).containsExactly("2", "ok");
    assertThat(records.get(3).cells()).containsExactly("3", "big, co");
  }

  @Test
  void next_semicolonDelimiter_splitsOnSemicolons() throws IOException {
    RecoveringCsvReader reader = new RecoveringCsvReader(SourceText.of(new StringReader("a;\"b;c\",d\n")), ';');

    assertThat(reader.next().cells()).containsExactly("a", "b;c,d");
  }

  @Test
  void next_textAfterClosingQuote_isAnErrorAndReadingGoesOn() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("\"a\"b,c\nd,e\n");

    assertThat(records.get(0).error()).isEqualTo("unexpected text after a closing quote in cell 1");
    assertThat(records.get(1).cells()).containsExactly("d", "e");
    assertThat(records.get(1).error()).isNull();
  }

  @Test
  void next_quoteInsideUnquotedCell_isKeptLiterally() throws IOException {
    assertThat(records("5\" screen,x\n").get(0).cells()).containsExactly("5\" screen", "x");
  }

  @Test
  void next_blankLine_isABlankRecord() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a\n\nb\n");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::isBlank).containsExactly(false, true, false);
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void next_emptyInput_hasNoRecord() throws IOException {
    assertThat(records("")).isEmpty();
  }
  @Test
  void next_unclosedQuoteAtTheEndWithoutLineBreak_isAnErrorNamingItsLine() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\n1,\"open");

    assertThat(records).hasSize(2);
    assertThat(records.get(1).error()).isEqualTo("a quoted cell opened on line 2 is never closed");
    assertThat(records.get(1).cells()).containsExactly("1", "open");
  }

  @Test
  void next_quoteClosedAtTheVeryEnd_isWellFormed() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a,b\n1,\"two\nlines\"");

    assertThat(records.get(1).cells()).containsExactly("1", "two\nlines");
    assertThat(records.get(1).error()).isNull();
    assertThat(records.get(1).spansLines()).isTrue();
  }

  @Test
  void next_nulCharacters_areData() throws IOException {
    List<RecoveringCsvReader.CsvRecord> records = records("a\n\u0000\n\"\u0000\"\n\u0000");

    assertThat(records).extracting(RecoveringCsvReader.CsvRecord::cells)
        .containsExactly(List.of("a"), List.of("\u0000"), List.of("\u0000"), List.of("\u0000"));
  }

  @Test
  void retract_wellFormedRecordAcrossLines_isCutBackAndTheLinesAfterAreReadAgain() throws IOException {
    RecoveringCsvReader reader = new RecoveringCsvReader(SourceText.of(new StringReader(
        "a,b\r\n1,\"x\r\n2,y\"\r\n3,z\r\n")), ',');
    reader.next();

    RecoveringCsvReader.CsvRecord crossing = reader.next();
    assertThat(crossing.cells()).containsExactly("1", "x\r\n2,y");
    RecoveringCsvReader.CsvRecord cut = reader.retract();

    assertThat(cut.cells()).containsExactly("1", "x");
    assertThat(cut.error()).isEqualTo("a quoted cell opened on line 2 runs across line breaks into a malformed record; "
        + "read as a stray quote, only line 2 is rejected");
    assertThat(reader.next()).extracting(RecoveringCsvReader.CsvRecord::cells, RecoveringCsvReader.CsvRecord::line)
        .containsExactly(List.of("2", "y\""), 3L);
    assertThat(reader.next().cells()).containsExactly("3", "z");
    assertThat(reader.next()).isNull();
  }

  @Test
  void next_quotedCellLongerThanTheLimit_isUnclosed_andTheNextLineIsRead() throws IOException {
    String open = "x".repeat(RecoveringCsvReader.MAX_CELL + 10);

    List<RecoveringCsvReader.CsvRecord> records = records(new StringReader("a,b\n1,\"" + open + "\n2,y\n"));

    assertThat(records.get(1).error()).isEqualTo("a quoted cell opened on line 2 is not closed within "
        + RecoveringCsvReader.MAX_CELL + " characters");
    assertThat(records.get(2).cells()).containsExactly("2", "y");
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void next_manyStrayQuotes_eachCostsItsLine() throws IOException {
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < 2_000; i++) {
      text.append(i).append(i % 3 == 0 ? ",\"stray\n" : ",ok\n");
    }

    List<RecoveringCsvReader.CsvRecord> records = records(text.toString());

    assertThat(records).hasSize(2_001);
    assertThat(records.stream().filter(r -> r.error() != null)).hasSize(667);
    assertThat(records.get(2_000).line()).isEqualTo(2_001);
    assertThat(records.get(2_000).cells()).containsExactly("1999", "ok");
  }

  /** Hands out one character per call, so that every record meets the end of what was read. */
  private static final class OneCharAtATime extends Reader {
    private final String text;
    private int next;

    OneCharAtATime(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next == text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(next++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
