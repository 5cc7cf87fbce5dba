package org.salespipeline.analyst.cli;

import picocli.CommandLine.Option;

/**
 * {@code --grouped}: the file lists each deal's rows together, so each deal is built as its group
 * ends and neither the file's rows nor its deals are held (SPEC §6 "Memory"). {@code summary} reads
 * the file once and keeps counts; {@code metrics} and {@code prioritize} read it again for each pass
 * they need ({@link ExportPasses}) and keep what each pass computes (the metrics' partial result,
 * the scorer's counts, the top deals), never the deals. A picocli mixin of those three commands and
 * of no other.
 */
final class GroupedOption {

  @Option(names = "--grouped", order = 6,
      description = "the file lists each deal's rows together: build each deal as its rows end and hold no "
          + "deal, reading the file again for each pass the command needs (bounded memory for files of any size)")
  boolean grouped;
}
