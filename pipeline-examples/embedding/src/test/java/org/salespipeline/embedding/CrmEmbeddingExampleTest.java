package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.analyst.demo.Readme;
import org.junit.jupiter.api.io.TempDir;

class CrmEmbeddingExampleTest {

  @TempDir
  Path dir;

  @Test
  void readme_showsTheExampleVerbatim() throws IOException {
    assertThat(Readme.text())
        .contains(Readme.snippet("pipeline-examples/embedding/src/main/java/org/salespipeline/embedding/CrmEmbeddingExample.java"));
  }

  @Test
  void example_printsWhatTheReadmeSays() throws IOException {
    List<String> lines = CrmEmbeddingExample.run(dir);

    assertThat(lines).containsExactly(
        "ENTRY_CRITERIA_NOT_MET",
        "stored at version 2",
        "[Deal D-7 'Fleet renewal' [qualification, OPEN, 48000.00 EUR, owner ana, 2 events]]");
    String readme = Readme.text();
    for (String line : lines) {
      assertThat(readme).contains(line);
    }
  }
}
