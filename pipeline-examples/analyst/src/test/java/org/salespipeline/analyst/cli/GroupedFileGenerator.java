package org.salespipeline.analyst.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.salespipeline.analyst.data.SampleDeals;
import org.salespipeline.core.Deal;
import org.salespipeline.history.StageHistoryWriter;

/**
 * Writes a large stage-history file grouped by deal, for measuring the memory of the commands'
 * {@code --grouped} runs (analyst README, "Memory and --grouped"); tests use it small. The deals are
 * {@link SampleDeals}' realistic book, made in blocks of {@value #BLOCK} deals (block {@code b}
 * seeded with {@code b}, its ids prefixed {@code B<b>-}), so that a file of millions of deals is
 * written without holding them. Run from the module folder after {@code verify}:
 *
 * <pre>{@code
 * java -cp target/test-classes:target/pipeline-analyst-<version>-all.jar \
 *     org.salespipeline.analyst.cli.GroupedFileGenerator 1600000 /tmp/grouped.csv
 * # prints the --stages to read it with (the closing stages are the default Won and Lost)
 * }</pre>
 */
final class GroupedFileGenerator {

  /** How many deals each block of one seed has. */
  static final int BLOCK = 10_000;

  private GroupedFileGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GroupedFileGenerator DEALS FILE");
    }
    int deals = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    write(deals, file);
    System.out.printf(Locale.ROOT, "wrote %,d deals to %s (%,d bytes); read it with --stages \"%s\"%n", deals, file,
        Files.size(file), stages());
  }

  /** The open stages of the deals' pipeline, as {@code --stages} takes them. */
  static String stages() {
    return String.join(",", SampleDeals.of(0).pipeline().openStages().stream().map(s -> s.name()).toList());
  }

  /** Writes {@code deals} deals to a file, each deal's rows together. */
  static void write(int deals, Path file) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      StageHistoryWriter writer = null;
      for (int block = 0; block * BLOCK < deals; block++) {
        SampleDeals sample = SampleDeals.of(block);
        List<Deal> some = sample.deals(Math.min(BLOCK, deals - block * BLOCK));
        if (writer == null) {
          Set<String> keys = new LinkedHashSet<>();
          some.forEach(d -> keys.addAll(d.attributes().keySet()));
          writer = StageHistoryWriter.of(sample.pipeline()).withAttributeColumns(new ArrayList<>(keys));
        }
        StringWriter text = new StringWriter();
        writer.write(some, text);
        String[] lines = text.toString().split("\n", -1); // CRLF rows: each line keeps its \r
        if (block == 0) {
          out.write(lines[0]);
          out.write('\n');
        }
        for (int i = 1; i < lines.length; i++) {
          if (!lines[i].isEmpty()) {
            out.write("B" + block + "-");
            out.write(lines[i]);
            out.write('\n');
          }
        }
      }
    }
  }
}
