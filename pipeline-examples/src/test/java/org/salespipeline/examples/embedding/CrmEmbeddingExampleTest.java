package org.salespipeline.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmEmbeddingExampleTest {

  private static final Path ROOT = Path.of("..");

  @TempDir
  Path dir;

  @Test
  void readme_showsTheExampleVerbatim() throws IOException {
    String source = Files.readString(ROOT.resolve(
        "pipeline-examples/src/main/java/org/salespipeline/examples/embedding/CrmEmbeddingExample.java"));
    String body = source.split("// README:begin\n")[1].split("    // README:end")[0];
    String unindented = Arrays.stream(body.split("\n"))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));

    assertThat(Files.readString(ROOT.resolve("README.md"))).contains(unindented.strip());
  }

  @Test
  void example_printsWhatTheReadmeSays() throws IOException {
    List<String> lines = CrmEmbeddingExample.run(dir);

    assertThat(lines).containsExactly(
        "ENTRY_CRITERIA_NOT_MET",
        "stored at version 2",
        "[Deal D-7 'Fleet renewal' [qualification, OPEN, 48000.00 EUR, owner ana, 2 events]]");
    String readme = Files.readString(ROOT.resolve("README.md"));
    for (String line : lines) {
      assertThat(readme).contains(line);
    }
  }
}
