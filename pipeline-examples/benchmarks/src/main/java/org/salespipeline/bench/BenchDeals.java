package org.salespipeline.bench;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;
import org.salespipeline.core.Stage;

/**
 * The benchmark's data set: seeded, realistic deals of the standard pipeline, each driven through
 * the real state machine so every history is valid.
 *
 * <p>A deal opens in Prospecting (sometimes Qualification), then goes through about five stage
 * changes (between five and nine are planned; a deal closed and not reopened stops early): forward
 * moves, skips over a stage, backward moves, wins, losses with a reason and reopens. A deal is
 * qualified before it passes Proposal, or walks away lost ("No budget"). It carries three
 * attributes (source, segment, product), one of eight owners, an account out of five thousand, an
 * amount in USD, EUR or GBP (one deal in twelve has none) and often an expected close date; one step
 * in ten also records an activity. Owners, accounts, attribute values and lost reasons are shared
 * string instances, as a host that interns its reference data would hold them; ids and titles are
 * one per deal.
 *
 * <p>Deal {@code i} depends only on the seed and {@code i}, so any deal can be regenerated alone and
 * the set can be generated in parallel with the same result.
 *
 * <p>Public for the JMH benchmarks ({@code bench.jmh}); thread-safe.
 */
public final class BenchDeals {

  static final List<String> OWNERS = List.of("ana", "bo", "chen", "dara", "eli", "fay", "gus", "hana");
  static final List<String> LOST_REASONS = List.of("Price", "Competitor", "No budget", "Timing", "No decision");
  static final List<String> SOURCES = List.of("web", "referral", "event", "outbound", "partner");
  static final List<String> SEGMENTS = List.of("SMB", "Mid-market", "Enterprise");
  static final List<String> PRODUCTS = List.of("Basic", "Pro", "Suite", "Services");

  private static final int ACCOUNTS = 5_000;
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = 2L * 365 * 86_400;
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency GBP = Currency.getInstance("GBP");
  static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);
  private static final int PROPOSAL = 2;

  private final Pipeline pipeline;
  private final long seed;
  private final List<Stage> open;
  private final List<String> accounts;

  BenchDeals(Pipeline pipeline, long seed) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.seed = seed;
    this.open = pipeline.openStages();
    if (open.size() <= PROPOSAL || !open.get(PROPOSAL).id().equals("proposal")) {
      throw new IllegalArgumentException("pipeline must be the standard pipeline but was " + pipeline.id());
    }
    this.accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> String.format("Account %04d", i)).toList();
  }

  /**
   * Returns the generator of the standard pipeline's bench deals.
   *
   * @param seed the seed: same seed, same deals
   * @return the generator
   */
  public static BenchDeals standard(long seed) {
    return new BenchDeals(Pipeline.standard(), seed);
  }

  /**
   * Returns the pipeline the deals run through.
   *
   * @return the standard pipeline
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Generates deals {@code 0 … count-1}, in order, on all cores; the same as one by one.
   *
   * @param count how many, not negative
   * @return an unmodifiable list of the deals
   */
  public List<Deal> deals(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + count);
    }
    Deal[] deals = new Deal[count];
    IntStream.range(0, count).parallel().forEach(i -> deals[i] = deal(i));
    return List.of(deals);
  }

  /**
   * Generates deal number {@code index}, a function of the seed and the index only.
   *
   * @param index the deal's number; its id is {@code D-} and the number on seven digits
   * @return the deal
   */
  public Deal deal(int index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    String id = String.format("D-%07d", index);
    String account = accounts.get(random.nextInt(ACCOUNTS));
    String product = pick(random, PRODUCTS);
    Instant at = START.plusSeconds(random.nextLong(SPAN_SECONDS));
    NewDeal draft = NewDeal.of(id)
        .withTitle(product + " for " + account)
        .withAccount(account)
        .withOwner(pick(random, OWNERS))
        .withStage(random.nextInt(100) < 85 ? open.get(0).id() : open.get(1).id())
        .withAttribute("source", pick(random, SOURCES))
        .withAttribute("segment", pick(random, SEGMENTS))
        .withAttribute("product", product);
    if (random.nextInt(12) > 0) {
      draft = draft.withAmount(amount(random));
    }
    if (random.nextInt(100) < 60) {
      draft = draft.withExpectedClose(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30 + random.nextInt(150)));
    }
    Deal deal = accept(pipeline.open(draft, at));
    int changes = 5 + random.nextInt(5);
    for (int change = 0; change < changes; change++) {
      at = at.plusSeconds(3_600 + random.nextLong(21L * 86_400));
      if (deal.isOpen()) {
        deal = step(random, deal, at);
      } else if (random.nextInt(100) < 20) {
        deal = reopen(random, deal, at);
      } else {
        break;
      }
      if (random.nextInt(10) == 0) {
        deal = accept(pipeline.recordActivity(deal, at));
      }
    }
    return deal;
  }

  private Deal step(SplittableRandom random, Deal deal, Instant at) {
    int order = pipeline.stage(deal.stageId()).get().order();
    int last = open.size() - 1;
    int roll = random.nextInt(100);
    if (roll < 5) {
      return accept(pipeline.lose(deal, pick(random, LOST_REASONS), at));
    }
    if (roll < 15 && order > 0) {
      return accept(pipeline.move(deal, open.get(random.nextInt(order)).id(), at));
    }
    if (order == last) {
      return random.nextInt(100) < 60
          ? accept(pipeline.win(deal, at))
          : accept(pipeline.lose(deal, pick(random, LOST_REASONS), at));
    }
    if (order == last - 1 && roll < 24) {
      return accept(pipeline.win(deal, at));
    }
    int target = Math.min(open.size() - 1, order + (random.nextInt(100) < 15 ? 2 : 1));
    if (target >= PROPOSAL && !deal.qualification().equals(QUALIFIED)) {
      if (random.nextInt(100) < 10) {
        return accept(pipeline.lose(deal, "No budget", at));
      }
      deal = accept(pipeline.qualify(deal, QUALIFIED, at));
    }
    return accept(pipeline.move(deal, open.get(target).id(), at));
  }

  private Deal reopen(SplittableRandom random, Deal deal, Instant at) {
    String from = deal.closedFromStageId().get();
    return random.nextInt(100) < 70 || from.equals(open.get(1).id())
        ? accept(pipeline.reopen(deal, at))
        : accept(pipeline.reopen(deal, open.get(1).id(), at));
  }

  private static Money amount(SplittableRandom random) {
    // log-uniform between 1,000 and 250,000 whole units: many small deals, a few large ones
    long units = Math.round(Math.exp(Math.log(1_000) + random.nextDouble() * Math.log(250.0)));
    int roll = random.nextInt(100);
    Currency currency = roll < 60 ? USD : roll < 85 ? EUR : GBP;
    return Money.of(BigDecimal.valueOf(units), currency);
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Every step is planned to be legal; a rejection means the plan and the pipeline disagree. */
  private static Deal accept(Either<Rejection, Change> result) {
    if (result.isLeft()) {
      throw new IllegalStateException("bug: the bench generator planned a step the pipeline rejects: "
          + result.getLeft().message());
    }
    return result.get().deal();
  }

  /** Summary figures of a data set, to show it is what the benchmark claims. */
  static String describe(List<Deal> deals) {
    long events = 0;
    long stageChanges = 0;
    long won = 0;
    long lost = 0;
    long reopened = 0;
    for (Deal deal : deals) {
      events += deal.history().size();
      boolean wasReopened = false;
      for (DealEvent event : deal.history()) {
        if (event instanceof DealEvent.StageChanged
            || event instanceof DealEvent.Won
            || event instanceof DealEvent.Lost) {
          stageChanges++;
        } else if (event instanceof DealEvent.Reopened) {
          stageChanges++;
          wasReopened = true;
        }
      }
      reopened += wasReopened ? 1 : 0;
      won += deal.status() == DealStatus.WON ? 1 : 0;
      lost += deal.status() == DealStatus.LOST ? 1 : 0;
    }
    int n = Math.max(1, deals.size());
    return String.format(Locale.ROOT,
        "%,d deals, %,d events (%.2f per deal), %,d stage changes (%.2f per deal); %,d won, %,d lost, %,d open;"
            + " %,d reopened at least once",
        deals.size(), events, (double) events / n, stageChanges, (double) stageChanges / n, won, lost,
        deals.size() - won - lost, reopened);
  }
}
