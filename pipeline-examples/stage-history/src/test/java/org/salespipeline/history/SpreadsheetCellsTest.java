package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formula triggers as listed by OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection). */
class SpreadsheetCellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
  void neutralise_formulaTrigger_getsALeadingQuote(String cell) {
    assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ACME", "1250.00", "2024-03-01T10:15:30Z", "'quoted", "a=b", " =x", ""})
  void neutralise_harmlessCell_isUnchanged(String cell) {
    assertThat(SpreadsheetCells.neutralise(cell)).isEqualTo(cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1", "'=1", "''=1", "'", "''", "x", "", "-", "'-5", "@"})
  void restore_ofNeutralised_givesTheOriginalBack(String cell) {
    assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(cell))).isEqualTo(cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
  void encode_eachTrigger_isNeutralisedInTheFile(String trigger) {
    String encoded = SpreadsheetCells.encode(trigger + "cmd");

    assertThat(encoded).doesNotStartWith(trigger).doesNotStartWith("\"" + trigger);
    assertThat(encoded.replace("\"", "")).startsWith("'" + trigger);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b", "say \"hi\"", "two\nlines", "cr\rhere"})
  void encode_separatorQuoteOrLineBreak_isQuoted(String cell) {
    String encoded = SpreadsheetCells.encode(cell);

    assertThat(encoded).startsWith("\"").endsWith("\"");
    assertThat(encoded.substring(1, encoded.length() - 1).replace("\"\"", "\"")).isEqualTo(cell);
  }
}
