package org.salespipeline.analyst.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The README and the example code it shows: a class's code between its {@code // README:begin}
 * and {@code // README:end} markers, unindented, must appear in the README verbatim.
 */
public final class Readme {

  private static final Path ROOT = Path.of("../..");

  private Readme() {}

  /**
   * Returns the README's text.
   *
   * @return the text
   */
  public static String text() {
    return read(ROOT.resolve("README.md"));
  }

  /**
   * Returns the code between the README markers of an example's source, unindented by one level
   * (four spaces) as the README shows it.
   *
   * @param exampleSource the source file, relative to the repository root
   * @return the snippet, stripped
   */
  public static String snippet(String exampleSource) {
    String source = read(ROOT.resolve(exampleSource));
    String body = source.split("// README:begin\n")[1].split("    // README:end")[0];
    return Arrays.stream(body.split("\n"))
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"))
        .strip();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
