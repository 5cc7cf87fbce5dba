package org.salespipeline.analyst.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  @Test
  void readme_showsTheExampleVerbatim() {
    assertThat(Readme.text())
        .contains(Readme.snippet("pipeline-examples/analyst/src/main/java/org/salespipeline/analyst/demo/ReadmeExample.java"));
  }

  @Test
  void example_printsWhatTheReadmeSays() {
    String readme = Readme.text();

    assertThat(ReadmeExample.run()).containsExactly(
        "ENTRY_CRITERIA_NOT_MET: Deal D-42 cannot enter Proposal: budget not confirmed; "
            + "decision maker not identified; need not confirmed; timeline not known.",
        "proposal at 0.4",
        "replayed equal: true");
    for (String line : ReadmeExample.run()) {
      assertThat(readme).contains(line);
    }
  }
}
