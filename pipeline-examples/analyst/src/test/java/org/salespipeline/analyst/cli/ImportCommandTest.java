package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import --from SHAPE} and {@code --history-shape SHAPE} on small exports written as the
 * vendors write them: the Maven CRM sample's shape, a Salesforce {@code OpportunityHistory} with
 * its {@code Opportunity} export, and a HubSpot deals export.
 */
class ImportCommandTest {

  private static final String OPPORTUNITIES = String.join("\r\n",
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
      "A1,ann,Widget,Acme,Won,2017-01-01,2017-01-11,100",
      "A2,ann,Widget,,Won,2017-01-01,2017-01-31,300",
      "A3,bo,Gadget,Initech,Lost,2017-01-05,2017-01-06,0",
      "A4,bo,Gadget,Initech,Engaging,2017-02-01,,",
      "A5,cy,Widget,,Prospecting,,,") + "\r\n";

  private static final String SALESFORCE_HISTORY = String.join("\r\n",
      "\"Id\",\"OpportunityId\",\"CreatedDate\",\"StageName\",\"Amount\",\"CloseDate\",\"Probability\","
          + "\"ForecastCategory\",\"IsDeleted\"",
      "\"008A\",\"006X1\",\"2023-01-09T14:02:11.000Z\",\"Prospecting\",\"12000.00\",\"2023-03-31\",\"10\","
          + "\"Pipeline\",\"false\"",
      "\"008B\",\"006X1\",\"2023-02-06T16:40:03.000Z\",\"Qualification\",\"15500.00\",\"2023-04-28\",\"20\","
          + "\"Pipeline\",\"false\"",
      "\"008C\",\"006X1\",\"2023-04-20T11:03:27.000Z\",\"Closed Won\",\"15500.00\",\"2023-04-20\",\"100\","
          + "\"Closed\",\"false\"",
      "\"008D\",\"006X2\",\"2023-02-01T08:00:00.000Z\",\"Prospecting\",\"8000.00\",\"2023-05-02\",\"10\","
          + "\"Pipeline\",\"false\"",
      "\"008E\",\"006X2\",\"2023-05-02T10:00:00.000Z\",\"Closed Lost\",\"8000.00\",\"2023-05-02\",\"0\","
          + "\"Omitted\",\"false\"") + "\r\n";

  private static final String SALESFORCE_OPPORTUNITY = String.join("\r\n",
      "\"Id\",\"Name\",\"OwnerId\",\"StageName\",\"Region__c\"",
      "\"006X1\",\"Acme - 200 Widgets\",\"005ANN\",\"Closed Won\",\"EMEA\"",
      "\"006X2\",\"Globex, Inc. - Renewal\",\"005BO\",\"Closed Lost\",\"AMER\"") + "\r\n";

  private static final String HUBSPOT = String.join("\r\n",
      "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Pipeline\",\"Amount\",\"Close Date\",\"Deal owner\","
          + "\"Date entered \"\"Appointment Scheduled (Sales Pipeline)\"\"\","
          + "\"Date entered \"\"Contract Sent (Sales Pipeline)\"\"\","
          + "\"Date entered \"\"Closed Won (Sales Pipeline)\"\"\",\"Date entered \"\"Closed Lost (Sales Pipeline)\"\"\"",
      "\"1001\",\"Acme renewal\",\"Closed Won\",\"Sales Pipeline\",\"24000\",\"2024-04-18\",\"Ana Ruiz\","
          + "\"2024-02-01 09:12\",\"2024-03-20 16:30\",\"2024-04-18 11:05\",\"\"",
      "\"1002\",\"Globex pilot\",\"Closed Lost\",\"Sales Pipeline\",\"5000\",\"2024-03-29\",\"Bo Chen\","
          + "\"2024-02-05 14:00\",\"\",\"\",\"2024-03-29 17:45\"",
      "\"1003\",\"Initech expansion\",\"Contract Sent\",\"Sales Pipeline\",\"12500\",\"2024-06-30\",\"Ana Ruiz\","
          + "\"2024-03-04 08:00\",\"2024-03-11 12:30\",\"\",\"\"") + "\r\n";

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void import_opportunities_writesTheStageHistoryAndSaysHowToReadIt() throws IOException {
    Path out = dir.resolve("history.csv");

    int status = cli.run("import", "--from", "opportunities", write("sales_pipeline.csv", OPPORTUNITIES)
        .toString(), "--out", out.toString());

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    assertThat(Files.readString(out)).startsWith("deal_id,stage,entered_at,amount,currency,owner,lost_reason,product,"
        + "account\r\nA1,Engaging,2017-01-01T00:00:00Z,,,ann,,Widget,Acme\r\nA1,Won,2017-01-11T00:00:00Z,100,,,,,\r\n");
    assertThat(cli.errLines()).contains(
        "warning: 1 opportunities without engage_date (not imported: a created date is never guessed): A5",
        "read it with: --stages \"Prospecting,Engaging\" --won \"Won\" --lost \"Lost\"");
    assertThat(cli.errLines()).anySatisfy(line -> assertThat(line).endsWith("(opportunities): 5 records = 4 imported"
        + " + 0 rejected + 1 set aside; 4 deals imported, 0 rejected; 7 stage-history rows"));
    cli.reset();
    assertThat(cli.run("summary", "--history", out.toString(), "--stages", "Prospecting,Engaging", "--format", "json"))
        .isZero();
    assertThat(JsonOf.object(cli.out())).containsEntry("deals", BigDecimal.valueOf(4));
  }

  @Test
  void import_salesforceHistoryJoined_takesOwnersAndFieldsFromTheOpportunityExport() throws IOException {
    Path history = write("OpportunityHistory.csv", SALESFORCE_HISTORY);
    Path opportunity = write("Opportunity.csv", SALESFORCE_OPPORTUNITY);

    int status = cli.run("import", "--from", "salesforce-history", history.toString(), "--join",
        opportunity.toString());

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    List<String> rows = List.of(cli.out().split("\r\n"));
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0)).startsWith("deal_id,stage,entered_at,amount,currency,owner,lost_reason");
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("006X1,Prospecting,2023-01-09T14:02:11Z,12000.00,,005ANN"))
        .anySatisfy(r -> assertThat(r).startsWith("006X2,Closed Lost,2023-05-02T10:00:00Z"));
    assertThat(cli.errLines()).anySatisfy(l -> assertThat(l).startsWith("read it with: --stages \"")
        .endsWith("--won \"Closed Won\" --lost \"Closed Lost\""));
  }

  @Test
  void import_hubspot_takesTheStageOrderFromTheDateEnteredColumns() throws IOException {
    int status = cli.run("import", "--from", "hubspot", write("deals.csv", HUBSPOT).toString());

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.out()).contains("1001,Appointment Scheduled,2024-02-01T09:12:00Z,")
        .contains("1001,Closed Won,2024-04-18T11:05:00Z").contains("1003,Contract Sent,2024-03-11T12:30:00Z");
    assertThat(cli.errLines()).contains("read it with: --stages \"Appointment Scheduled,Contract Sent\" --won "
        + "\"Closed Won\" --lost \"Closed Lost\"");
  }

  @Test
  void import_readingOptions_areTheSameAsEveryCommandsAndReachTheImporter() throws IOException {
    Path file = dir.resolve("crm.csv");
    Files.write(file, String.join("\r\n",
        "opportunity_id;sales_agent;product;account;deal_stage;engage_date;close_date;close_value",
        "A1;Jos\u00e9;Widget;Acme;Won;01/01/2017;11/01/2017;100",
        "A2;ann;\"Widget; large\";;Won;01/01/2017;31/01/2017;\"1.300,50\"",
        "A3;bo;Gadget;Initech;Lost;05/01/2017;06/01/2017;0").concat("\r\n").getBytes(Charset.forName("windows-1252")));

    int status = cli.run("import", "--from", "opportunities", file.toString(), "--delimiter", ";",
        "--date-format", "dd/MM/yyyy", "--decimal-comma", "--encoding", "windows-1252");

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.out()).contains("A1,Engaging,2017-01-01T00:00:00Z,,,Jos\u00e9,,Widget,Acme")
        .contains("A2,Engaging,2017-01-01T00:00:00Z,,,ann,,Widget; large,").contains("A2,Won,2017-01-31T00:00:00Z,1300.50");
  }

  @Test
  void metrics_historyShape_readsTheExportDirectly() throws IOException {
    int status = cli.run("metrics", "--history", write("sales_pipeline.csv", OPPORTUNITIES).toString(),
        "--history-shape", "opportunities", "--as-of", "2018-01-01", "--format", "json");

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    Map<String, Object> json = JsonOf.object(cli.out());
    assertThat(json).containsEntry("deals", BigDecimal.valueOf(4)).containsEntry("won", BigDecimal.valueOf(2))
        .containsEntry("lost", BigDecimal.valueOf(1));
    @SuppressWarnings("unchecked")
    Map<String, Object> cycle = (Map<String, Object>) ((Map<String, Object>) json.get("salesCycleDays")).get("won");
    assertThat((BigDecimal) cycle.get("mean")).isEqualByComparingTo("20");
  }

  @ParameterizedTest
  @CsvSource({"metrics", "prioritize"})
  void json_warnings_listTheImportsWarningsAsStandardErrorDoes(String command) throws IOException {
    int status = cli.run(command, "--history", write("sales_pipeline.csv", OPPORTUNITIES).toString(),
        "--history-shape", "opportunities", "--as-of", "2018-01-01", "--format", "json");

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    List<String> printed = cli.errLines().stream().filter(l -> l.startsWith("warning: "))
        .map(l -> l.substring("warning: ".length())).toList();
    assertThat(printed).anySatisfy(w -> assertThat(w).contains("placed at each deal's opening"));
    // the import's warnings first (printed as the export is imported), then the data's
    assertThat(JsonOf.object(cli.out()).get("warnings")).asList().containsExactlyElementsOf(printed);
  }

  @ParameterizedTest
  @CsvSource({"summary,hubspot", "prioritize,hubspot", "summary,salesforce-history", "prioritize,opportunities"})
  void everyReadingCommand_takesAnExportShape(String command, String shape) throws IOException {
    String text = switch (shape) {
      case "hubspot" -> HUBSPOT;
      case "salesforce-history" -> SALESFORCE_HISTORY;
      default -> OPPORTUNITIES;
    };

    int status = cli.run(command, "--history", write("export.csv", text).toString(), "--history-shape", shape);

    assertThat(status).as("stderr %s", cli.errLines()).isZero();
    assertThat(cli.errLines()).anySatisfy(l -> assertThat(l).contains("(" + shape + "): "));
    assertThat(cli.out()).isNotEmpty();
  }

  @Test
  void import_strictBadRecord_exitsTwoWithOneLineNamingFileLineRecordAndReason() throws IOException {
    int status = cli.run("import", "--from", "opportunities",
        write("sales_pipeline.csv", OPPORTUNITIES.replace("2017-01-31", "2017-31-01")).toString());

    assertThat(status).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline import: sales_pipeline.csv:3")
        .contains("(deal A2)").contains("'2017-31-01'").contains("A2,ann,Widget,,Won,2017-01-01,2017-31-01,300")
        .endsWith("(--skip-bad-rows leaves out the deals with bad records and goes on)");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void import_skipBadRows_listsTheRecordAndGoesOn() throws IOException {
    int status = cli.run("import", "--from", "opportunities",
        write("sales_pipeline.csv", OPPORTUNITIES.replace("2017-01-31", "2017-31-01")).toString(), "--skip-bad-rows");

    assertThat(status).isZero();
    assertThat(cli.out()).doesNotContain("A2,");
    assertThat(cli.errLines()).anySatisfy(l -> assertThat(l).startsWith("rejected ").contains("(deal A2)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "import --from pipedrive FILE                  | bad --from: unknown export shape 'pipedrive'; the "
          + "shapes are opportunities, salesforce-history, hubspot",
      "metrics --history FILE --history-shape sap             | bad --history-shape: unknown export shape 'sap'",
      "metrics --history FILE --stages A --join x.csv         | --join is an option of CRM exports: give "
          + "--history-shape SHAPE too",
      "metrics --history FILE                                 | missing --stages",
      "import --from opportunities FILE --join x.csv | bad import option: only salesforce-history joins",
      "import --from opportunities FILE --column x   | bad --column 'x': write DEFAULT=YOURS",
      "import --from hubspot FILE --export-zone Mars | bad --export-zone",
      "import --from hubspot FILE --delimiter :      | bad --delimiter",
      "import --from hubspot FILE                    | the header has no column",
      "import --from opportunities missing.csv       | no such file",
      "import --from opportunities DIR               | it is a directory",
      "import FILE                                          | import needs --from SHAPE",
      "import --from opportunities                          | import needs EXPORT"})
  void badInput_exitsTwoWithOneLine(String line, String expected) throws IOException {
    Path file = write("sales_pipeline.csv", OPPORTUNITIES);
    String[] args = line.strip().replace("FILE", file.toString()).replace("DIR", dir.toString())
        .replace("missing.csv", dir.resolve("missing.csv").toString()).split(" +");

    int status = cli.run(args);

    assertThat(status).as(line).isEqualTo(2);
    assertThat(cli.errLines()).as(line).singleElement().asString().startsWith("pipeline").contains(expected);
    assertThat(cli.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"import", "summary", "metrics", "prioritize", "report", "movement", "forecast", "hygiene"})
  void everyCommandThatReads_takesTheReadingAndShapeOptionsFromTheSameMixins(String command) {
    CommandSpec spec = Main.commandLine(System.out, System.err).getSubcommands().get(command).getCommandSpec();

    List<String> names = spec.options().stream().flatMap(o -> Stream.of(o.names())).toList();
    assertThat(names).doesNotHaveDuplicates().contains("--skip-bad-rows", "--delimiter", "--date-format",
        "--decimal-comma", "--encoding", "--allow-any-year", "--join", "--column", "--opened-in", "--pipeline",
        "--keep-zero-lost-amounts", "--export-zone");
    assertThat(names).contains(command.equals("import") ? "--from" : "--history-shape");
    CommandSpec holder = command.equals("import") ? spec : spec.mixins().get("loading");
    assertThat(holder.mixins()).containsKeys("reading", "shape");
  }
}
