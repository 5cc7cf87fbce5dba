package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code summary}: reads a stage history and tells what it held: rows and deals read and
 * rejected, deals open, won and lost, and deals in each stage now. Reads in one pass without
 * keeping the deals, so with {@code --grouped} it checks a file of any size in bounded memory.
 */
@Command(name = "summary", sortOptions = false, sortSynopsis = false,
    header = "check a stage-history file: rows and deals read and rejected, deals per stage",
    description = {
        "Reads a stage-history CSV file through the pipeline's state machine and prints how many rows "
            + "and deals it held, how many were rejected (each rejected row is listed on standard error with "
            + "its line and reason), and how many deals are open, won, lost and in each stage now. JSON keys: "
            + "rowsRead, rejectedRows, dealsRead, rejectedDeals, deals (loaded), open, won, lost, stages "
            + "(deals now in each stage, in pipeline order), rejections (line, dealId, reason of each row left "
            + "out)."})
final class SummaryCommand implements Callable<Integer> {

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Mixin
  private GroupedOption grouping = new GroupedOption();

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", converter = Format.TableOrJson.class,
      order = 30, description = "how to print the result: aligned tables, or one JSON object (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    PrintStream err = main.err();
    HistoryInput input = HistoryInput.from(loading, grouping.grouped, main.err());
    Pipeline pipeline = input.pipeline();
    Map<String, Long> perStage = new LinkedHashMap<>();
    for (Stage stage : pipeline.stages()) {
      perStage.put(stage.id(), 0L);
    }
    List<RowRejection> rejections = new ArrayList<>();
    ReadSummary summary = input.read(err, (Deal deal) -> perStage.merge(deal.stageId(), 1L, Long::sum),
        format == Format.JSON ? rejections::add : r -> { }); // the table lists them on standard error only

    long won = perStage.get(pipeline.wonStage().id());
    long lost = perStage.get(pipeline.lostStage().id());
    long open = summary.loadedDeals() - won - lost;
    if (format == Format.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rowsRead", summary.rows());
      json.put("rejectedRows", summary.rejectedRows());
      json.put("dealsRead", summary.deals());
      json.put("rejectedDeals", summary.rejectedDeals());
      json.put("deals", summary.loadedDeals());
      json.put("open", open);
      json.put("won", won);
      json.put("lost", lost);
      Map<String, Object> stages = new LinkedHashMap<>();
      for (Stage stage : pipeline.stages()) {
        stages.put(stage.name(), perStage.get(stage.id()));
      }
      json.put("stages", stages);
      json.put("rejections", Rejections.json(summary, rejections).get("rejections"));
      out.println(Json.write(json));
      return 0;
    }
    out.printf("%s%n", input.file());
    out.printf("  rows   %,10d read  %,10d rejected%n", summary.rows(), summary.rejectedRows());
    out.printf("  deals  %,10d read  %,10d rejected%n", summary.deals(), summary.rejectedDeals());
    out.printf("  loaded %,10d deals: %,d open, %,d won, %,d lost%n", summary.loadedDeals(), open, won, lost);
    int width = pipeline.stages().stream().mapToInt(s -> s.name().length()).max().orElse(5);
    out.printf("  %-" + width + "s  %10s%n", "stage", "deals now");
    for (Stage stage : pipeline.stages()) {
      out.printf("  %-" + width + "s  %,10d%n", stage.name(), perStage.get(stage.id()));
    }
    return 0;
  }
}
