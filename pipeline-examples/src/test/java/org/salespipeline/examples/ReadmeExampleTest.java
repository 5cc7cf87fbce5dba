package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void readme_showsTheExampleVerbatim() throws IOException {
    String source = Files.readString(ROOT.resolve(
        "pipeline-examples/src/main/java/org/salespipeline/examples/ReadmeExample.java"));
    String body = source.split("// README:begin\n")[1].split("    // README:end")[0];
    String unindented = Arrays.stream(body.split("\n"))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));

    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(unindented.strip());
  }

  @Test
  void example_printsWhatTheReadmeSays() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));

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
