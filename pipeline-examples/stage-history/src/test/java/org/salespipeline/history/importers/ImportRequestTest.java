package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRequestTest {

  @TempDir
  Path dir;

  private Path file(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  @Test
  void read_opportunitiesWithRenamedColumnsAndStages_mapsOntoTheImporter() throws IOException {
    Path export = file("crm.csv", "id,rep,stage,opened,closed,value", "1,ann,Qualify,2024-01-01,,",
        "2,bo,Closed Won,2024-01-01,2024-02-01,10");

    ImportedHistory history = ImportRequest.of(ImportShape.OPPORTUNITIES, export)
        .withColumn("opportunity_id", "id").withColumn("sales_agent", "rep").withColumn("deal_stage", "stage")
        .withColumn("engage_date", "opened").withColumn("close_date", "closed").withColumn("close_value", "value")
        .withStages(Option.some("Qualify,Propose"), Option.some("Closed Won"), Option.some("Closed Lost"))
        .read();

    assertThat(history.stagesOption()).isEqualTo("Qualify,Propose");
    assertThat(history.summary().importedDeals()).isEqualTo(2);
  }

  @Test
  void read_salesforceWithJoinedExport_joinsIt() throws IOException {
    Path history = file("h.csv", "OpportunityId,StageName,CreatedDate", "006A,Prospecting,2024-01-01T00:00:00Z");
    Path opportunities = file("o.csv", "Id,OwnerId,Region__c", "006A,005X,EMEA");

    ImportedHistory imported = ImportRequest.of(ImportShape.SALESFORCE_HISTORY, history).withJoined(opportunities)
        .read();

    assertThat(imported.rows()).singleElement().satisfies(r -> {
      assertThat(r.owner()).contains("005X");
      assertThat(r.attributes()).containsEntry("Region__c", "EMEA");
    });
  }

  @Test
  void read_unknownColumnName_listsTheShapesNames() throws IOException {
    Path export = file("deals.csv", "Record ID");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImportRequest.of(ImportShape.HUBSPOT, export).withColumn("Stage", "x").read())
        .withMessageStartingWith("no column of hubspot is named 'Stage' by default; rename one of Record ID, Deal Stage");
  }

  @Test
  void read_optionOfAnotherShape_isRefused() throws IOException {
    Path export = file("deals.csv", "Record ID");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImportRequest.of(ImportShape.HUBSPOT, export).withJoined(export).read())
        .withMessage("only salesforce-history joins a second export, not hubspot");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImportRequest.of(ImportShape.OPPORTUNITIES, export).withPipeline("Sales").read())
        .withMessage("only hubspot imports one pipeline of several, not opportunities");
  }

  @Test
  void parse_shapeNames_ignoreCase() {
    assertThat(ImportShape.parse(" HubSpot ")).contains(ImportShape.HUBSPOT);
    assertThat(ImportShape.parse("pipedrive")).isEmpty();
    assertThat(ImportShape.names()).isEqualTo("opportunities, salesforce-history, hubspot");
  }
}
