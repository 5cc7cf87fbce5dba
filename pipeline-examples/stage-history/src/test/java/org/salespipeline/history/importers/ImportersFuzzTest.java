package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.salespipeline.history.ReadOptions;
import org.salespipeline.history.StageHistoryFormatException;

/**
 * Fuzzes each importer on its own: any text read as that shape is either imported (its counts
 * adding up, every row a valid stage-history row that the stage-history reader loads without a
 * rejection; with no deal left, the reader's "no deal" error) or refused with an
 * {@link ImportException} whose message is one line, never another exception. The first byte chooses the reading options (bit 0: skip bad rows; bit 3: {@code ;}
 * as delimiter; bit 4: decimal comma); the rest is the file.
 *
 * <p>Every build replays the committed corpus of each target in
 * {@code ImportersFuzzTestInputs/<method>/}; {@code ./mvnw -Pfuzz verify} explores from it.
 */
class ImportersFuzzTest {

  @FuzzTest
  void opportunities_anyText_isImportedOrRefusedWithAnImportException(byte[] input) throws IOException {
    if (input.length > 0) {
      check(input, (text, options) -> OpportunitiesImporter.defaults().read(new StringReader(text), "fuzz.csv",
          options));
    }
  }

  @FuzzTest
  void salesforceHistory_anyText_isImportedOrRefusedWithAnImportException(byte[] input) throws IOException {
    if (input.length > 0) {
      check(input, (text, options) -> SalesforceHistoryImporter.defaults().read(new StringReader(text), "fuzz.csv",
          Option.none(), "", options));
    }
  }

  @FuzzTest
  void hubspot_anyText_isImportedOrRefusedWithAnImportException(byte[] input) throws IOException {
    if (input.length > 0) {
      check(input, (text, options) -> HubSpotImporter.defaults().read(new StringReader(text), "fuzz.csv", options));
    }
  }

  /** One importer over a text with options. */
  private interface Importer {
    ImportedHistory read(String text, ImportOptions options) throws IOException;
  }

  private static void check(byte[] input, Importer importer) throws IOException {
    int choice = input[0] & 0xff;
    String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    ReadOptions reading = ReadOptions.defaults().withSkipBadRows((choice & 1) == 1)
        .withDecimalComma((choice & 16) != 0);
    if ((choice & 8) != 0) {
      reading = reading.withDelimiter(';');
    }
    ImportedHistory history;
    try {
      history = importer.read(text, ImportOptions.defaults().withReading(reading));
    } catch (ImportException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      return;
    }
    ImportSummary summary = history.summary();
    assertThat(summary.importedRecords() + summary.rejectedRecords() + summary.setAsideRecords())
        .isEqualTo(summary.records());
    assertThat(history.rows()).hasSize((int) summary.historyRows());
    if (summary.importedDeals() == 0) {
      // nothing left to import (every record set aside or rejected): the reader's own "no deal" error
      assertThatThrownBy(history::load).isInstanceOf(StageHistoryFormatException.class)
          .hasMessageContaining("no deal");
      return;
    }
    assertThat(history.load().rejections()).as("the reader takes every imported row").isEmpty();
  }
}
