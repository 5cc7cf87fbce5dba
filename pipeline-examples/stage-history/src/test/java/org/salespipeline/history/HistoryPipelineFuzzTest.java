package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Fuzzes {@link HistoryPipeline#parse}, the parser of the stage names an analyst types: any names
 * give the pipeline they describe (the open stages in order, then won and lost, each named as
 * typed without surrounding blanks, with the id {@link HistoryPipeline#idOf} derives, no two ids
 * equal), or the documented {@link IllegalArgumentException} (a blank name, two names equal
 * ignoring case, two names giving the same id), never another exception.
 *
 * <p>An input is the comma-separated open stages, then after a line break the won stage's name
 * and after another the lost stage's name ({@code Won} and {@code Lost} when missing).
 *
 * <p>Every build replays the committed corpus in {@code HistoryPipelineFuzzTestInputs/} (the bad
 * names of {@link HistoryPipelineTest} among them); {@code ./mvnw -Pfuzz verify} explores from it.
 */
class HistoryPipelineFuzzTest {

  @FuzzTest
  void parse_anyNames_isTheirPipelineOrTheDocumentedError(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    String open = parts[0];
    String won = parts.length > 1 ? parts[1] : "Won";
    String lost = parts.length > 2 ? parts[2] : "Lost";

    Pipeline pipeline;
    try {
      pipeline = HistoryPipeline.parse(open, won, lost);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).matches(message -> message.startsWith("stage names must not be blank")
          || message.startsWith("stage names must differ (ignoring case)")
          || message.startsWith("stage names must give different ids"), "a documented message");
      return;
    }

    List<String> names = new ArrayList<>();
    for (String name : open.split(",", -1)) {
      names.add(name.strip());
    }
    assertThat(pipeline.openStages()).extracting(Stage::name).containsExactlyElementsOf(names);
    assertThat(pipeline.wonStage().name()).isEqualTo(won.strip());
    assertThat(pipeline.lostStage().name()).isEqualTo(lost.strip());
    assertThat(pipeline.stages()).hasSize(names.size() + 2).allSatisfy(stage -> {
      assertThat(stage.name()).isNotBlank();
      assertThat(stage.id()).isEqualTo(HistoryPipeline.idOf(stage.name())).isNotBlank();
    });
    assertThat(new HashSet<>(pipeline.stages().stream().map(Stage::id).toList())).as("distinct ids")
        .hasSize(pipeline.stages().size());
    assertThat(HistoryPipeline.parse(String.join(",", names), won, lost).stages())
        .as("the names it was built from build it again").extracting(Stage::id, Stage::name)
        .containsExactlyElementsOf(pipeline.stages().stream().map(s -> tuple(s.id(), s.name())).toList());
  }
}
