package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.StageStay;

/**
 * Fuzzes {@link StageHistoryReader}, the stage-history CSV reader (SPEC §6, §8): any text loads,
 * with every row either loaded or a counted rejection listed with its line, or fails with the
 * reader's own {@link StageHistoryFormatException}, never another exception; and a good deal is
 * never lost to the bad rows after it.
 *
 * <p>An input is read as a whole file (its own header, or none) strictly, where a loaded file has no
 * rejected row, and skipping bad rows; and skipping bad rows as the rows after a valid header and a
 * good two-row deal {@code GOOD-1}, which must then load with both its stages unless the input
 * names that deal itself.
 *
 * <p>Every build replays the committed corpus in {@code StageHistoryReaderFuzzTestInputs/} (the bad
 * rows of {@link StageHistoryReaderTest} and {@link StageHistoryReaderProperties} among them);
 * {@code ./mvnw -Pfuzz verify} explores from it.
 */
class StageHistoryReaderFuzzTest {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final StageHistoryReader STRICT = StageHistoryReader.of(PIPELINE);
  private static final StageHistoryReader SKIPPING =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));
  private static final String GOOD = "deal_id,stage,entered_at,amount,segment\n"
      + "GOOD-1,Prospecting,2025-01-01T00:00:00Z,100.50,s\nGOOD-1,Proposal,2025-01-02T00:00:00Z,,s\n";

  @FuzzTest
  void load_anyText_loadsEveryRowOrCountsIt_orThrowsItsOwnError(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);

    loadedOrDocumentedError(STRICT, text).ifPresent(strict -> {
      assertThat(strict.summary().rejectedRows()).as("strict: no row rejected in a loaded file").isZero();
      assertThat(strict.rejections()).isEmpty();
    });
    loadedOrDocumentedError(SKIPPING, text);

    Optional<LoadedHistory> afterGood = loadedOrDocumentedError(SKIPPING, GOOD + text);
    if (afterGood.isPresent() && !text.contains("GOOD-1")) {
      Deal good = afterGood.get().deals().stream().filter(d -> d.id().equals("GOOD-1")).findFirst()
          .orElseThrow(() -> new AssertionError("the good deal was lost to the rows after it"));
      assertThat(good.stays()).extracting(StageStay::stageId).containsExactly("prospecting", "proposal");
      assertThat(good.amount().get().amount()).isEqualByComparingTo("100.50");
    }
  }

  /** The history, its counts checked, or empty after the documented format error. */
  private static Optional<LoadedHistory> loadedOrDocumentedError(StageHistoryReader reader, String text) {
    LoadedHistory history;
    try {
      history = reader.load(new StringReader(text));
    } catch (StageHistoryFormatException documented) {
      assertThat(documented.getMessage()).isNotBlank();
      return Optional.empty();
    } catch (IOException e) {
      throw new AssertionError("a StringReader cannot fail to read, so only the format error may be thrown", e);
    }
    ReadSummary summary = history.summary();
    assertThat(summary.loadedRows() + summary.rejectedRows()).isEqualTo(summary.rows());
    assertThat(history.rejections()).hasSize((int) summary.rejectedRows());
    assertThat(history.deals()).hasSize((int) summary.loadedDeals());
    long lines = text.split("\r\n|\r|\n", -1).length;
    assertThat(history.rejections()).allSatisfy(r -> assertThat(r.line()).isBetween(2L, lines));
    return Optional.of(history);
  }
}
