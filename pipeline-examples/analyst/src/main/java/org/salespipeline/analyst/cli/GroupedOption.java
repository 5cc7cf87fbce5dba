package org.salespipeline.analyst.cli;

import picocli.CommandLine.Option;

/**
 * {@code --grouped}: the file lists each deal's rows together, so deals are built as their group
 * ends and the command keeps memory bounded (SPEC §6 "Memory"). A picocli mixin of the commands
 * that do keep it bounded, and of no other: {@code summary}, {@code metrics} and
 * {@code prioritize}.
 */
final class GroupedOption {

  @Option(names = "--grouped", order = 6,
      description = "the file lists each deal's rows together: read it in bounded memory")
  boolean grouped;
}
