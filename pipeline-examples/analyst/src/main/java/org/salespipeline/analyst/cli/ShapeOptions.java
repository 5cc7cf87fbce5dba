package org.salespipeline.analyst.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.history.ReadOptions;
import org.salespipeline.history.importers.ImportOptions;
import org.salespipeline.history.importers.ImportRequest;
import org.salespipeline.history.importers.ImportShape;
import picocli.CommandLine.Option;

/**
 * The options only a CRM export has ({@code import --from SHAPE}, or {@code --history-shape SHAPE}
 * on the commands that read a history): {@code --join}, {@code --column}, {@code --opened-in},
 * {@code --pipeline}, {@code --keep-zero-lost-amounts} and {@code --export-zone}, a picocli mixin. The
 * options an export shares with a stage-history file are {@link ReadingOptions}, given once.
 */
final class ShapeOptions {

  @Option(names = "--join", paramLabel = "FILE", order = 14,
      description = "salesforce-history: the Opportunity export joined for owners and fields")
  Path join;

  @Option(names = "--column", paramLabel = "DEFAULT=YOURS", order = 15,
      description = "read a column of the export's shape under your name, such as \"Deal Stage=Stage\" "
          + "(repeatable; several may be separated by ;)")
  List<String> columns = new ArrayList<>();

  @Option(names = "--opened-in", paramLabel = "STAGE", order = 16,
      description = "opportunities: the stage closed opportunities open in at their created date")
  String openedIn;

  @Option(names = "--pipeline", paramLabel = "NAME", order = 17,
      description = "hubspot: the pipeline to import when the export has several")
  String pipeline;

  @Option(names = "--keep-zero-lost-amounts", order = 18,
      description = "opportunities: keep a lost deal's amount 0 (read as unknown by default)")
  boolean keepZeroLostAmounts;

  @Option(names = "--export-zone", paramLabel = "ZONE", order = 19,
      description = "the time zone of an export's dates written without offset, such as America/New_York "
          + "(default: UTC)")
  String zone;

  /**
   * Returns the first of these options given, for a message when no shape is; empty when none is.
   */
  String given() {
    if (join != null) {
      return "--join";
    }
    if (!columns.isEmpty()) {
      return "--column";
    }
    if (openedIn != null) {
      return "--opened-in";
    }
    if (pipeline != null) {
      return "--pipeline";
    }
    if (keepZeroLostAmounts) {
      return "--keep-zero-lost-amounts";
    }
    return zone != null ? "--export-zone" : "";
  }

  /**
   * Returns the import these options, the stage options and the reading options ask for.
   *
   * @param shape the export's shape, not null
   * @param file the export, not null
   * @param stages {@code --stages}, or null for the shape's
   * @param won {@code --won}, or null for the shape's
   * @param lost {@code --lost}, or null for the shape's
   * @param reading the reading options, not null
   * @throws UsageException if a {@code --column} or the {@code --export-zone} is not valid
   */
  ImportRequest request(ImportShape shape, Path file, String stages, String won, String lost, ReadOptions reading)
      throws UsageException {
    ImportRequest request = ImportRequest.of(shape, file);
    if (join != null) {
      request = request.withJoined(join);
    }
    if (stages != null || won != null || lost != null) {
      request = request.withStages(io.vavr.control.Option.of(stages), io.vavr.control.Option.of(won),
          io.vavr.control.Option.of(lost));
    }
    if (openedIn != null) {
      request = request.withOpenedIn(openedIn);
    }
    if (pipeline != null) {
      request = request.withPipeline(pipeline);
    }
    for (String given : columns) {
      for (String column : given.split(";")) {
        if (column.isBlank()) {
          continue;
        }
        int equals = column.indexOf('=');
        if (equals <= 0 || column.substring(equals + 1).isBlank()) {
          throw new UsageException("bad --column '" + column.strip() + "': write DEFAULT=YOURS, such as "
              + "\"Deal Stage=Stage\"");
        }
        request = request.withColumn(column.substring(0, equals).strip(), column.substring(equals + 1).strip());
      }
    }
    ImportOptions options = ImportOptions.defaults().withReading(reading);
    if (zone != null) {
      try {
        options = options.withZone(ZoneId.of(zone));
      } catch (DateTimeException e) {
        throw new UsageException("bad --export-zone: " + e.getMessage() + " (a zone such as UTC, Europe/Paris or +02:00)", e);
      }
    }
    return request.withKeepZeroLostAmounts(keepZeroLostAmounts).withOptions(options);
  }
}
