package org.salespipeline.analyst.cli;

import picocli.CommandLine.Option;

/**
 * {@code --grouped}: the file lists each deal's rows together, so each deal is built as its group
 * ends and the file's rows are never held together (SPEC §6 "Memory"). {@code summary} then keeps
 * only counts, in bounded memory; {@code metrics} and {@code prioritize} still hold every deal (not
 * its rows). A picocli mixin of those three commands and of no other.
 */
final class GroupedOption {

  @Option(names = "--grouped", order = 6,
      description = "the file lists each deal's rows together: build each deal as its rows end, without "
          + "holding the file's rows")
  boolean grouped;
}
