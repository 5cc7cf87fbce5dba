package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The analyst command line: {@code java -jar pipeline-analyst-<version>-all.jar <command> [options]}.
 *
 * <p>{@code --help} lists the commands; {@code <command> --help} (or {@code help <command>})
 * explains one; {@code --version} prints the version the jar was built as. Exit status: 0 on
 * success (with {@code --skip-bad-rows}, also when some rows of the file were rejected: they are
 * listed on standard error), 2 for a problem the user can fix — a bad command line, an unreadable
 * file, a bad row, no deal loaded, memory running out — with one line on standard error (after
 * the rows {@code --skip-bad-rows} rejected before the problem, listed as a run that goes on lists
 * them), 1 for an unexpected failure, which is a bug.
 *
 * <p>Design note: picocli parses, prints usage and generates the shell completion script; this class
 * only maps its outcomes to the exit statuses above and keeps every error to one line.
 */
@Command(name = "pipeline", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class, sortOptions = false, usageHelpAutoWidth = true, usageHelpWidth = 100,
    synopsisSubcommandLabel = "COMMAND",
    description = "Sales pipeline figures from a stage-history CSV file: one row per stage a deal entered "
        + "(or from a CRM export: import, --history-shape).",
    subcommands = {ImportCommand.class, SummaryCommand.class, MetricsCommand.class, MovementCommand.class,
        ForecastCommand.class, HygieneCommand.class, PrioritizeCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit status:%n",
    footer = {"  0  done (with --skip-bad-rows, rejected rows are listed on standard error)",
        "  2  a problem you can fix: a bad option, an unreadable file, a bad row, no deal loaded, out of",
        "     memory (one line on standard error, after the rows --skip-bad-rows rejected so far)",
        "  1  a bug"})
public final class Main implements Callable<Integer> {

  /**
   * Exit status of a problem the user can fix: a bad command line, an unreadable input, bad data,
   * memory running out.
   */
  public static final int USAGE = 2;

  /** Exit status of a bug. */
  public static final int BUG = 1;

  private final PrintStream out;
  private final PrintStream err;
  /** The warnings the command running holds back, if it made any: printed first if memory runs out. */
  private HeldWarnings held;

  @Spec
  private CommandSpec spec;

  /**
   * {@code --verbose}: shows the DEBUG lines of the libraries and of the command line on standard
   * error (through the SLF4J simple provider, which reads its levels when the first logger is made:
   * after parsing, before any command runs). Without it nothing is logged.
   */
  @Option(names = "--verbose", scope = ScopeType.INHERIT, order = 90,
      description = "show what the tools do (DEBUG lines) on standard error")
  void verbose(boolean on) {
    if (on) {
      System.setProperty("org.slf4j.simpleLogger.log.org.salespipeline", "debug");
      System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
  }

  /** The command as picocli's completion-script generator instantiates it: on the standard streams. */
  Main() {
    this(System.out, System.err);
  }

  private Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
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
   * @return the exit status: 0 success, 2 a problem the user can fix, 1 a bug
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    return run(commandLine(out, err), args, err);
  }

  /**
   * Runs a command on a command line made by {@link #commandLine}: what {@link #run(String[],
   * PrintStream, PrintStream)} does, and the way in for a test that adds a command of its own.
   */
  static int run(CommandLine line, String[] args, PrintStream err) {
    try {
      return line.execute(args);
    } catch (OutOfMemoryError e) {
      // the command's frames are gone, and with them what it built: only the held warnings are left to print,
      // from the bytes they already hold, before the one line (SPEC §6: every bad row is listed)
      Main main = line.getCommand();
      if (main.held != null) {
        main.held.release();
      }
      ParseResult command = last(line.getParseResult());
      err.println(outOfMemory(name(line.getParseResult()),
          command != null && command.commandSpec().findOption("--grouped") != null,
          command != null && command.hasMatchedOption("--grouped"), Runtime.getRuntime().maxMemory()));
      return USAGE;
    } finally {
      line.getOut().flush();
      line.getErr().flush();
    }
  }

  /**
   * Returns the out-of-memory line: twice the heap the run had, and {@code --grouped} only where the
   * command takes it and it was not given (SPEC §6 "Memory": never what was already done).
   *
   * @param command the command's qualified name
   * @param takesGrouped whether the command has {@code --grouped}
   * @param gaveGrouped whether it was given
   * @param heapBytes the most heap the run could use ({@link Runtime#maxMemory()})
   */
  static String outOfMemory(String command, boolean takesGrouped, boolean gaveGrouped, long heapBytes) {
    long heapMb = Math.max(1, heapBytes >> 20);
    long nextMb = 2 * heapMb;
    String next = nextMb % 1024 == 0 ? "-Xmx" + nextMb / 1024 + "g" : "-Xmx" + nextMb + "m";
    return command + ": out of memory" + (gaveGrouped ? " even with --grouped" : "")
        + "; give Java more heap than the " + heapMb + " MB it had (java " + next + " -jar ...)"
        + (takesGrouped && !gaveGrouped ? " or, for a file that lists each deal's rows together, add --grouped" : "");
  }

  /** Returns the command line of the analyst tools, printing on the given streams. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new Main(out, err));
    line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    line.setParameterExceptionHandler((e, args) -> {
      line.getErr().println(name(e.getCommandLine()) + ": " + oneLine(message(e)));
      return USAGE;
    });
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException) {
        commandLine.getErr().println(name(commandLine) + ": " + oneLine(e.getMessage()));
        return USAGE;
      }
      commandLine.getErr().println(name(commandLine) + ": bug: " + oneLine(String.valueOf(e)));
      return BUG;
    });
    return line;
  }

  /** Returns where the command's results go. */
  PrintStream out() {
    return out;
  }

  /** Returns where the command's warnings go. */
  PrintStream err() {
    return err;
  }

  /**
   * Returns a holder of the warnings of the command running, on standard error. Memory running out
   * before the command releases them, {@link #run} prints them before its line: the rows the command
   * rejected are listed as a run that goes on lists them.
   */
  HeldWarnings heldWarnings() {
    held = new HeldWarnings(err);
    return held;
  }

  /** Without a command there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given; commands: "
        + String.join(", ", spec.subcommands().keySet()) + "; run with --help for usage");
  }

  private static String message(ParameterException e) {
    CommandLine line = e.getCommandLine();
    List<String> unmatched = line.getUnmatchedArguments();
    if (line.getCommandSpec().parent() == null && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")
        && line.getParseResult().subcommand() == null) {
      return "unknown command '" + unmatched.get(0) + "'; commands: "
          + String.join(", ", line.getSubcommands().keySet());
    }
    if (e instanceof MissingParameterException && !unmatched.isEmpty()) {
      return "unknown option or argument '" + unmatched.get(0) + "'; " + line.getCommandName() + " takes "
          + line.getCommandSpec().options().stream().map(OptionSpec::longestName).collect(Collectors.joining(", "));
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      return e.getCommandLine().getCommandName() + " needs " + missing.getMissing().stream()
          .map(arg -> arg.isOption() ? ((OptionSpec) arg).longestName() + " " + arg.paramLabel() : arg.paramLabel())
          .collect(Collectors.joining(" and "));
    }
    if (e instanceof UnmatchedArgumentException unknown && !unknown.getSuggestions().isEmpty()) {
      List<String> suggestions = unknown.getSuggestions();
      return e.getMessage() + "; did you mean " + String.join(" or ", suggestions) + "?";
    }
    return e.getMessage();
  }

  private static String name(CommandLine line) {
    return line.getCommandSpec().qualifiedName();
  }

  private static String name(ParseResult result) {
    ParseResult last = last(result);
    return last == null ? "pipeline" : last.commandSpec().qualifiedName();
  }

  /** Returns the parse result of the innermost command given, or null if parsing had not finished. */
  private static ParseResult last(ParseResult result) {
    if (result == null) {
      return null;
    }
    ParseResult last = result;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    return last;
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replaceAll("\\R+", " ").strip();
  }

  /** The version the jar was built as, from the build's {@code version.properties}. */
  static final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IllegalStateException("bug: version.properties is not on the class path next to Main");
        }
        properties.load(in);
      }
      return new String[] {"pipeline-analyst " + properties.getProperty("version"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
