package org.salespipeline.analyst.data;

import java.util.Currency;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;

/**
 * A seeded, realistic book of deals in {@link Pipeline#standard()}, for the demo and the HTML
 * report: a year of deals (opened during 2025, exported at {@link #AS_OF}) driven through the real
 * state machine, so every history is one the pipeline accepts.
 *
 * <p>The book has what real pipelines have: six owners who do not sell equally well, three
 * segments whose deals differ in size and pace, four lead sources, amounts in USD and EUR (and a
 * few deals without an amount), qualification recorded on the way to Proposal, skipped stages,
 * backward moves, discounts in Negotiation, losses with reasons that depend on the stage, reopened
 * deals, stalled deals that get stuck, and deals still open at the export. Proposal is slower and
 * loses more than the other stages, so it shows up as a bottleneck. Same seed, same deals.
 *
 * <pre>{@code
 * SampleDeals sample = SampleDeals.of(42);
 * List<Deal> deals = sample.deals(3_000);
 * MetricsReport report = PipelineMetrics.of(sample.pipeline()).calculate(deals, MetricsQuery.asOf(SampleDeals.AS_OF));
 * }</pre>
 *
 * <p>Not thread-safe: a generator holds its random sequence; use one per thread.
 */
public final class SampleDeals {

  /** When the book is exported: every event is at or before this instant. */
  public static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  /** The owners of the deals, from the strongest seller to the weakest. */
  public static final List<String> OWNERS = List.of("ana", "femi", "chen", "eli", "bo", "dara");

  private static final Instant FIRST_DAY = Instant.parse("2025-01-01T08:00:00Z");
  private static final int OPENING_DAYS = 360;
  private static final double[] OWNER_SKILL = {1.25, 1.15, 1.05, 1.0, 0.9, 0.8};
  private static final List<String> SEGMENTS = List.of("SMB", "Mid-market", "Enterprise");
  private static final double[] SEGMENT_PACE = {0.7, 1.0, 1.6};
  private static final int[][] SEGMENT_AMOUNT = {{2_000, 15_000}, {15_000, 60_000}, {60_000, 250_000}};
  private static final List<String> SOURCES = List.of("referral", "event", "web", "outbound");
  private static final double[] SOURCE_QUALITY = {1.25, 1.05, 0.95, 0.8};
  private static final List<String> PRODUCTS = List.of("Starter", "Pro", "Suite");
  private static final List<String> TITLES =
      List.of("Annual licence", "Fleet renewal", "Pilot", "Expansion", "Support upgrade", "Onboarding");
  private static final List<String> ACCOUNT_NAMES = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli",
      "Vandelay", "Soylent", "Tyrell", "Wonka", "Stark", "Wayne", "Cyberdyne", "Oscorp", "Gringotts", "Monarch");
  private static final List<String> ACCOUNT_SUFFIXES = List.of("Ltd", "GmbH", "Inc", "SA", "BV", "AB");

  /** Mean days in each open stage of the standard pipeline, before the segment's pace. */
  private static final double[] MEAN_DAYS = {6, 9, 17, 10, 6};
  /** The chance of losing the deal on leaving each open stage, before skill and source. */
  private static final double[] LOSS = {0.22, 0.22, 0.33, 0.2, 0.3};
  private static final List<List<String>> LOST_REASONS = List.of(
      List.of("No response", "Not a fit"),
      List.of("No budget", "Not a fit", "No decision maker"),
      List.of("Price", "Competitor", "Price"),
      List.of("Price", "Competitor", "Timing"),
      List.of("Timing", "Legal review", "Competitor"));

  private static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.YES);

  private final Pipeline pipeline = Pipeline.standard();
  private final List<String> stageIds =
      pipeline.openStages().stream().map(org.salespipeline.core.Stage::id).toList();
  private final Random random;

  private SampleDeals(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Returns a generator of sample deals.
   *
   * @param seed the seed: the same seed gives the same deals
   * @return a new generator, never null
   */
  public static SampleDeals of(long seed) {
    return new SampleDeals(seed);
  }

  /**
   * Returns the pipeline the deals run through: {@link Pipeline#standard()}.
   *
   * @return the pipeline, never null
   */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Generates deals with ids {@code S-00001}, {@code S-00002}, …, each opened during 2025 and
   * taken as far as it got by {@link #AS_OF}.
   *
   * @param count how many, 0 or more
   * @return the deals in id order, never null
   * @throws IllegalArgumentException if count is negative
   */
  public List<Deal> deals(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + count);
    }
    List<Deal> deals = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      deals.add(deal(String.format(Locale.ROOT, "S-%05d", i)));
    }
    return deals;
  }

  private Deal deal(String id) {
    Objects.requireNonNull(id, "id");
    int owner = random.nextInt(OWNERS.size());
    int segment = weighted(0.5, 0.35);
    int source = random.nextInt(SOURCES.size());
    double pace = SEGMENT_PACE[segment];
    double strength = OWNER_SKILL[owner] * SOURCE_QUALITY[source];
    Instant at = FIRST_DAY.plus(Duration.ofMinutes(random.nextInt(OPENING_DAYS * 24 * 60)));

    NewDeal draft = NewDeal.of(id)
        .withTitle(pick(TITLES))
        .withAccount(pick(ACCOUNT_NAMES) + " " + pick(ACCOUNT_SUFFIXES))
        .withOwner(OWNERS.get(owner))
        .withAttribute("segment", SEGMENTS.get(segment))
        .withAttribute("source", SOURCES.get(source))
        .withAttribute("product", pick(PRODUCTS));
    if (random.nextInt(100) >= 6) {
      int low = SEGMENT_AMOUNT[segment][0];
      int high = SEGMENT_AMOUNT[segment][1];
      long amount = Math.round((low + random.nextDouble() * (high - low)) / 100.0) * 100;
      draft = draft.withAmount(Money.of(BigDecimal.valueOf(amount), Currency.getInstance(random.nextInt(5) == 0 ? "EUR" : "USD")));
    }
    if (random.nextInt(10) < 6) {
      draft = draft.withExpectedClose(date(at).plusDays(Math.round((30 + random.nextInt(60)) * pace)));
    }
    // inbound referrals often arrive already qualified
    boolean startsQualified = source == 0 && random.nextInt(3) == 0;
    if (startsQualified) {
      draft = draft.withStage("qualification").withQualification(earlyQualification());
    }
    Deal deal = accept(pipeline.open(draft, at), id);

    for (int step = 0; step < 40; step++) {
      if (!deal.isOpen()) {
        // a few lost deals come back: the buyer's situation changed
        if (deal.lostReason().isDefined() && random.nextInt(100) < 7) {
          at = at.plus(days(15 + random.nextInt(45)));
          if (at.isAfter(AS_OF)) {
            break;
          }
          deal = accept(pipeline.reopen(deal, at), id);
          continue;
        }
        break;
      }
      int stage = stageIds.indexOf(deal.stageId());
      // a stalled deal sits in its stage far longer than usual: the stuck deals of the report
      double stall = random.nextInt(100) < 5 ? 4 + random.nextInt(6) : 1;
      Instant leaves = at.plus(stay(MEAN_DAYS[stage] * pace * stall));
      if (random.nextInt(3) == 0) {
        Instant touched = at.plus(Duration.between(at, leaves).dividedBy(2));
        if (touched.isAfter(AS_OF)) {
          break;
        }
        deal = accept(pipeline.recordActivity(deal, touched), id);
      }
      if (leaves.isAfter(AS_OF)) {
        break; // still in this stage at the export
      }
      at = leaves;
      deal = leave(deal, stage, strength, at);
    }
    return deal;
  }

  /** The deal leaves its open stage at {@code at}: lost, won, moved back, or moved on (maybe skipping one). */
  private Deal leave(Deal deal, int stage, double strength, Instant at) {
    String id = deal.id();
    int last = stageIds.size() - 1;
    double loss = Math.min(0.9, LOSS[stage] / strength);
    if (random.nextDouble() < loss) {
      return accept(pipeline.lose(deal, pick(LOST_REASONS.get(stage)), at), id);
    }
    if (stage == last) {
      return accept(pipeline.win(deal, at), id);
    }
    if (stage >= 3 && random.nextInt(100) < 8) {
      // the buyer reopens the terms: back one stage
      return accept(pipeline.move(deal, stageIds.get(stage - 1), at), id);
    }
    int target = stage + 1;
    if (stage + 2 <= last && random.nextInt(100) < 9) {
      target = stage + 2;
    }
    if (stage == last - 1 && random.nextInt(100) < 4) {
      // signed straight from Negotiation
      return accept(pipeline.win(deal, at), id);
    }
    int proposal = stageIds.indexOf("proposal");
    if (target >= proposal && !passesChecklist(deal.qualification())) {
      deal = accept(pipeline.qualify(deal, qualifiedNow(), at), id);
    }
    if (target == stageIds.indexOf("negotiation") && deal.amount().isDefined() && random.nextInt(100) < 20) {
      Money amount = deal.amount().get();
      BigDecimal discount = BigDecimal.valueOf(80 + random.nextInt(16)).movePointLeft(2);
      deal = accept(pipeline.changeAmount(deal, Money.of(amount.amount().multiply(discount)
          .setScale(0, RoundingMode.HALF_EVEN), amount.currency()), at), id);
    }
    Deal moved = accept(pipeline.move(deal, stageIds.get(target), at), id);
    if (target == stageIds.indexOf("negotiation") && random.nextInt(2) == 0) {
      moved = accept(pipeline.setExpectedClose(moved, date(at).plusDays(10 + random.nextInt(30)), at), id);
    }
    return moved;
  }

  /** The entry criteria of the standard pipeline's Proposal stage. */
  private static boolean passesChecklist(Qualification q) {
    return q.budget() == QualificationLevel.YES && q.authority() == QualificationLevel.YES
        && q.need() == QualificationLevel.YES
        && (q.timeline() == QualificationLevel.YES || q.timeline() == QualificationLevel.PARTIAL);
  }

  private Qualification earlyQualification() {
    return new Qualification(level(), level(), level(), level(), level());
  }

  /** What is known when the deal is qualified for Proposal: the checklist, and some interest. */
  private Qualification qualifiedNow() {
    QualificationLevel timeline = random.nextInt(4) == 0 ? QualificationLevel.PARTIAL : QualificationLevel.YES;
    QualificationLevel interest = random.nextInt(3) == 0 ? QualificationLevel.PARTIAL : QualificationLevel.YES;
    return QUALIFIED.withTimeline(timeline).withInterest(interest);
  }

  private QualificationLevel level() {
    QualificationLevel[] levels = QualificationLevel.values();
    return levels[random.nextInt(levels.length)];
  }

  /** A stay of about {@code meanDays}: the sum of two exponentials (rarely near zero, long tail). */
  private Duration stay(double meanDays) {
    double d = -Math.log(1 - random.nextDouble()) * meanDays / 2 - Math.log(1 - random.nextDouble()) * meanDays / 2;
    return Duration.ofMinutes(Math.max(60, Math.round(d * 24 * 60)));
  }

  private int weighted(double first, double second) {
    double roll = random.nextDouble();
    return roll < first ? 0 : roll < first + second ? 1 : 2;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static LocalDate date(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static Deal accept(Either<Rejection, Change> result, String id) {
    return result.getOrElseThrow(r -> new IllegalStateException("bug: sample deal " + id + " refused: " + r.message()))
        .deal();
  }
}
