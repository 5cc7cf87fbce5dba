// The analyst's JShell kit. From the repository root:
//   jshell --class-path pipeline-examples/analyst/target/pipeline-analyst-0.1.0-SNAPSHOT-all.jar pipeline-examples/analyst/src/main/jshell/analyst.jsh
// Each method below is one line over org.salespipeline.analyst.Analyst, whose Javadoc says
// what it decides. They print whole tables (JShell would cut a long value at 1,000 characters);
// Analyst.metrics(deals), Analyst.prioritize(deals), Analyst.movement(deals, from, to), Analyst.forecast(deals,
// unit) and Analyst.hygiene(deals) return the same results as typed values.
import java.nio.file.Path;
import java.time.*;
import org.salespipeline.core.*;
import org.salespipeline.metrics.*;
import org.salespipeline.scoring.*;
import org.salespipeline.analyst.*;
import org.salespipeline.history.*;
import org.salespipeline.history.importers.*;

Export load(String file, String openStages) { return Analyst.load(file, openStages); }
Export load(String file, String openStages, String won, String lost) { return Analyst.load(file, openStages, won, lost); }
Export load(String file, String openStages, ReadOptions options) { return Analyst.load(Path.of(file), HistoryPipeline.parse(openStages, "Won", "Lost"), options); }
Export importFrom(String shape, String file) { var deals = Analyst.importFrom(shape, file); deals.importNotes().stream().limit(12).forEach(System.out::println); return deals; }
Export importFrom(ImportRequest request) { var deals = Analyst.importFrom(request); deals.importNotes().stream().limit(12).forEach(System.out::println); return deals; }
ReadOptions skipBadRows() { return ReadOptions.defaults().withSkipBadRows(true); }
void warnings(Export deals) { Analyst.warnings(deals).forEach(w -> System.out.println("warning: " + w)); }
void describe(Export deals) { System.out.print(deals.describe()); }
void rejections(Export deals) { deals.rejections().forEach(System.out::println); }
void metrics(Export deals) { System.out.print(Analyst.metrics(deals)); }
void metrics(Export deals, String groupBy) { System.out.print(Analyst.metrics(deals, groupBy)); }
void prioritize(Export deals) { System.out.print(Analyst.prioritize(deals)); }
void prioritize(Export deals, String scorer) { System.out.print(Analyst.prioritize(deals, scorer)); }
void movement(Export deals, String from, String to) { System.out.print(Analyst.movement(deals, from, to)); }
void forecast(Export deals, String unit) { System.out.print(Analyst.forecast(deals, unit)); }
void hygiene(Export deals) { System.out.print(Analyst.hygiene(deals)); }
Path report(Export deals, String file) { return Analyst.report(deals, file); }

System.out.println("""
    Sales pipeline analyst kit:
      var deals = load("export.csv", "Prospecting,Qualification,Proposal")  // closing stages Won, Lost
      var deals = load("export.csv", "Prospecting,Qualification,Proposal", skipBadRows())  // or .withDelimiter(';')...
      var deals = importFrom("opportunities", "sales_pipeline.csv")  // a CRM export: or salesforce-history, hubspot
      describe(deals)      rejections(deals)      warnings(deals)
      metrics(deals)       metrics(deals, "owner")        // or any attribute column
      prioritize(deals)    prioritize(deals, "naive-bayes")
      movement(deals, "2026-07-01", "2026-08-01")         // the pipeline's waterfall over [from, to)
      forecast(deals, "quarter")                          // or "month": closed won, commit, best case, ...
      hygiene(deals)                                      // open deals with a passed close date, quiet, ...
      report(deals, "report.html")                        // the HTML report, one self-contained file
      var report = Analyst.metrics(deals)                 // the figures as values: report.winRate()""");
