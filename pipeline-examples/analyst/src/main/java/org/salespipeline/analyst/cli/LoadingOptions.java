package org.salespipeline.analyst.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say how to load a stage history, the same for every command that reads one: a
 * picocli mixin. {@link HistoryInput#from(LoadingOptions, java.io.PrintStream)} turns them into a reader: the file and
 * its stages, the default currency, the reading options ({@link ReadingOptions}:
 * {@code --skip-bad-rows}, {@code --delimiter}, {@code --date-format}, {@code --decimal-comma},
 * {@code --encoding}, {@code --allow-any-year}) and, to go straight from a CRM export,
 * {@code --history-shape} with the options only an export has ({@link ShapeOptions}).
 *
 * <p>Adding a loading option is one annotated field here and its use in
 * {@link HistoryInput#from(LoadingOptions, java.io.PrintStream)}; every command then takes it.
 */
final class LoadingOptions {

  @Option(names = "--history", required = true, paramLabel = "FILE", order = 1,
      description = "the stage-history CSV file: deal_id, stage, entered_at, ... (or a CRM export with --history-shape)")
  Path history = Path.of("");

  @Option(names = "--stages", paramLabel = "\"A,B,C\"", order = 2,
      description = "the open stages in order, comma-separated (matched ignoring case); required unless "
          + "--history-shape gives them")
  String stages;

  @Option(names = "--won", paramLabel = "NAME", order = 3,
      description = "the name of the won stage (default: Won, or the export shape's)")
  String won;

  @Option(names = "--lost", paramLabel = "NAME", order = 4,
      description = "the name of the lost stage (default: Lost, or the export shape's)")
  String lost;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", order = 5,
      description = "the currency of amounts whose rows give none, ISO 4217 (default: ${DEFAULT-VALUE})")
  String currency = "USD";

  @Mixin
  ReadingOptions reading = new ReadingOptions();

  @Option(names = "--history-shape", paramLabel = "SHAPE", order = 13,
      description = "read --history as a CRM export through an importer: opportunities, salesforce-history, "
          + "hubspot (see the import command); its stages are the shape's unless --stages, --won, --lost say")
  String historyShape;

  @Mixin
  ShapeOptions shape = new ShapeOptions();
}
