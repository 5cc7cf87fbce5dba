package org.salespipeline.history.importers;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.CsvRecords;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.StageHistoryReader;

/**
 * A CRM export turned into a stage history: the rows (SPEC §6), the stages they use, what was
 * rejected or set aside, the warnings, and the counts. Write it as a stage-history CSV file
 * ({@link #write(Path)}) or load it into deals at once ({@link #load()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param shape the export shape it was imported from
 * @param openStages the open stages in pipeline order
 * @param wonStage the won stage's name
 * @param lostStage the lost stage's name
 * @param rows the stage-history rows, each deal's in time order, deals in the order first seen
 * @param rejections the records not imported, in file and line order
 * @param setAside by reason, the deal ids (or lines) of records set aside, each reason in the
 *     order first met
 * @param warnings what the figures drawn from this history cannot show, or rest on, as sentences
 * @param summary the counts, which add up
 */
public record ImportedHistory(ImportShape shape, List<String> openStages, String wonStage, String lostStage,
    List<HistoryRow> rows, List<ImportRejection> rejections, Map<String, List<String>> setAside,
    List<String> warnings, ImportSummary summary) {

  private static final List<String> FIXED =
      List.of("deal_id", "stage", "entered_at", "amount", "currency", "owner", "lost_reason");

  /**
   * Creates the value, copying the collections.
   *
   * @param shape the export shape it was imported from
   * @param openStages the open stages in pipeline order
   * @param wonStage the won stage's name
   * @param lostStage the lost stage's name
   * @param rows the stage-history rows, each deal's in time order, deals in the order first seen
   * @param rejections the records not imported, in file and line order
   * @param setAside by reason, the deal ids (or lines) of records set aside
   * @param warnings what the figures drawn from this history cannot show, or rest on, as sentences
   * @param summary the counts, which add up
   * @throws IllegalArgumentException if there is no open stage
   */
  public ImportedHistory {
    Objects.requireNonNull(shape, "shape");
    openStages = List.copyOf(openStages);
    if (openStages.isEmpty()) {
      throw new IllegalArgumentException("openStages must not be empty");
    }
    Objects.requireNonNull(wonStage, "wonStage");
    Objects.requireNonNull(lostStage, "lostStage");
    rows = List.copyOf(rows);
    rejections = List.copyOf(rejections);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(setAside, "setAside").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    setAside = Collections.unmodifiableMap(copy);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * Returns the pipeline of the stages, as {@link HistoryPipeline#of} builds it.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return HistoryPipeline.of(openStages, wonStage, lostStage);
  }

  /**
   * Returns the open stages comma-separated, as {@code --stages} takes them.
   *
   * @return the text, never null
   */
  public String stagesOption() {
    return String.join(",", openStages);
  }

  /**
   * Loads the history into deals with a stage-history reader for {@link #pipeline()}.
   *
   * @return the deals, never null
   * @throws IOException if the stage-history reader refuses the rows
   */
  public LoadedHistory load() throws IOException {
    return load(StageHistoryReader.of(pipeline()));
  }

  /**
   * Loads the history into deals with a given stage-history reader (for its default currency,
   * say). The rows are handed over as stage-history CSV text in memory.
   *
   * @param reader the reader, not null; its pipeline must have this history's stages
   * @return the deals, never null
   * @throws IOException if the reader refuses the rows
   */
  public LoadedHistory load(StageHistoryReader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    StringWriter text = new StringWriter();
    write(text);
    return reader.load(new StringReader(text.toString()));
  }

  /**
   * Writes the history as a stage-history CSV file in UTF-8, replacing it.
   *
   * @param file the file, not null
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(out);
    }
  }

  /**
   * Writes the history as stage-history CSV (RFC 4180, CRLF, cells escaped as the
   * stage-history writer does): {@code deal_id, stage, entered_at, amount, currency, owner,
   * lost_reason}, {@code expected_close} and {@code forecast_category} when a row has one, then one
   * column per attribute in the order first met. Each row carries only the values that became known at its instant.
   *
   * @param out where to write, not null; not closed
   * @throws IOException if writing fails
   */
  public void write(Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    boolean expected = rows.stream().anyMatch(r -> r.expectedClose().isDefined());
    boolean forecast = rows.stream().anyMatch(r -> r.forecastCategory().isDefined());
    Set<String> attributes = new LinkedHashSet<>();
    for (HistoryRow row : rows) {
      attributes.addAll(row.attributes().keySet());
    }
    List<String> header = new ArrayList<>(FIXED);
    if (expected) {
      header.add("expected_close");
    }
    if (forecast) {
      header.add("forecast_category");
    }
    header.addAll(attributes);
    line(out, header);
    List<String> cells = new ArrayList<>(header.size());
    for (HistoryRow row : rows) {
      cells.clear();
      cells.add(row.dealId());
      cells.add(row.stage());
      cells.add(row.enteredAt().toString());
      cells.add(row.amount().map(a -> a.toPlainString()).getOrElse(""));
      cells.add(row.currency().map(c -> c.getCurrencyCode()).getOrElse(""));
      cells.add(row.owner().getOrElse(""));
      cells.add(row.lostReason().getOrElse(""));
      if (expected) {
        cells.add(row.expectedClose().map(Object::toString).getOrElse(""));
      }
      if (forecast) {
        cells.add(row.forecastCategory().map(Enum::name).getOrElse(""));
      }
      for (String key : attributes) {
        cells.add(row.attributes().getOrDefault(key, ""));
      }
      line(out, cells);
    }
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(CsvRecords.encode(cells.get(i)));
    }
    out.write("\r\n");
  }
}
