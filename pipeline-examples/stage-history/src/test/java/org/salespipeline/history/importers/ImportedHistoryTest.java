package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ImportedHistoryTest {

  @Test
  void write_salesforceHistory_eachRowCarriesTheValuesKnownAtItsInstant() throws IOException {
    ImportedHistory good = SalesforceHistoryImporter.defaults().read(Fixtures.text(
        "OpportunityId,StageName,Amount,CloseDate,CreatedDate,Probability,ForecastCategory",
        "006A,Prospecting,,2024-05-31,2024-01-02T10:00:00.000Z,10,Pipeline",
        "006A,Qualification,5000,2024-06-30,2024-01-09T10:00:00.000Z,=20,BestCase"), "h.csv", Option.none(), "",
        ImportOptions.defaults());

    StringWriter out = new StringWriter();
    good.write(out);

    assertThat(out.toString()).isEqualTo(
        "deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,forecast_category,Probability\r\n"
            + "006A,Prospecting,2024-01-02T10:00:00Z,,,,,2024-05-31,PIPELINE,10\r\n"
            + "006A,Qualification,2024-01-09T10:00:00Z,5000,,,,2024-06-30,BEST_CASE,'=20\r\n");
  }

  @Test
  void pipeline_isTheImportsStages() throws IOException {
    ImportedHistory history = OpportunitiesImporter.defaults().read(Fixtures.open("sales_pipeline.csv"),
        "sales_pipeline.csv", ImportOptions.defaults());

    assertThat(history.pipeline().stages()).extracting(s -> s.name())
        .containsExactly("Prospecting", "Engaging", "Won", "Lost");
    assertThat(history.stagesOption()).isEqualTo("Prospecting,Engaging");
  }
}
