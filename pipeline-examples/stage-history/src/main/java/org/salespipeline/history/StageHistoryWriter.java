package org.salespipeline.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Writes deals as a stage-history CSV file that {@link StageHistoryReader} reads back into the
 * same stage histories.
 *
 * <p>Columns: {@code deal_id, stage, entered_at, amount, currency, owner, lost_reason}, then one
 * column per attribute. One row per stage entry (opening, move, win, loss, reopen), in history
 * order; {@code entered_at} in UTC ({@code 2024-03-01T10:15:30Z}); amount, currency, owner and
 * attributes (the deal's current values) on every row; {@code lost_reason} on the rows entering
 * the lost stage. Title, account, qualification, expected close date, probability override and
 * activities are not part of the format.
 *
 * <p>RFC 4180 with CRLF line ends. A cell that a spreadsheet would run as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading
 * {@code '} so it opens as text; the reader removes it again.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageHistoryWriter {

  private static final List<String> FIXED =
      List.of("deal_id", "stage", "entered_at", "amount", "currency", "owner", "lost_reason");
  private static final String CRLF = "\r\n";

  private final Pipeline pipeline;
  private final List<String> attributeColumns;
  private final boolean attributesGiven;

  private StageHistoryWriter(Pipeline pipeline, List<String> attributeColumns, boolean attributesGiven) {
    this.pipeline = pipeline;
    this.attributeColumns = attributeColumns;
    this.attributesGiven = attributesGiven;
  }

  /**
   * Returns a writer for deals of a pipeline; attribute columns are found in the deals.
   *
   * @param pipeline the deals' pipeline, not null
   * @return the writer, never null
   */
  public static StageHistoryWriter of(Pipeline pipeline) {
    return new StageHistoryWriter(Objects.requireNonNull(pipeline, "pipeline"), List.of(), false);
  }

  /**
   * Returns a copy that writes exactly these attribute columns, in this order (other attributes
   * are left out), and so writes the deals in a single pass.
   *
   * @param keys the attribute keys, not null; none may be blank, repeat (ignoring case) or be the
   *     name of a fixed column
   * @return the copy, never null
   * @throws IllegalArgumentException if a key is blank, repeated or a fixed column's name
   */
  public StageHistoryWriter withAttributeColumns(List<String> keys) {
    return new StageHistoryWriter(pipeline, checkedColumns(Objects.requireNonNull(keys, "keys")), true);
  }

  /**
   * Writes deals to a file in UTF-8, replacing it.
   *
   * @param deals the deals, not null, all of this writer's pipeline
   * @param file the file, not null
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if an attribute key cannot be a column, or a deal belongs
   *     to another pipeline
   */
  public void write(Iterable<? extends Deal> deals, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(deals, out);
    }
  }

  /**
   * Writes deals. Without {@link #withAttributeColumns fixed attribute columns} the deals are
   * iterated twice: once to collect the attribute keys (in the order first seen), once to write.
   *
   * @param deals the deals, not null, all of this writer's pipeline
   * @param out where to write, not null; not closed
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an attribute key cannot be a column (it is a fixed
   *     column's name or differs from another only in case), or a deal belongs to another pipeline
   */
  public void write(Iterable<? extends Deal> deals, Writer out) throws IOException {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(out, "out");
    List<String> attributes = attributeColumns;
    if (!attributesGiven) {
      Set<String> keys = new LinkedHashSet<>();
      for (Deal deal : deals) {
        keys.addAll(deal.attributes().keySet());
      }
      attributes = checkedColumns(new ArrayList<>(keys));
    }
    List<String> header = new ArrayList<>(FIXED);
    header.addAll(attributes);
    line(out, header);
    List<String> cells = new ArrayList<>(header.size());
    for (Deal deal : deals) {
      if (!deal.pipelineId().equals(pipeline.id())) {
        throw new IllegalArgumentException("deals must belong to pipeline '" + pipeline.id() + "' but deal "
            + deal.id() + " belongs to '" + deal.pipelineId() + "'");
      }
      for (DealEvent event : deal.history()) {
        String stageId = enteredStage(event);
        if (stageId == null) {
          continue;
        }
        cells.clear();
        cells.add(deal.id());
        cells.add(stageName(stageId));
        cells.add(event.at().toString());
        cells.add(deal.amount().map(m -> m.amount().toPlainString()).getOrElse(""));
        cells.add(deal.amount().map(Money::currency).map(c -> c.getCurrencyCode()).getOrElse(""));
        cells.add(deal.owner());
        cells.add(event instanceof DealEvent.Lost lost ? lost.reason() : "");
        for (String key : attributes) {
          cells.add(deal.attributes().getOrDefault(key, ""));
        }
        line(out, cells);
      }
    }
  }

  private String stageName(String stageId) {
    return pipeline.stage(stageId).map(Stage::name).getOrElseThrow(() -> new IllegalStateException(
        "bug: a deal of pipeline '" + pipeline.id() + "' entered stage '" + stageId + "' which it does not have"));
  }

  private static String enteredStage(DealEvent event) {
    return switch (event.kind()) {
      case OPENED -> ((DealEvent.Opened) event).stageId();
      case STAGE_CHANGED -> ((DealEvent.StageChanged) event).toStageId();
      case WON -> ((DealEvent.Won) event).wonStageId();
      case LOST -> ((DealEvent.Lost) event).lostStageId();
      case REOPENED -> ((DealEvent.Reopened) event).toStageId();
      case AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, PROBABILITY_OVERRIDDEN,
          OWNER_CHANGED, ACTIVITY_RECORDED -> null;
    };
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(SpreadsheetCells.encode(cells.get(i)));
    }
    out.write(CRLF);
  }

  private static List<String> checkedColumns(List<String> keys) {
    Map<String, String> seen = new HashMap<>();
    for (String fixed : FIXED) {
      seen.put(fixed, fixed);
    }
    for (String key : keys) {
      Objects.requireNonNull(key, "each attribute key");
      if (key.isBlank() || !key.equals(key.strip())) {
        throw new IllegalArgumentException("attribute keys must be non-blank without surrounding spaces to be "
            + "columns but one was '" + key + "'");
      }
      String previous = seen.put(key.toLowerCase(Locale.ROOT), key);
      if (previous != null) {
        throw new IllegalArgumentException("attribute '" + key + "' cannot be a column: it clashes with column '"
            + previous + "' (column names are matched ignoring case)");
      }
    }
    return List.copyOf(keys);
  }
}
