package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecordReader.CsvRecord> records(String text) throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader(text));
    List<CsvRecordReader.CsvRecord> records = new ArrayList<>();
    for (CsvRecordReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  @Test
  void next_plainRecords_areSplitOnCommasWithTheirLines() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("a,b,c\n1,,3\n");

    assertThat(records).extracting(CsvRecordReader.CsvRecord::cells)
        .containsExactly(List.of("a", "b", "c"), List.of("1", "", "3"));
    assertThat(records).extracting(CsvRecordReader.CsvRecord::line).containsExactly(1L, 2L);
    assertThat(records).extracting(CsvRecordReader.CsvRecord::error).containsOnlyNulls();
  }

  @Test
  void next_quotedCells_keepCommasDoubledQuotesAndLineBreaks() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n");

    assertThat(records.get(0).cells()).containsExactly("a,b", "say \"hi\"", "two\nlines");
    assertThat(records.get(1).line()).as("the record after a two-line cell starts on line 3").isEqualTo(3);
  }

  @Test
  void next_crlfAndLoneCr_endRecordsAndCountLines() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("a,b\r\nc,d\re,f");

    assertThat(records).extracting(CsvRecordReader.CsvRecord::cells)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    assertThat(records).extracting(CsvRecordReader.CsvRecord::line).containsExactly(1L, 2L, 3L);
  }

  @Test
  void next_crlfInsideQuotes_isKeptAsData() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("\"x\r\ny\",z\r\nlast\r\n");

    assertThat(records.get(0).cells()).containsExactly("x\r\ny", "z");
    assertThat(records.get(1).line()).isEqualTo(3);
  }

  @Test
  void next_byteOrderMark_isSkipped() throws IOException {
    assertThat(records("\uFEFFdeal_id,stage\n").get(0).cells()).containsExactly("deal_id", "stage");
  }

  @Test
  void next_unclosedQuote_costsOnlyItsOwnLine_andTheLinesAfterAreReadAgain() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("a,b\n1,\"open\n2,and on\r\n3,x\n");

    assertThat(records).extracting(CsvRecordReader.CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).error()).isEqualTo("a quoted cell opened on line 2 is never closed");
    assertThat(records.get(1).cells()).containsExactly("1", "open");
    assertThat(records.get(2).cells()).containsExactly("2", "and on");
    assertThat(records.get(2).error()).isNull();
    assertThat(records.get(3).cells()).containsExactly("3", "x");
  }

  @Test
  void next_strayQuoteClosedByALaterQuote_isCutBackToItsLine() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("a,b\n1,\"stray\n2,ok\n3,\"big, co\"\n");

    assertThat(records).extracting(CsvRecordReader.CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).error()).startsWith("a quoted cell opened on line 2 runs across line breaks");
    assertThat(records.get(2).cells()).containsExactly("2", "ok");
    assertThat(records.get(3).cells()).containsExactly("3", "big, co");
  }

  @Test
  void next_semicolonDelimiter_splitsOnSemicolons() throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader("a;\"b;c\",d\n"), ';');

    assertThat(reader.next().cells()).containsExactly("a", "b;c,d");
  }

  @Test
  void next_textAfterClosingQuote_isAnErrorAndReadingGoesOn() throws IOException {
    List<CsvRecordReader.CsvRecord> records = records("\"a\"b,c\nd,e\n");

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
    List<CsvRecordReader.CsvRecord> records = records("a\n\nb\n");

    assertThat(records).extracting(CsvRecordReader.CsvRecord::isBlank).containsExactly(false, true, false);
    assertThat(records.get(2).line()).isEqualTo(3);
  }

  @Test
  void next_emptyInput_hasNoRecord() throws IOException {
    assertThat(records("")).isEmpty();
  }
}
