package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the all-in-one jar that {@code package} built, as an analyst would: {@code java -jar}. Bound
 * to {@code verify} by failsafe; the jar's path comes from the system property {@code allInOneJar}.
 */
class AllInOneJarIT {

  @TempDir
  Path dir;

  private static Path jar() {
    Path jar = Paths.get(System.getProperty("allInOneJar", "target/missing-all.jar"));
    assertThat(jar).as("the all-in-one jar built by package").exists();
    return jar;
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Test
  void manifest_namesMainAsMainClass() throws IOException {
    try (JarFile file = new JarFile(jar().toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("org.salespipeline.analyst.cli.Main");
    }
  }

  @Test
  void javaJar_summary_readsAFileWithEverythingOnTheJarItself() throws Exception {
    Path history = Files.writeString(dir.resolve("h.csv"),
        "deal_id,stage,entered_at\nD1,A,2024-03-01\nD1,Won,2024-03-02\nD2,Nowhere,2024-03-01\n");

    Process process = start("summary", "--history", history.toString(), "--stages", "A", "--format", "json",
        "--skip-bad-rows");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isZero();
    assertThat(out).startsWith("{\"rowsRead\":3,\"rejectedRows\":1,\"dealsRead\":2,\"rejectedDeals\":1,\"deals\":1,\"open\":0");
    assertThat(err).contains("rejected line 4 (deal D2): unknown stage 'Nowhere'");
  }

  @Test
  void javaJar_badOption_exitsTwoWithOneLine() throws Exception {
    Process process = start("summary", "--bogus");
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(err.lines().toList()).hasSize(1);
  }

  @Test
  void javaJar_metricsAndPrioritize_runOnTheJarAlone() throws Exception {
    Path history = Files.writeString(dir.resolve("m.csv"), "deal_id,stage,entered_at,amount\n"
        + "D1,A,2024-03-01,100\nD1,Won,2024-03-11,\nD2,A,2024-03-02,50\nD2,Lost,2024-03-04,\nD3,A,2024-03-05,80\n");

    Process metrics = start("metrics", "--history", history.toString(), "--stages", "A", "--format", "json");
    String out = new String(metrics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(metrics.waitFor()).isZero();
    assertThat(out).startsWith("{\"deals\":3,\"open\":1,\"won\":1,\"lost\":1,\"rejectedRows\":0,")
        .contains("\"weightedPipeline\":{\"USD\":40.0");

    Process prioritize = start("prioritize", "--history", history.toString(), "--stages", "A", "--format", "json");
    String ranked = new String(prioritize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(prioritize.waitFor()).isZero();
    assertThat(ranked).startsWith("{\"scorer\":\"historical\",\"deals\":[{\"dealId\":\"D3\"");
  }

  @Test
  void javaJar_verbose_showsTheDebugLinesOnStderr_andIsQuietWithout() throws Exception {
    // a won and a lost deal with amounts, so the data gives no warning and only --verbose writes to stderr
    Path history = Files.writeString(dir.resolve("v.csv"), "deal_id,stage,entered_at,amount\nD1,A,2024-03-01,10\n"
        + "D1,Won,2024-03-02,10\nD3,A,2024-03-01,10\nD3,Lost,2024-03-02,10\nD2,A,2024-03-03,10\n");

    Process quiet = start("prioritize", "--history", history.toString(), "--stages", "A");
    String quietErr = new String(quiet.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(quiet.waitFor()).isZero();
    assertThat(quietErr).isEmpty();

    Process verbose = start("prioritize", "--history", history.toString(), "--stages", "A", "--verbose");
    String out = new String(verbose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(verbose.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verbose.waitFor()).isZero();
    assertThat(err).contains("DEBUG org.salespipeline.analyst.cli.HistoryInput - reading " + history);
    assertThat(out).doesNotContain("DEBUG");
  }

  @Test
  void javaJar_version_isTheBuildsVersion() throws Exception {
    Process process = start("--version");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isZero();
    assertThat(out).startsWith("pipeline-analyst " + System.getProperty("projectVersion", ""));
  }

  @Test
  void build_writesTheCompletionScriptNextToTheJar() throws IOException {
    Path script = jar().resolveSibling("pipeline_completion");

    assertThat(script).exists();
    assertThat(Files.readString(script, StandardCharsets.UTF_8)).contains("complete -F _complete_pipeline")
        .contains("metrics").contains("--history").contains("report");
  }

  @Test
  void jar_carriesTheJshellKit() throws IOException {
    try (JarFile file = new JarFile(jar().toFile())) {
      assertThat(file.getEntry("jshell/analyst.jsh")).isNotNull();
    }
    assertThat(jar().resolveSibling("analyst.jsh")).exists();
  }
}
