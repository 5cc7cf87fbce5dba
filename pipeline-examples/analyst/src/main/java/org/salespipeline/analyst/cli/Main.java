package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analyst command line: {@code java -jar pipeline-analyst-<version>-all.jar <command> [options]}.
 *
 * <p>{@code --help} lists the commands; {@code <command> --help} (or {@code help <command>})
 * explains one. Exit status: 0 on success (with {@code --skip-bad-rows}, also when some rows of the
 * file were rejected: they are listed on standard error), 2 for a problem the user can fix — a bad
 * command line, an unreadable file, a bad row, no deal loaded, memory running out — with one line on
 * standard error, 1 for an unexpected failure, which is a bug.
 */
public final class Main {

  /** Exit status of a bad command line or an unreadable input. */
  public static final int USAGE = 2;

  private static final String PROGRAM = "pipeline";

  private final Map<String, Command> commands = new LinkedHashMap<>();

  private Main(List<Command> commands) {
    for (Command command : commands) {
      this.commands.put(command.name(), command);
    }
  }

  /**
   * Runs a command and exits the JVM with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs a command without exiting: the entry point for tests and for embedding.
   *
   * @param args the command line, not null
   * @param out standard output, not null
   * @param err standard error, not null
   * @return the exit status: 0 success, 2 bad command line or unreadable input, 1 a bug
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    return new Main(List.of(new SummaryCommand(), new MetricsCommand(), new PrioritizeCommand())).dispatch(Arrays.asList(args), out, err);
  }

  private String commandNames() {
    return String.join(", ", commands.keySet());
  }

  private int dispatch(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.println(PROGRAM + ": no command given; commands: " + commandNames()
          + "; run with --help for usage");
      return USAGE;
    }
    String first = args.get(0);
    if (first.equals("--help") || first.equals("-h") || (first.equals("help") && args.size() == 1)) {
      out.print(usage());
      return 0;
    }
    if (first.equals("help")) {
      return help(args.get(1), args.size() > 2, out, err);
    }
    Command command = commands.get(first);
    if (command == null) {
      err.println(PROGRAM + ": unknown command '" + first + "'; commands: " + commandNames());
      return USAGE;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(help(command));
      return 0;
    }
    try {
      return command.run(ParsedArgs.parse(command.name(), command.options(), rest), out, err);
    } catch (UsageException e) {
      err.println(PROGRAM + " " + command.name() + ": " + oneLine(e.getMessage()));
      return USAGE;
    } catch (RuntimeException e) {
      err.println(PROGRAM + " " + command.name() + ": bug: " + oneLine(String.valueOf(e)));
      return 1;
    } catch (OutOfMemoryError e) {
      // say only what has not been done already and can help: --grouped bounds the memory of summary
      // only (metrics and prioritize still keep every deal), and when given it did not suffice
      boolean grouped = rest.contains("--grouped");
      boolean streams = command instanceof SummaryCommand;
      err.println(PROGRAM + " " + command.name() + ": out of memory" + (grouped ? " even with --grouped" : "")
          + "; give Java more heap (java -Xmx4g -jar ...)" + (grouped || !streams ? ""
          : " or, for a file that lists each deal's rows together, add --grouped"));
      return USAGE;
    }
  }

  private int help(String name, boolean extra, PrintStream out, PrintStream err) {
    Command command = commands.get(name);
    if (command == null || extra) {
      err.println(PROGRAM + ": help takes one command name; commands: " + commandNames());
      return USAGE;
    }
    out.print(help(command));
    return 0;
  }

  private String usage() {
    StringBuilder sb = new StringBuilder("Usage: java -jar pipeline-analyst-<version>-all.jar <command> [options]\n\n")
        .append("Commands:\n");
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Command command : commands.values()) {
      sb.append(String.format("  %-" + width + "s  %s%n", command.name(), command.summary()));
    }
    return sb.append("\nRun '<command> --help' for its options. Exit status: 0 ok (with --skip-bad-rows, rejected\n")
        .append("rows are listed on standard error), 2 a problem you can fix (bad option, unreadable file, bad row,\n")
        .append("no deal loaded, out of memory), 1 a bug.\n").toString();
  }

  private static String help(Command command) {
    StringBuilder sb = new StringBuilder("Usage: ").append(command.name());
    for (OptionSpec option : command.options()) {
      sb.append(' ').append(option.required() ? option.synopsis() : "[" + option.synopsis() + "]");
    }
    sb.append("\n\n").append(command.description()).append("\n\nOptions:\n");
    int width = command.options().stream().mapToInt(o -> o.synopsis().length()).max().orElse(0);
    for (OptionSpec option : command.options()) {
      sb.append(String.format("  %-" + width + "s  %s%s%n", option.synopsis(), option.description(),
          option.required() ? " (required)" : option.defaultValue().isEmpty() ? "" : " (default " + option.defaultValue() + ")"));
    }
    return sb.toString();
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("[\\r\\n]+", " ");
  }
}
