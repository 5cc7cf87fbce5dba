package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.salespipeline.history.StageHistoryFormatException;

/**
 * Fuzzes the three importers: any text, in any of the shapes, is either imported (its counts
 * adding up, every row a valid stage-history row that the stage-history reader loads without a
 * rejection; no row at all loads as the reader's "no deal to load" error) or refused with an
 * {@link ImportException}, never another exception. The first byte
 * chooses the shape and whether bad records are skipped; the rest is the file.
 *
 * <p>Every build replays the committed corpus in {@code ImportersFuzzTestInputs/}; {@code ./mvnw
 * -Pfuzz verify} explores from it.
 */
class ImportersFuzzTest {

  @FuzzTest
  void read_anyText_isImportedOrRefusedWithAnImportException(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    int choice = input[0] & 0xff;
    String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    ImportOptions options = ImportOptions.defaults().withSkipBadRows((choice & 1) == 1);
    ImportedHistory history;
    try {
      history = switch ((choice >> 1) % 3) {
        case 0 -> OpportunitiesImporter.defaults().read(new StringReader(text), "fuzz.csv", options);
        case 1 -> SalesforceHistoryImporter.defaults().read(new StringReader(text), "fuzz.csv", Option.none(), "",
            options);
        default -> HubSpotImporter.defaults().read(new StringReader(text), "fuzz.csv", options);
      };
    } catch (ImportException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      return;
    }
    ImportSummary summary = history.summary();
    assertThat(summary.importedRecords() + summary.rejectedRecords() + summary.setAsideRecords())
        .isEqualTo(summary.records());
    assertThat(history.rows()).hasSize((int) summary.historyRows());
    if (history.rows().isEmpty()) {
      // nothing dated was imported: loading it is the reader's own "no deal" error
      assertThatThrownBy(history::load).isInstanceOf(StageHistoryFormatException.class)
          .hasMessage("the file has a header but no data rows: no deal to load");
      return;
    }
    assertThat(history.load().rejections()).as("the reader takes every imported row").isEmpty();
  }
}
