package org.salespipeline.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped JShell kit, {@code src/main/jshell/analyst.jsh}, through the {@code jdk.jshell}
 * API: every snippet of the script must be accepted, then the README's session must print the
 * figures worked out in {@link SampleExport}. The snippets run in this JVM (the local execution
 * engine), so their standard output is captured here.
 */
class AnalystScriptTest {

  private static final Path SCRIPT = Path.of("src/main/jshell/analyst.jsh");

  @TempDir
  Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream systemOut;
  private JShell shell;

  @BeforeEach
  void startShell() {
    systemOut = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      shell.addToClasspath(entry);
    }
  }

  @AfterEach
  void closeShell() {
    shell.close();
    System.setOut(systemOut);
  }

  private List<SnippetEvent> eval(String source) {
    List<SnippetEvent> events = new ArrayList<>();
    String remaining = source;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
      assertThat(info.completeness().isComplete()).as("a complete snippet in: %s", remaining).isTrue();
      events.addAll(shell.eval(info.source()));
      remaining = info.remaining();
    }
    return events;
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private void assertAccepted(List<SnippetEvent> events) {
    assertThat(events).isNotEmpty().allSatisfy(event -> {
      assertThat(event.status()).as("%s: %s", event.snippet().source(),
          shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList()).isEqualTo(Snippet.Status.VALID);
      assertThat(event.exception()).as(event.snippet().source()).isNull();
    });
  }

  @Test
  void script_everySnippetIsAccepted_andPrintsTheHelp() throws IOException {
    List<SnippetEvent> events = eval(Files.readString(SCRIPT));

    assertAccepted(events);
    assertThat(events).extracting(e -> e.snippet().kind()).contains(Snippet.Kind.IMPORT, Snippet.Kind.METHOD);
    assertThat(printed()).contains("var deals = load(\"export.csv\", \"Prospecting,Qualification,Proposal\")");
  }

  @Test
  void readmeSession_loadMetricsPrioritize_printWholeTables() throws IOException {
    Path csv = Files.writeString(dir.resolve("export.csv"), SampleExport.CSV);
    assertAccepted(eval(Files.readString(SCRIPT)));
    printed.reset();

    List<SnippetEvent> load = eval("var deals = load(\"" + csv.toString().replace("\\", "\\\\")
        + "\", \"Prospecting,Qualification,Proposal\", skipBadRows())");
    assertAccepted(load);
    assertThat(load.get(0).value()).startsWith("11 deals (5 open, 3 won, 3 lost), 2 of 31 rows rejected");

    assertAccepted(eval("metrics(deals)"));
    assertThat(printed()).contains("Pipeline metrics: Stage history, as of 2024-04-01T00:00:00Z")
        .contains("by count      50.0%  [18.8%, 81.2%]      6")
        .contains("USD            84000.00 USD  64500.00 USD      907.2581 USD");
    printed.reset();

    assertAccepted(eval("prioritize(deals)"));
    assertThat(printed()).contains("   1  D-6   Qualification   75.0%   45,000.00 USD");
    printed.reset();

    assertAccepted(eval("metrics(deals, \"owner\")"));
    assertThat(printed()).contains("Groups (owner)");
    printed.reset();

    List<SnippetEvent> typed = eval("Analyst.metrics(deals).winRate().get().value()");
    assertAccepted(typed);
    assertThat(typed.get(0).value()).isEqualTo("0.5");

    Path html = dir.resolve("out").resolve("report.html");
    List<SnippetEvent> report = eval("report(deals, \"" + html.toString().replace("\\", "\\\\") + "\")");
    assertAccepted(report);
    assertThat(html).exists();
    assertThat(Files.readString(html)).contains("<svg").contains("D-6").doesNotContain("<script");
  }

  @Test
  void importSession_aCrmExportStraightIntoMetrics() throws IOException {
    Path csv = Files.writeString(dir.resolve("sales_pipeline.csv"), String.join("\n",
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        "A1,ann,Widget,Acme,Won,2017-01-01,2017-01-11,100", "A2,ann,Widget,,Lost,2017-01-01,2017-01-31,0",
        "A3,bo,Gadget,Initech,Engaging,2017-02-01,,", "A4,cy,Widget,,Prospecting,,,") + "\n");
    assertAccepted(eval(Files.readString(SCRIPT)));
    printed.reset();

    List<SnippetEvent> load = eval("var deals = importFrom(\"opportunities\", \"" + csv.toString().replace("\\", "\\\\")
        + "\")");
    assertAccepted(load);
    assertThat(load.get(0).value()).startsWith("3 deals (1 open, 1 won, 1 lost)");
    assertThat(printed()).contains("imported as opportunities: 4 records = 3 imported + 0 rejected + 1 set aside")
        .contains("warning: 1 opportunities without engage_date");
    printed.reset();

    assertAccepted(eval("metrics(deals)"));
    assertThat(printed()).contains("Win rate").containsPattern("by count +50.0%");
  }

  /** The figures of {@link RevenueHistory}, worked by hand in {@code cli.RevenueCommandsTest}. */
  @Test
  void revenueSession_movementForecastHygiene_printTheirTables() throws IOException {
    Path csv = Files.writeString(dir.resolve("history.csv"), RevenueHistory.CSV);
    assertAccepted(eval(Files.readString(SCRIPT)));
    assertAccepted(eval("var deals = load(\"" + csv.toString().replace("\\", "\\\\") + "\", \""
        + RevenueHistory.STAGES + "\")"));
    printed.reset();

    assertAccepted(eval("movement(deals, \"2026-07-01\", \"2026-08-01\")"));
    assertThat(printed()).containsPattern("start +4 +3900\\.00 USD").containsPattern("- lost +1 +700\\.12 USD")
        .containsPattern("= end +5 +3600\\.00 USD");
    printed.reset();

    assertAccepted(eval("forecast(deals, \"quarter\")"));
    assertThat(printed()).containsPattern("2026-Q3 +\\(all\\) +deals +1 +1 +1 +0 +1")
        .contains("No expected close date (open, in no period): 5 (3600.00 USD)");
    printed.reset();

    assertAccepted(eval("hygiene(deals)"));
    assertThat(printed()).containsPattern("\\(all\\) +5 +5 +0 +5 +4 +1 +1 +0");
    printed.reset();

    List<SnippetEvent> typed = eval("Analyst.movement(deals, \"2026-07-01\", \"2026-08-01\").total().end().count()");
    assertAccepted(typed);
    assertThat(typed.get(0).value()).isEqualTo("5");
  }
}
