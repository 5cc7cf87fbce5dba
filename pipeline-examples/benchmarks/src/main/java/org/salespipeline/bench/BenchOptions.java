package org.salespipeline.bench;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench command's options.
 *
 * @param deals how many deals to generate (the data set of every comparison but transitions)
 * @param seed the generator's seed: same seed, same deals
 * @param warmups untimed runs before the timed ones
 * @param runs timed runs; the median is reported
 * @param transitionDeals how many of the deals' lifecycles the transition comparison drives (the
 *     slowest machine takes tens of microseconds per transition)
 * @param memoryDetail whether to print the per-class breakdown of a deal's heap
 * @param asOf the metrics' and scorers' as-of instant; none for the latest event of the data set
 * @param sizes the data-set sizes (prefixes of the deals, each at most {@code deals}) at which the
 *     metrics timing is repeated to show how it scales; empty for none
 * @param help whether only the usage was asked for
 */
record BenchOptions(int deals, long seed, int warmups, int runs, int transitionDeals, boolean memoryDetail,
    Option<Instant> asOf, List<Integer> sizes, boolean help) {

  BenchOptions {
    sizes = List.copyOf(sizes);
  }

  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_WARMUPS = 3;
  static final int DEFAULT_RUNS = 5;
  static final int DEFAULT_TRANSITION_DEALS = 10_000;

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: bench --deals N [--seed S] [--warmups W] [--runs R] [--transition-deals K] [--as-of INSTANT]",
      "             [--sizes N1,N2,...] [--memory-detail]",
      "  --deals N             deals to generate (seeded, realistic; about 5 stage changes each)",
      "  --seed S              generator seed (default " + DEFAULT_SEED + ")",
      "  --warmups W           untimed warm-up runs per approach (default " + DEFAULT_WARMUPS + ")",
      "  --runs R              timed runs per approach; the median is reported (default " + DEFAULT_RUNS + ")",
      "  --transition-deals K  lifecycles driven in the transition comparison (default min(N, "
          + DEFAULT_TRANSITION_DEALS + "))",
      "  --as-of INSTANT       as-of instant of metrics and scoring, such as 2025-06-30T00:00:00Z",
      "                        (default: the latest event of the data set)",
      "  --sizes N1,N2,...     also time the metrics on the first N1, N2... deals (each at most N), to show",
      "                        how the time grows with the number of deals",
      "  --memory-detail       also print the heap of a deal by class (JOL footprint)");

  /** Parses the arguments after the command name; the left side is a one-line error. */
  static Either<String, BenchOptions> parse(String... args) {
    Integer deals = null;
    long seed = DEFAULT_SEED;
    int warmups = DEFAULT_WARMUPS;
    int runs = DEFAULT_RUNS;
    Integer transitionDeals = null;
    boolean memoryDetail = false;
    Instant asOf = null;
    List<Integer> sizes = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--help", "-h" -> {
            return Either.right(new BenchOptions(1, seed, warmups, runs, 1, false, Option.none(), List.of(), true));
          }
          case "--memory-detail" -> memoryDetail = true;
          case "--deals", "--seed", "--warmups", "--runs", "--transition-deals", "--as-of", "--sizes" -> {
            if (i + 1 >= args.length) {
              return Either.left(option + " needs a value");
            }
            String value = args[++i].replace("_", "");
            switch (option) {
              case "--as-of" -> asOf = instant(value);
              case "--sizes" -> sizes = sizes(value);
              case "--deals" -> deals = atLeast(option, Integer.parseInt(value), 1);
              case "--seed" -> seed = Long.parseLong(value);
              case "--warmups" -> warmups = atLeast(option, Integer.parseInt(value), 0);
              case "--runs" -> runs = atLeast(option, Integer.parseInt(value), 1);
              default -> transitionDeals = atLeast(option, Integer.parseInt(value), 1);
            }
          }
          default -> {
            return Either.left("unknown option '" + option + "'");
          }
        }
      }
    } catch (NumberFormatException e) {
      return Either.left("a number was expected: " + e.getMessage().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Either.left(e.getMessage());
    }
    if (deals == null) {
      return Either.left("--deals N is required");
    }
    for (int size : sizes) {
      if (size > deals) {
        return Either.left("--sizes must not exceed --deals " + deals + " but has " + size);
      }
    }
    int sample = transitionDeals == null ? Math.min(deals, DEFAULT_TRANSITION_DEALS) : Math.min(deals, transitionDeals);
    return Either.right(new BenchOptions(deals, seed, warmups, runs, sample, memoryDetail, Option.of(asOf), sizes,
        false));
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--as-of must be an instant such as 2025-06-30T00:00:00Z but was " + value);
    }
  }

  private static List<Integer> sizes(String value) {
    List<Integer> sizes = new ArrayList<>();
    for (String size : value.split(",", -1)) {
      sizes.add(atLeast("--sizes", Integer.parseInt(size.trim()), 1));
    }
    return sizes;
  }

  private static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be at least " + min + " but was " + value);
    }
    return value;
  }
}
