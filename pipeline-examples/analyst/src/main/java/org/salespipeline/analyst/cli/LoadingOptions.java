package org.salespipeline.analyst.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say how to load a stage-history file, the same for every command that reads
 * one: a picocli mixin. {@link HistoryInput#from(LoadingOptions)} turns them into a reader.
 *
 * <p>Adding a loading option is one annotated field here and its use in
 * {@link HistoryInput#from(LoadingOptions)}; every command then takes it.
 */
final class LoadingOptions {

  @Option(names = "--history", required = true, paramLabel = "FILE", order = 1,
      description = "the stage-history CSV file (UTF-8): deal_id, stage, entered_at, ...")
  Path history = Path.of("");

  @Option(names = "--stages", required = true, paramLabel = "\"A,B,C\"", order = 2,
      description = "the open stages in order, comma-separated (matched ignoring case)")
  String stages = "";

  @Option(names = "--won", paramLabel = "NAME", defaultValue = "Won", order = 3,
      description = "the name of the won stage (default: ${DEFAULT-VALUE})")
  String won = "Won";

  @Option(names = "--lost", paramLabel = "NAME", defaultValue = "Lost", order = 4,
      description = "the name of the lost stage (default: ${DEFAULT-VALUE})")
  String lost = "Lost";

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD", order = 5,
      description = "the currency of amounts whose rows give none, ISO 4217 (default: ${DEFAULT-VALUE})")
  String currency = "USD";

  @Option(names = "--grouped", order = 6,
      description = "the file lists each deal's rows together: read it in bounded memory")
  boolean grouped;
}
