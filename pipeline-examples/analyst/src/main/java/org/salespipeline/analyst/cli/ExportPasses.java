package org.salespipeline.analyst.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.ExportProfile;
import org.salespipeline.core.Deal;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;

/**
 * The deals a command goes over, pass after pass, and what the export tells besides them
 * ({@link ExportProfile}): either loaded once and held in memory, or, for a file grouped by deal
 * ({@code --grouped}), read again from the file for every pass, each deal built as its rows end and
 * dropped once the pass has seen it. {@code metrics} and {@code prioritize} run the same code either
 * way, so a grouped file gives the very output the same file gives without {@code --grouped}.
 *
 * <p>Design: the first pass over a grouped file makes the profile and reports the rejected rows
 * (on the held warnings, as loading the whole file does); later passes report nothing and must
 * count what the first counted, else the file changed while it was read, which is the user's to
 * fix. A grouped run holds the profile (the rejected rows only when {@code keepRejections}, for
 * JSON and CSV output), what each pass computes, and the largest deal being read, never the
 * deals.
 */
final class ExportPasses {

  private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream(), true,
      StandardCharsets.UTF_8);

  private final ExportProfile profile;
  private final Export held; // null when the file is read again for each pass
  private final HistoryInput input;

  private ExportPasses(ExportProfile profile, Export held, HistoryInput input) {
    this.profile = profile;
    this.held = held;
    this.input = input;
  }

  /**
   * Loads the file (not grouped), or reads it once to know its profile (grouped).
   *
   * @param input the file and how to read it, not null
   * @param grouped whether the file lists each deal's rows together ({@code --grouped})
   * @param warnings where the rejected rows are reported, not null
   * @param keepRejections whether a grouped reading keeps every rejected row for the output (loading
   *     the whole file always keeps them)
   * @return the passes, never null
   * @throws UsageException if the file cannot be read, or read strictly has a bad row
   */
  static ExportPasses of(HistoryInput input, boolean grouped, HeldWarnings warnings, boolean keepRejections)
      throws UsageException {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(warnings, "warnings");
    if (!grouped) {
      Export export = input.export(warnings);
      return new ExportPasses(export.profile(), export, input);
    }
    ExportProfile.Builder builder = ExportProfile.builder(input.file().toString(), input.pipeline(),
        input.defaultCurrency());
    List<RowRejection> rejections = new ArrayList<>();
    Map<String, Currency> unpriced = new HashMap<>();
    ReadSummary summary = warnings.reading(held -> input.read(held, builder::add,
        keepRejections ? rejections::add : r -> { }, unpriced::put));
    return new ExportPasses(builder.build(summary, rejections, unpriced), null, input);
  }

  /** Returns what the export tells besides its deals. */
  ExportProfile profile() {
    return profile;
  }

  /**
   * Hands every deal to an action, in the order the file gives them: from memory, or by reading
   * the grouped file again.
   *
   * @throws UsageException if the file cannot be read again, or no longer holds what it held
   */
  void forEach(Consumer<? super Deal> action) throws UsageException {
    Objects.requireNonNull(action, "action");
    if (held != null) {
      held.deals().forEach(action);
      return;
    }
    ReadSummary again = input.read(SILENT, action, r -> { }, (id, currency) -> { });
    if (!again.equals(profile.summary())) {
      throw new UsageException(input.file() + " changed while it was read (first " + profile.summary() + ", then "
          + again + "): --grouped reads the file more than once; run again once it is written");
    }
  }
}
