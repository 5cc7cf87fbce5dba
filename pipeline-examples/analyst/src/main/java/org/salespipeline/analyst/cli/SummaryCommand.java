package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.history.ReadSummary;
import org.salespipeline.history.RowRejection;

/**
 * {@code summary}: reads a stage history and tells what it held: rows and deals read and
 * rejected, deals open, won and lost, and deals in each stage now. Reads in one pass without
 * keeping the deals, so with {@code --grouped} it checks a file of any size in bounded memory.
 */
final class SummaryCommand implements Command {

  @Override
  public String name() {
    return "summary";
  }

  @Override
  public String summary() {
    return "check a stage-history file: rows and deals read and rejected, deals per stage";
  }

  @Override
  public String description() {
    return "Reads a stage-history CSV file through the pipeline's state machine and prints how many rows\n"
        + "and deals it held, how many were rejected (each rejected row is listed on standard error with\n"
        + "its line and reason), and how many deals are open, won, lost and in each stage now.\n"
        + "JSON keys: rowsRead, rejectedRows, dealsRead, rejectedDeals, deals (loaded), open, won, lost,\n"
        + "stages (deals now in each stage, in pipeline order).";
  }

  @Override
  public List<OptionSpec> options() {
    List<OptionSpec> options = new ArrayList<>(HistoryInput.OPTIONS);
    options.add(OptionSpec.optional("format", "table|json", "how to print the result", "table"));
    return options;
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException {
    String format = args.value("format", "table");
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("bad --format: expected table or json but was '" + format + "'");
    }
    HistoryInput input = HistoryInput.from(args);
    Pipeline pipeline = input.pipeline();
    Map<String, Long> perStage = new LinkedHashMap<>();
    for (Stage stage : pipeline.stages()) {
      perStage.put(stage.id(), 0L);
    }
    List<RowRejection> rejections = new ArrayList<>();
    ReadSummary summary = input.read(err, (Deal deal) -> perStage.merge(deal.stageId(), 1L, Long::sum),
        format.equals("json") ? rejections::add : r -> { }); // the table lists them on standard error only

    long won = perStage.get(pipeline.wonStage().id());
    long lost = perStage.get(pipeline.lostStage().id());
    long open = summary.loadedDeals() - won - lost;
    if (format.equals("json")) {
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
