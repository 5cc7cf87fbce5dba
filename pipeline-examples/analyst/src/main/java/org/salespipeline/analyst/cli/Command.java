package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the analyst command line, such as {@code summary}. {@link Main} finds it by
 * {@link #name()}, parses its {@link #options()} and prints its help.
 */
public interface Command {

  /**
   * Returns the name typed on the command line.
   *
   * @return the name, never null
   */
  String name();

  /**
   * Returns what the command does, in one line for the list of commands.
   *
   * @return the text, never null
   */
  String summary();

  /**
   * Returns what the command does in full, for its help.
   *
   * @return the text, never null; lines separated by {@code \n}
   */
  String description();

  /**
   * Returns the options the command takes.
   *
   * @return the options, never null
   */
  List<OptionSpec> options();

  /**
   * Runs the command.
   *
   * @param args the parsed options, not null
   * @param out where results go, not null
   * @param err where warnings (such as rejected rows) go, not null
   * @return the exit status: 0 on success
   * @throws UsageException if a value is bad or an input cannot be read
   */
  int run(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException;
}
