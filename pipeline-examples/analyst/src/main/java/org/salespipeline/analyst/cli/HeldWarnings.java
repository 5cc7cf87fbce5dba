package org.salespipeline.analyst.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Warnings held back until a command knows its command line is good: the rejected rows of a file
 * are printed only once the options that depend on the file's columns ({@code --group-by},
 * {@code --features}, {@code --team}) have been checked, so that a bad option still gives exactly
 * one line on standard error.
 */
final class HeldWarnings {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Returns the stream to write warnings to. */
  PrintStream stream() {
    return stream;
  }

  /** Prints the warnings held so far. */
  void release(PrintStream err) {
    err.print(bytes.toString(StandardCharsets.UTF_8));
    bytes.reset();
  }
}
