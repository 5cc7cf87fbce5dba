package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.salespipeline.history.importers.ImportShape;
import org.salespipeline.history.importers.ImportedHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import --from SHAPE EXPORT [--out FILE]}: turns a CRM export into a stage-history
 * CSV file (standard output without {@code --out}), printing on standard error the import's
 * rejected records, warnings and counts, and the {@code --stages}, {@code --won} and
 * {@code --lost} to read the result with. Its reading options are the same {@link ReadingOptions}
 * every command reads a history with.
 */
@Command(name = "import", sortOptions = false, sortSynopsis = false,
    header = "turn a CRM export (opportunities, salesforce-history, hubspot) into a stage-history file",
    description = {
        "Reads a CRM export of a known shape and writes the stage history it holds, each value at the instant "
            + "it became known (pipeline-examples/stage-history/README.md, \"Importing CRM exports\"): "
            + "opportunities (one row per opportunity, the Maven CRM sample: opportunity_id, sales_agent, "
            + "deal_stage, engage_date, close_date, close_value, ...), salesforce-history (a Salesforce "
            + "OpportunityHistory export; --join the Opportunity export), hubspot (deals with their "
            + "'Date entered \"<stage> (<pipeline>)\"' columns).",
        "",
        "Strict by default: the first bad record stops the import (exit 2) with its file, line, record and "
            + "reason; with --skip-bad-rows each bad record is listed and its deal left out whole. Records set "
            + "aside (no created date, another pipeline, deleted) are counted; the counts always add up. Every "
            + "command that reads a history reads an export directly with --history FILE --history-shape SHAPE "
            + "and the same options."})
final class ImportCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Option(names = "--from", required = true, paramLabel = "SHAPE", order = 1,
      description = "the export's shape: opportunities, salesforce-history, hubspot")
  private String from = "";

  @Parameters(index = "0", paramLabel = "EXPORT", description = "the CRM export (CSV)")
  private Path export = Path.of("");

  @Option(names = "--out", paramLabel = "FILE", order = 3,
      description = "where to write the stage-history CSV, UTF-8 (default: standard output)")
  private Path target;

  @Option(names = "--stages", paramLabel = "\"A,B,C\"", order = 4,
      description = "the open stages in order (default: the shape's)")
  private String stages;

  @Option(names = "--won", paramLabel = "NAME", order = 5, description = "the won stage (default: the shape's)")
  private String won;

  @Option(names = "--lost", paramLabel = "NAME", order = 6, description = "the lost stage (default: the shape's)")
  private String lost;

  @Mixin
  private ReadingOptions reading = new ReadingOptions();

  @Mixin
  private ShapeOptions shape = new ShapeOptions();

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    PrintStream err = main.err();
    ImportShape known = VendorImport.shape("--from", from);
    ImportedHistory history = VendorImport.run(shape.request(known, export, stages, won, lost,
        reading.readOptions()), err);
    try {
      if (target == null) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        history.write(writer);
        writer.flush();
      } else {
        history.write(target);
      }
    } catch (IOException e) {
      throw new UsageException("cannot write " + (target == null ? "standard output" : target) + ": "
          + e.getMessage(), e);
    }
    err.println("read it with: --stages \"" + history.stagesOption() + "\" --won \"" + history.wonStage()
        + "\" --lost \"" + history.lostStage() + "\"");
    return 0;
  }
}
