package org.salespipeline.analyst;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.scoring.Factor;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.RankedDeal;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Score;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.SafeScoring;
import org.salespipeline.scoring.ScoringContext;
import org.salespipeline.scoring.ScoringFailure;

/**
 * The open deals of an export in the order to work them: best expected value (probability ×
 * amount) first, as {@link Prioritiser} ranks them, each with the scorer's explanation.
 *
 * <p>A learning scorer is trained on the export's deals closed at the as-of instant, then scores
 * the deals open at that instant. {@link #toString()} is an aligned table. Immutable and
 * thread-safe.
 */
public final class Priorities {

  private static final int FACTORS_SHOWN = 2;
  private static final int FAILURES_SHOWN = 5;
  /** Contributions below a twentieth of a percentage point are not worth a reader's attention. */
  private static final double NEGLIGIBLE = 0.0005;

  private final String scorerId;
  private final Instant asOf;
  private final int considered;
  private final List<Priority> deals;
  private final List<ScoringFailure> failures;
  private final List<String> notes;

  private Priorities(String scorerId, Instant asOf, int considered, List<Priority> deals,
      List<ScoringFailure> failures, List<String> notes) {
    this.scorerId = scorerId;
    this.asOf = asOf;
    this.considered = considered;
    this.deals = List.copyOf(deals);
    this.failures = List.copyOf(failures);
    this.notes = List.copyOf(notes);
  }

  /**
   * Ranks the open deals of an export.
   *
   * @param export the deals, not null
   * @param scorer the scorer, not null; trained here on the export's closed deals if it learns and
   *     is not trained yet
   * @param asOf the instant to rank at: deals as they were then, learning from what had closed by
   *     then; not null
   * @param top how many deals to keep, at least 1
   * @return the ranking, never null
   * @throws IllegalArgumentException if top is below 1
   */
  public static Priorities rank(Export export, Scorer scorer, Instant asOf, int top) {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(asOf, "asOf");
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1 but was " + top);
    }
    ScoringContext context = ScoringContext.of(export.pipeline(), asOf).withHistory(export.deals());
    Scorer trained = train(scorer, context);
    return of(scorer.id(), trained, Prioritiser.of(trained).top(top, export.deals(), context), context);
  }

  /**
   * Explains a ranking made elsewhere, such as one made one deal at a time
   * ({@link Prioritiser#accumulator}) by a scorer trained one deal at a time ({@link Scorer#trainer}),
   * so that no deal but the ranked ones is held: each ranked deal gets the trained scorer's factors.
   *
   * @param scorerId the id of the scorer asked for, not null
   * @param trained the scorer that ranked, trained if it learns (else its deals have no factors), not null
   * @param ranking the ranking, not null
   * @param context the pipeline and the as-of instant the ranking was made at, not null
   * @return the priorities, never null
   */
  public static Priorities of(String scorerId, Scorer trained, Ranking ranking, ScoringContext context) {
    Objects.requireNonNull(scorerId, "scorerId");
    Objects.requireNonNull(trained, "trained");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(context, "context");
    Pipeline pipeline = context.pipeline();
    List<Priority> ranked = new ArrayList<>();
    for (RankedDeal r : ranking.deals()) {
      Deal deal = r.deal();
      List<Factor> factors = trained.isTrained()
          ? SafeScoring.score(trained, deal, context).map(Score::factors).getOrElse(List.of()) : List.of();
      String stage = pipeline.stage(deal.stageId()).map(s -> s.name()).getOrElse(deal.stageId());
      ranked.add(new Priority(r.rank(), deal, stage, r.probability(), r.expectedValue(), factors));
    }
    return new Priorities(scorerId, context.asOf(), ranking.considered(), ranked, ranking.failures(),
        ranking.notes());
  }

  /** Trains a learner; if training fails, the untrained scorer goes on so the ranking reports why per deal. */
  static Scorer train(Scorer scorer, ScoringContext context) {
    if (scorer.isTrained()) {
      return scorer;
    }
    Either<RuntimeException, Scorer> trained;
    try {
      trained = Either.right(Objects.requireNonNull(scorer.trainedOn(context), "trainedOn returned null"));
    } catch (RuntimeException e) {
      trained = Either.left(e);
    }
    return trained.getOrElse(scorer);
  }

  /**
   * Returns the id of the scorer that gave the probabilities.
   *
   * @return the id, never null
   */
  public String scorerId() {
    return scorerId;
  }

  /**
   * Returns the instant the deals were ranked at.
   *
   * @return the instant, never null
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns how many deals were open at the as-of instant.
   *
   * @return the count
   */
  public int considered() {
    return considered;
  }

  /**
   * Returns the ranked deals, best first.
   *
   * @return an unmodifiable list, never null
   */
  public List<Priority> deals() {
    return deals;
  }

  /**
   * Returns the deals the scorer could not score, with the reason; they are not ranked.
   *
   * @return an unmodifiable list, never null
   */
  public List<ScoringFailure> failures() {
    return failures;
  }

  /**
   * Returns what a reader must know about the ranking: unpriced deals, mixed currencies, failures.
   *
   * @return an unmodifiable list, never null
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * Returns the ranking as an aligned table: rank, deal, stage, probability, expected value and
   * the scorer's largest factors.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    int idWidth = Math.max(4, deals.stream().mapToInt(p -> p.deal().id().length()).max().orElse(4));
    int stageWidth = Math.max(5, deals.stream().mapToInt(p -> p.stageName().length()).max().orElse(5));
    List<String> values = deals.stream().map(p -> p.expectedValue().map(Priorities::money).getOrElse("-")).toList();
    int valueWidth = Math.max(14, values.stream().mapToInt(String::length).max().orElse(14));
    StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
        "Priorities: %d of %,d open deals by expected value, scorer %s, as of %s%n", deals.size(), considered,
        scorerId, asOf));
    String row = "%4s  %-" + idWidth + "s  %-" + stageWidth + "s  %6s  %" + valueWidth + "s  %s%n";
    t.append(String.format(Locale.ROOT, row, "rank", "deal", "stage", "prob", "expected value", "why"));
    for (int i = 0; i < deals.size(); i++) {
      Priority p = deals.get(i);
      t.append(String.format(Locale.ROOT, row, p.rank(), p.deal().id(), p.stageName(),
          String.format(Locale.ROOT, "%.1f%%", p.probability() * 100), values.get(i), why(p.factors())));
    }
    for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++) {
      t.append("not ranked: ").append(failures.get(i).message()).append(System.lineSeparator());
    }
    if (failures.size() > FAILURES_SHOWN) {
      t.append(String.format(Locale.ROOT, "... and %,d more deals not ranked: see failures()%n",
          failures.size() - FAILURES_SHOWN));
    }
    for (String note : notes) {
      t.append("note: ").append(note).append(System.lineSeparator());
    }
    return t.toString();
  }

  private static String money(Money money) {
    BigDecimal shown = money.amountInMinorUnit(); // the minor unit: 0 decimals for JPY
    return String.format(Locale.ROOT, "%,." + shown.scale() + "f %s", shown, money.currency().getCurrencyCode());
  }

  private static String why(List<Factor> factors) {
    List<String> parts = new ArrayList<>();
    for (Factor f : factors) {
      if (parts.size() == FACTORS_SHOWN || Math.abs(f.contribution()) < NEGLIGIBLE) {
        break; // factors come largest first: the rest are smaller still
      }
      parts.add(String.format(Locale.ROOT, "%s%s %+.1f pts", f.name(), f.value().isEmpty() ? "" : "=" + f.value(),
          f.contribution() * 100));
    }
    return String.join(", ", parts);
  }
}
