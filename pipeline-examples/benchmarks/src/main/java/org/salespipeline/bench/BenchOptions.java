package org.salespipeline.bench;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The bench command's options, parsed by picocli. Read {@link #parse(String...)}; after it the
 * values are checked against each other ({@code --sizes} at most {@code --deals}, the transition
 * sample capped at {@code --deals}).
 */
@Command(name = "bench", sortOptions = false, sortSynopsis = false, usageHelpWidth = 100,
    description = "Times our state machine, metrics and scorers against other approaches on seeded deals.")
final class BenchOptions {

  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_WARMUPS = 3;
  static final int DEFAULT_RUNS = 5;
  static final int DEFAULT_TRANSITION_DEALS = 10_000;
  /** The state machines the transitions compare ours with, by their names in the output. */
  static final List<String> MACHINES = List.of("spring-statemachine", "stateless4j");

  @CommandLine.Option(names = "--deals", required = true, paramLabel = "N", converter = Whole.class,
      description = "deals to generate (seeded, realistic; about 5 stage changes each)")
  private int deals;

  @CommandLine.Option(names = "--seed", paramLabel = "S", defaultValue = "" + DEFAULT_SEED, converter = WholeLong.class,
      description = "generator seed (default: ${DEFAULT-VALUE})")
  private long seed = DEFAULT_SEED;

  @CommandLine.Option(names = "--warmups", paramLabel = "W", defaultValue = "" + DEFAULT_WARMUPS, converter = Whole.class,
      description = "untimed warm-up runs per approach (default: ${DEFAULT-VALUE})")
  private int warmups = DEFAULT_WARMUPS;

  @CommandLine.Option(names = "--runs", paramLabel = "R", defaultValue = "" + DEFAULT_RUNS, converter = Whole.class,
      description = "timed runs per approach; the median is reported (default: ${DEFAULT-VALUE})")
  private int runs = DEFAULT_RUNS;

  @CommandLine.Option(names = "--transition-deals", paramLabel = "K", converter = Whole.class,
      description = "lifecycles driven in the transition comparison (default: min(N, " + DEFAULT_TRANSITION_DEALS + "))")
  private Integer transitionDeals;

  @CommandLine.Option(names = "--as-of", paramLabel = "INSTANT", converter = Instants.class,
      description = "as-of instant of metrics and scoring, such as 2025-06-30T00:00:00Z (default: the latest event of"
          + " the data set)")
  private Instant asOf;

  @CommandLine.Option(names = "--sizes", paramLabel = "N1,N2,...", split = ",", hideParamSyntax = true, converter = Whole.class,
      description = "also time the metrics on the first N1, N2... deals (each at most N), to show how the time grows"
          + " with the number of deals")
  private List<Integer> sizes = new ArrayList<>();

  @CommandLine.Option(names = "--only", paramLabel = "PART,...", split = ",", hideParamSyntax = true,
      converter = Parts.class,
      description = "run only these parts: metrics, transitions, scoring, memory (default: all); generating the data"
          + " is always done, as the transitions run on a heap that holds every deal")
  private List<Part> only = new ArrayList<>();

  @CommandLine.Option(names = "--transition-rounds", paramLabel = "T", converter = Whole.class,
      description = "times the whole transition comparison runs, each printing its COMPARE lines (default: 1)")
  private int transitionRounds = 1;

  @CommandLine.Option(names = "--transition-against", paramLabel = "MACHINE,...", split = ",", hideParamSyntax = true,
      description = "the state machines ours is compared with in the transitions: spring-statemachine, stateless4j"
          + " (default: both)")
  private List<String> transitionAgainst = new ArrayList<>();

  @CommandLine.Option(names = "--memory-detail", description = "also print the heap of a deal by class (JOL footprint)")
  private boolean memoryDetail;

  @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
  private boolean help;

  private BenchOptions() {}

  /** Parses the arguments after the command name; the left side is a one-line error. */
  static Either<String, BenchOptions> parse(String... args) {
    BenchOptions options = new BenchOptions();
    CommandLine line = new CommandLine(options);
    try {
      line.parseArgs(args);
    } catch (ParameterException e) {
      if (options.help) {
        return Either.right(options);
      }
      return Either.left(e.getMessage().replaceAll("[\\r\\n]+", " "));
    }
    if (options.help) {
      return Either.right(options);
    }
    for (String check : List.of(atLeast("--deals", options.deals, 1), atLeast("--warmups", options.warmups, 0),
        atLeast("--runs", options.runs, 1), atLeast("--transition-rounds", options.transitionRounds, 1),
        atLeast("--transition-deals", options.transitionDeals == null ? 1 : options.transitionDeals, 1))) {
      if (!check.isEmpty()) {
        return Either.left(check);
      }
    }
    for (String machine : options.transitionAgainst) {
      if (!MACHINES.contains(machine)) {
        return Either.left("--transition-against takes " + String.join(" or ", MACHINES) + " but was '" + machine + "'");
      }
    }
    for (int size : options.sizes) {
      if (size < 1) {
        return Either.left("--sizes must be at least 1 but was " + size);
      }
      if (size > options.deals) {
        return Either.left("--sizes must not exceed --deals " + options.deals + " but has " + size);
      }
    }
    options.transitionDeals = Math.min(options.deals,
        options.transitionDeals == null ? DEFAULT_TRANSITION_DEALS : options.transitionDeals);
    return Either.right(options);
  }

  /** Returns the usage picocli generates from the options. */
  static String usage() {
    return new CommandLine(new BenchOptions()).getUsageMessage();
  }

  private static String atLeast(String option, int value, int min) {
    return value < min ? option + " must be at least " + min + " but was " + value : "";
  }

  /** How many deals to generate (the data set of every comparison but transitions). */
  int deals() {
    return deals;
  }

  /** The generator's seed: same seed, same deals. */
  long seed() {
    return seed;
  }

  /** Untimed runs before the timed ones. */
  int warmups() {
    return warmups;
  }

  /** Timed runs; the median is reported. */
  int runs() {
    return runs;
  }

  /** How many of the deals' lifecycles the transition comparison drives. */
  int transitionDeals() {
    return transitionDeals == null ? Math.min(deals, DEFAULT_TRANSITION_DEALS) : transitionDeals;
  }

  /** Whether the part runs: every part does unless {@code --only} names some. */
  boolean runs(Part part) {
    return only.isEmpty() || only.contains(part);
  }

  /** Whether the transitions compare ours with the named state machine. */
  boolean transitionAgainst(String machine) {
    return transitionAgainst.isEmpty() || transitionAgainst.contains(machine);
  }

  /** How many times the transition comparison runs. */
  int transitionRounds() {
    return transitionRounds;
  }

  /** Whether to print the per-class breakdown of a deal's heap. */
  boolean memoryDetail() {
    return memoryDetail;
  }

  /** The metrics' and scorers' as-of instant; none for the latest event of the data set. */
  Option<Instant> asOf() {
    return Option.of(asOf);
  }

  /** The data-set sizes at which the metrics timing is repeated; empty for none. */
  List<Integer> sizes() {
    return List.copyOf(sizes);
  }

  /** Whether only the usage was asked for. */
  boolean help() {
    return help;
  }

  /** The parts of the harness that {@code --only} can pick. */
  enum Part {
    METRICS, TRANSITIONS, SCORING, MEMORY
  }

  /** A part's name in lower case. */
  static final class Parts implements ITypeConverter<Part> {

    @Override
    public Part convert(String text) {
      for (Part part : Part.values()) {
        if (part.name().equalsIgnoreCase(text.strip())) {
          return part;
        }
      }
      throw new TypeConversionException("--only takes metrics, transitions, scoring or memory but was '" + text + "'");
    }
  }

  /** A whole number, with {@code _} allowed between digits ({@code 1_000_000}). */
  static final class Whole implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String text) {
      try {
        return Integer.parseInt(text.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a whole number was expected but was '" + text + "'");
      }
    }
  }

  /** A whole number as a long, with {@code _} allowed between digits. */
  static final class WholeLong implements ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
      try {
        return Long.parseLong(text.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a whole number was expected but was '" + text + "'");
      }
    }
  }

  /** An ISO-8601 instant. */
  static final class Instants implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("--as-of must be an instant such as 2025-06-30T00:00:00Z but was " + text);
      }
    }
  }
}
