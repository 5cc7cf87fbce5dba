package org.salespipeline.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Writes deals as a stage-history CSV file that {@link StageHistoryReader} reads back into the
 * same stage histories.
 *
 * <p>Columns: {@code deal_id, stage, entered_at, amount, currency, owner, lost_reason,
 * expected_close}, then {@code forecast_category} when a deal's forecast category was ever set by
 * hand, then one column per attribute. One row per stage entry (opening, move, win, loss, reopen),
 * in history order, with {@code entered_at} in UTC ({@code 2024-03-01T10:15:30Z}) and the amount,
 * currency, owner, expected close date and attributes the deal had at that instant;
 * {@code lost_reason} on the rows entering the lost stage; {@code forecast_category} on every row,
 * the deal's category after the row (its override, else its stage's: {@code CLOSED} on won rows,
 * {@code OMITTED} on lost ones), which the reader turns back into the same overrides. A change of
 * those values at another instant gets a row of its own that repeats the deal's current stage. So every value takes
 * effect when it did, and reading the file back gives equal deals, for every deal the reader
 * builds. Title, account, qualification, probability override, activities and values cleared
 * without a new one are not part of the format.
 *
 * <p>RFC 4180 with CRLF line ends. A cell that a spreadsheet would run as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading
 * {@code '} so it opens as text; the reader removes it again.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageHistoryWriter {

  private static final List<String> FIXED =
      List.of("deal_id", "stage", "entered_at", "amount", "currency", "owner", "lost_reason", "expected_close");
  private static final String FORECAST_CATEGORY = "forecast_category";
  private static final String CRLF = "\r\n";

  private final Pipeline pipeline;
  private final List<String> attributeColumns;
  private final boolean attributesGiven;
  private final boolean forecastCategoryColumn;

  private StageHistoryWriter(Pipeline pipeline, List<String> attributeColumns, boolean attributesGiven,
      boolean forecastCategoryColumn) {
    this.pipeline = pipeline;
    this.attributeColumns = attributeColumns;
    this.attributesGiven = attributesGiven;
    this.forecastCategoryColumn = forecastCategoryColumn;
  }

  /**
   * Returns a writer for deals of a pipeline; attribute columns are found in the deals.
   *
   * @param pipeline the deals' pipeline, not null
   * @return the writer, never null
   */
  public static StageHistoryWriter of(Pipeline pipeline) {
    return new StageHistoryWriter(Objects.requireNonNull(pipeline, "pipeline"), List.of(), false, false);
  }

  /**
   * Returns a copy that writes exactly these attribute columns, in this order (other attributes
   * are left out), and so writes the deals in a single pass; the {@code forecast_category} column
   * is then written only if {@link #withForecastCategoryColumn(boolean) asked for}.
   *
   * @param keys the attribute keys, not null; none may be blank, repeat (ignoring case) or be the
   *     name of a fixed column
   * @return the copy, never null
   * @throws IllegalArgumentException if a key is blank, repeated or a fixed column's name
   */
  public StageHistoryWriter withAttributeColumns(List<String> keys) {
    return new StageHistoryWriter(pipeline, checkedColumns(Objects.requireNonNull(keys, "keys")), true,
        forecastCategoryColumn);
  }

  /**
   * Returns a copy that does or does not write the {@code forecast_category} column when the
   * attribute columns are {@linkplain #withAttributeColumns(List) given} (a single pass cannot look
   * ahead for an override). Without given attribute columns the column is written exactly when a
   * deal's forecast category was ever set by hand, whatever this says.
   *
   * @param write true to write the column
   * @return the copy, never null
   */
  public StageHistoryWriter withForecastCategoryColumn(boolean write) {
    return new StageHistoryWriter(pipeline, attributeColumns, attributesGiven, write);
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
   * iterated twice: once to collect the attribute keys (in the order first seen) and to see whether
   * any forecast category was set by hand, once to write.
   *
   * @param deals the deals, not null, all of this writer's pipeline
   * @param out where to write, not null; not closed
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an attribute key cannot be a column (it is a fixed
   *     column's name or differs from another only in case), a deal belongs to another pipeline,
   *     or, with fixed attribute columns and no {@code forecast_category} column, a deal's forecast
   *     category was set by hand (it would be lost)
   */
  public void write(Iterable<? extends Deal> deals, Writer out) throws IOException {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(out, "out");
    List<String> attributes = attributeColumns;
    boolean forecast = forecastCategoryColumn;
    if (!attributesGiven) {
      Set<String> keys = new LinkedHashSet<>();
      forecast = false;
      for (Deal deal : deals) {
        keys.addAll(deal.attributes().keySet());
        forecast = forecast || deal.history().stream()
            .anyMatch(e -> e.kind() == DealEvent.Kind.FORECAST_CATEGORY_OVERRIDDEN);
      }
      attributes = checkedColumns(new ArrayList<>(keys));
    }
    List<String> header = new ArrayList<>(FIXED);
    if (forecast) {
      header.add(FORECAST_CATEGORY);
    }
    header.addAll(attributes);
    line(out, header);
    for (Deal deal : deals) {
      if (!deal.pipelineId().equals(pipeline.id())) {
        throw new IllegalArgumentException("deals must belong to pipeline '" + pipeline.id() + "' but deal "
            + deal.id() + " belongs to '" + deal.pipelineId() + "'");
      }
      new DealWriting(deal, attributes, forecast, out).write();
    }
  }

  /**
   * One deal's rows: a row per stage entry with the values as of that entry, and a row repeating
   * the current stage for value changes made at another instant, so that the reader, which applies
   * a row's values before its stage change and in column order, and its forecast category after
   * the stage change, records the same events again.
   */
  private final class DealWriting {
    private final Deal deal;
    private final List<String> attributes;
    private final boolean forecast;
    private final Writer out;
    private final List<String> cells = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private Option<Money> amount = Option.none();
    private String owner = "";
    private Option<LocalDate> expectedClose = Option.none();
    private Option<ForecastCategory> override = Option.none();
    private String stageId;
    private Instant pendingAt;
    private int pendingColumn = -1;
    private boolean pendingCleared;
    private Option<Money> beforeClear = Option.none();

    DealWriting(Deal deal, List<String> attributes, boolean forecast, Writer out) {
      this.deal = deal;
      this.attributes = attributes;
      this.forecast = forecast;
      this.out = out;
    }

    void write() throws IOException {
      for (DealEvent event : deal.history()) {
        String entered = enteredStage(event);
        if (entered == null) {
          valueChanged(event);
          continue;
        }
        if (event instanceof DealEvent.Opened e) {
          amount = e.amount();
          owner = e.owner();
          expectedClose = e.expectedClose();
          values.putAll(e.attributes());
        }
        entry(entered, event.at(), event instanceof DealEvent.Lost lost ? lost.reason() : "");
      }
      flush();
    }

    /** Takes in an event that enters no stage: a column's value changed, or what the format does not carry. */
    private void valueChanged(DealEvent event) throws IOException {
      switch (event.kind()) {
        case AMOUNT_CHANGED -> {
          DealEvent.AmountChanged e = (DealEvent.AmountChanged) event;
          change(0, e.at(), pendingCleared && e.amount().isDefined() && beforeClear.isDefined()
              && !beforeClear.get().currency().equals(e.amount().get().currency()));
          pendingCleared = e.amount().isEmpty();
          beforeClear = amount;
          amount = e.amount();
        }
        case OWNER_CHANGED -> {
          DealEvent.OwnerChanged e = (DealEvent.OwnerChanged) event;
          change(1, e.at(), false);
          owner = e.owner();
        }
        case EXPECTED_CLOSE_CHANGED -> {
          DealEvent.ExpectedCloseChanged e = (DealEvent.ExpectedCloseChanged) event;
          change(2, e.at(), false);
          expectedClose = e.expectedClose();
        }
        case ATTRIBUTE_CHANGED -> {
          DealEvent.AttributeChanged e = (DealEvent.AttributeChanged) event;
          int index = attributes.indexOf(e.key());
          if (index >= 0) {
            change(3 + index, e.at(), false);
          }
          if (e.value().isDefined()) {
            values.put(e.key(), e.value().get());
          } else {
            values.remove(e.key());
          }
        }
        case FORECAST_CATEGORY_OVERRIDDEN -> {
          if (!forecast) {
            throw new IllegalArgumentException("deal " + deal.id() + " has a forecast category set by hand, which "
                + "would be lost: write the forecast_category column (withForecastCategoryColumn(true))");
          }
          change(forecastColumn(), event.at(), false);
          override = ((DealEvent.ForecastCategoryOverridden) event).forecastCategory();
        }
        case QUALIFICATION_UPDATED, PROBABILITY_OVERRIDDEN, ACTIVITY_RECORDED -> { }
        // not part of the format
        case OPENED, STAGE_CHANGED, WON, LOST, REOPENED ->
            throw new IllegalStateException("bug: " + event.kind() + " enters a stage, it is no value change");
      }
    }

    /** A value change in a column (in the reader's order) at an instant. */
    private void change(int column, Instant at, boolean completesCurrencyChange) throws IOException {
      boolean sameRow = pendingAt != null && pendingAt.equals(at)
          && (column > pendingColumn || column == 0 && pendingColumn == 0 && completesCurrencyChange);
      if (!sameRow) {
        flush();
        pendingCleared = false;
      }
      pendingAt = at;
      pendingColumn = column;
    }

    private void entry(String enteredStageId, Instant at, String lostReason) throws IOException {
      // the reader applies a row's category after its stage change: a category set just before a
      // stage change at the same instant needs a row of its own, or the stage change would not end it
      if (pendingAt != null && (!pendingAt.equals(at) || pendingColumn == forecastColumn())) {
        flush();
      }
      override = Option.none(); // a stage change ends an override (Deal#forecastCategoryOverride)
      stageId = enteredStageId;
      row(at, lostReason);
      pendingAt = null;
      pendingColumn = -1;
      pendingCleared = false;
    }

    /** Writes the pending value changes as a row repeating the current stage. */
    private void flush() throws IOException {
      if (pendingAt != null) {
        row(pendingAt, "");
        pendingAt = null;
        pendingColumn = -1;
      }
    }

    private void row(Instant at, String lostReason) throws IOException {
      cells.clear();
      cells.add(deal.id());
      cells.add(stageName(stageId));
      cells.add(at.toString());
      cells.add(amount.map(m -> m.amount().toPlainString()).getOrElse(""));
      cells.add(amount.map(m -> m.currency().getCurrencyCode()).getOrElse(""));
      cells.add(owner);
      cells.add(lostReason);
      cells.add(expectedClose.map(LocalDate::toString).getOrElse(""));
      if (forecast) {
        cells.add(category().name());
      }
      for (String key : attributes) {
        cells.add(values.getOrDefault(key, ""));
      }
      line(out, cells);
    }

    /** The forecast category's place in the reader's order: after every value, as it comes after the stage. */
    private int forecastColumn() {
      return 3 + attributes.size();
    }

    /** The deal's forecast category after the row: its override, else its stage's, or its outcome's. */
    private ForecastCategory category() {
      Stage stage = stage(stageId);
      return switch (stage.kind()) {
        case OPEN -> override.getOrElse(stage.forecastCategory());
        case WON -> ForecastCategory.CLOSED;
        case LOST -> ForecastCategory.OMITTED;
      };
    }
  }

  private String stageName(String stageId) {
    return stage(stageId).name();
  }

  private Stage stage(String stageId) {
    return pipeline.stage(stageId).getOrElseThrow(() -> new IllegalStateException(
        "bug: a deal of pipeline '" + pipeline.id() + "' entered stage '" + stageId + "' which it does not have"));
  }

  /**
   * The stage an event enters, or null for an event that enters none: a switch expression over
   * every kind, so that a new kind of event does not compile until it is placed here.
   */
  private static String enteredStage(DealEvent event) {
    return switch (event.kind()) {
      case OPENED -> ((DealEvent.Opened) event).stageId();
      case STAGE_CHANGED -> ((DealEvent.StageChanged) event).toStageId();
      case WON -> ((DealEvent.Won) event).wonStageId();
      case LOST -> ((DealEvent.Lost) event).lostStageId();
      case REOPENED -> ((DealEvent.Reopened) event).toStageId();
      case AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, PROBABILITY_OVERRIDDEN,
          OWNER_CHANGED, ACTIVITY_RECORDED, FORECAST_CATEGORY_OVERRIDDEN -> null;
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
    seen.put(FORECAST_CATEGORY, FORECAST_CATEGORY);
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
