package org.salespipeline.analyst.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Warnings held back until a command knows its command line is good: the rejected rows of a file
 * are printed only once the options that depend on the file's columns ({@code --group-by},
 * {@code --features}, {@code --team}) have been checked, so that a bad option still gives exactly
 * one line on standard error. A reading of the file that fails prints what it held before its
 * error ({@link #reading}): the rows it rejected are never lost, even when the file turns out not
 * to be grouped after they were rejected. Nor when memory runs out: a command gets its holder from
 * {@link Main#heldWarnings()}, and {@link Main#run} prints what it holds before the out-of-memory
 * line, with {@link #release()}.
 */
final class HeldWarnings {

  /** A reading of the file that reports its rejected rows on the stream it is given. */
  @FunctionalInterface
  interface Reading<T> {
    T read(PrintStream warnings) throws UsageException;
  }

  private final PrintStream err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Holds warnings for {@code err}, standard error. */
  HeldWarnings(PrintStream err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /** Returns the stream to write warnings to. */
  PrintStream stream() {
    return stream;
  }

  /**
   * Runs a reading that reports on the held stream; if it fails, prints what is held before the
   * command prints the error.
   */
  <T> T reading(Reading<T> reading) throws UsageException {
    try {
      return reading.read(stream);
    } catch (UsageException e) {
      release();
      throw e;
    }
  }

  /**
   * Prints the warnings held so far. Also after memory ran out: it needs no more than a string of
   * what is held (at most {@link HistoryInput#MAX_REPORTED} rejected rows and a few lines).
   */
  void release() {
    err.print(bytes.toString(StandardCharsets.UTF_8));
    err.flush();
    bytes.reset();
  }
}
