package org.salespipeline.core.testing;

import java.util.Currency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Stage;

/**
 * Seeded, realistic deals for tests of every module: each deal is driven through the real state
 * machine (so every history is valid), with forward moves, skips, backward moves, wins, losses with
 * reasons, reopens, several owners and currencies, three attributes, and some deals without amount.
 * Same seed, same deals.
 */
public final class DealGenerator {

  /** Owners the generator assigns. */
  public static final List<String> OWNERS = List.of("ana", "bo", "chen", "dara", "eli");
  /** Lost reasons the generator uses. */
  public static final List<String> LOST_REASONS = List.of("Price", "Competitor", "No budget", "Timing");

  private static final List<String> SOURCES = List.of("web", "referral", "event", "outbound");
  private static final List<String> SEGMENTS = List.of("SMB", "Mid-market", "Enterprise");
  private static final List<String> PRODUCTS = List.of("Basic", "Pro", "Suite");
  private static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);

  private final Pipeline pipeline;
  private final Random random;
  private final Instant start;
  private final Duration span;

  private DealGenerator(Pipeline pipeline, long seed, Instant start, Duration span) {
    this.pipeline = pipeline;
    this.random = new Random(seed);
    this.start = start;
    this.span = span;
  }

  /**
   * Returns a generator over the standard pipeline, opening deals during 2025.
   *
   * @param seed the seed
   * @return the generator
   */
  public static DealGenerator standard(long seed) {
    return of(Pipeline.standard(), seed);
  }

  /**
   * Returns a generator over any pipeline, opening deals during 2025.
   *
   * @param pipeline the pipeline
   * @param seed the seed
   * @return the generator
   */
  public static DealGenerator of(Pipeline pipeline, long seed) {
    return new DealGenerator(pipeline, seed, Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(365));
  }

  /**
   * Returns the pipeline the deals run through.
   *
   * @return the pipeline
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Generates deals.
   *
   * @param count how many
   * @return the deals, in id order
   */
  public List<Deal> deals(int count) {
    List<Deal> deals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      deals.add(deal(String.format("D-%06d", i)));
    }
    return deals;
  }

  /**
   * Generates one deal with about five stage changes.
   *
   * @param id the deal's id
   * @return the deal
   */
  public Deal deal(String id) {
    Instant at = start.plusSeconds((long) (random.nextDouble() * span.getSeconds()));
    NewDeal draft = NewDeal.of(id)
        .withTitle("Deal " + id)
        .withAccount("Account " + random.nextInt(200))
        .withOwner(pick(OWNERS))
        .withAttribute("source", pick(SOURCES))
        .withAttribute("segment", pick(SEGMENTS))
        .withAttribute("product", pick(PRODUCTS));
    if (random.nextInt(10) > 0) {
      String currency = random.nextInt(4) == 0 ? "EUR" : "USD";
      draft = draft.withAmount(Money.of(BigDecimal.valueOf(500 + random.nextInt(99_500), 0), Currency.getInstance(currency)));
    }
    if (random.nextInt(3) == 0) {
      draft = draft.withExpectedClose(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30 + random.nextInt(120)));
    }
    Deal deal = pipeline.open(draft, at).get().deal();
    List<Stage> open = pipeline.openStages();
    int steps = 2 + random.nextInt(7);
    for (int step = 0; step < steps; step++) {
      at = at.plusSeconds(3_600 + (long) (random.nextDouble() * 20 * 86_400));
      int roll = random.nextInt(100);
      if (!deal.isOpen()) {
        if (roll < 15) {
          deal = apply(pipeline.reopen(deal, at), deal);
        } else {
          break;
        }
      } else if (roll < 12) {
        deal = apply(pipeline.lose(deal, pick(LOST_REASONS), at), deal);
      } else if (roll < 22 && pipeline.stage(deal.stageId()).get().order() >= open.size() - 2) {
        deal = apply(pipeline.win(deal, at), deal);
      } else if (roll < 30) {
        int order = pipeline.stage(deal.stageId()).get().order();
        if (order > 0) {
          deal = apply(pipeline.move(deal, open.get(random.nextInt(order)).id(), at), deal);
        }
      } else {
        int order = pipeline.stage(deal.stageId()).get().order();
        if (order + 1 < open.size()) {
          int target = Math.min(open.size() - 1, order + 1 + (random.nextInt(5) == 0 ? 1 : 0));
          if (deal.qualification() != QUALIFIED && random.nextInt(4) > 0) {
            deal = apply(pipeline.qualify(deal, QUALIFIED, at), deal);
          }
          deal = apply(pipeline.move(deal, open.get(target).id(), at), deal);
        } else {
          deal = apply(random.nextBoolean() ? pipeline.win(deal, at) : pipeline.lose(deal, pick(LOST_REASONS), at), deal);
        }
      }
      if (random.nextInt(8) == 0) {
        deal = apply(pipeline.recordActivity(deal, at), deal);
      }
    }
    return deal;
  }

  /** A rejected step (criteria not met, policy) leaves the deal where it was, as in real life. */
  private static Deal apply(io.vavr.control.Either<org.salespipeline.core.Rejection, Change> result, Deal deal) {
    return result.isRight() ? result.get().deal() : deal;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
