package org.salespipeline.scoring;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

/**
 * Ranks open deals by expected value, probability × amount, optionally weighted by
 * {@link Urgency}: the deals to work first.
 *
 * <pre>{@code
 * Ranking top = Prioritiser.of(ScorerRegistry.discover().require("naive-bayes"))
 *     .withUrgency(Urgency.of(0.5, 30, 0.25))
 *     .top(20, deals, ScoringContext.of(pipeline, asOf).withHistory(deals));
 * }</pre>
 *
 * <p>Rules: only deals of the context's pipeline that are open at its as-of instant are ranked, as
 * they were then. A scorer that is not {@linkplain Scorer#isTrained() trained} is trained once on
 * the context; a trained one is used as it is. Deals without an amount are
 * ranked after every priced deal, by probability, and the ranking says so. Ties are broken by
 * probability, then by deal id, so the ranking does not depend on the input order. A deal the
 * scorer fails on is left out and reported in {@link Ranking#failures()}.
 *
 * <p>Amounts are compared through a valuation (default: the amount at face value, whatever the
 * currency; the ranking notes mixed currencies). Pass exchange rates with
 * {@link #withValuation(ToDoubleFunction)}.
 *
 * <p>{@link #top(int, Iterable, ScoringContext)} keeps a bounded heap of k deals: it does not sort
 * all of them, and it scores through the scorer's allocation-free fast path. Immutable and
 * thread-safe if the scorer and the valuation are.
 */
public final class Prioritiser {

  private static final Comparator<Candidate> BEST_FIRST = Comparator
      .comparing((Candidate c) -> !c.priced)
      .thenComparing(Comparator.comparingDouble((Candidate c) -> c.priority).reversed())
      .thenComparing(Comparator.comparingDouble((Candidate c) -> c.probability).reversed())
      .thenComparing(c -> c.deal.id());

  private final Scorer scorer;
  private final Urgency urgency;
  private final ToDoubleFunction<Money> valuation;
  private final boolean faceValue;

  private Prioritiser(Scorer scorer, Urgency urgency, ToDoubleFunction<Money> valuation, boolean faceValue) {
    this.scorer = scorer;
    this.urgency = urgency;
    this.valuation = valuation;
    this.faceValue = faceValue;
  }

  /**
   * Returns a prioritiser ranking by the scorer's probabilities, with no urgency.
   *
   * @param scorer the scorer, not null; trained on the ranking's context unless already trained
   * @return the prioritiser, never null
   */
  public static Prioritiser of(Scorer scorer) {
    return new Prioritiser(Objects.requireNonNull(scorer, "scorer"), Urgency.NONE,
        m -> m.amount().doubleValue(), true);
  }

  /**
   * Returns a copy weighting priorities by urgency.
   *
   * @param urgency the urgency, not null; {@link Urgency#NONE} for none
   * @return the copy, never null
   */
  public Prioritiser withUrgency(Urgency urgency) {
    return new Prioritiser(scorer, Objects.requireNonNull(urgency, "urgency"), valuation, faceValue);
  }

  /**
   * Returns a copy comparing amounts through a valuation, such as a conversion to one currency.
   *
   * @param valuation turns an amount into a comparable number, not null; must return a finite number,
   *     0 or more, and be thread-safe
   * @return the copy, never null
   */
  public Prioritiser withValuation(ToDoubleFunction<Money> valuation) {
    return new Prioritiser(scorer, urgency, Objects.requireNonNull(valuation, "valuation"), false);
  }

  /**
   * Returns the scorer.
   *
   * @return the scorer, never null
   */
  public Scorer scorer() {
    return scorer;
  }

  /**
   * Ranks every open deal.
   *
   * @param deals the deals, not null, none null
   * @param context the pipeline, the as-of instant and the history to learn from; not null
   * @return the ranking, never null
   */
  public Ranking rank(Iterable<Deal> deals, ScoringContext context) {
    return run(Integer.MAX_VALUE, deals, context);
  }

  /**
   * Returns the k best open deals, without sorting them all (a bounded heap).
   *
   * @param k how many, at least 1
   * @param deals the deals, not null, none null
   * @param context the pipeline, the as-of instant and the history to learn from; not null
   * @return the ranking of at most k deals, never null
   * @throws IllegalArgumentException if k is below 1
   */
  public Ranking top(int k, Iterable<Deal> deals, ScoringContext context) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1 but was " + k);
    }
    return run(k, deals, context);
  }

  private Ranking run(int k, Iterable<Deal> deals, ScoringContext context) {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(context, "context");
    Pipeline pipeline = context.pipeline();
    Instant asOf = context.asOf();
    Either<RuntimeException, Scorer> trained =
        scorer.isTrained() ? Either.right(scorer) : Scoring.train(scorer, context);
    String scorerId = Scoring.safeId(scorer);
    // worst on top, so the heap's head is the one to evict
    PriorityQueue<Candidate> heap = new PriorityQueue<>(BEST_FIRST.reversed());
    List<Candidate> all = new ArrayList<>();
    List<ScoringFailure> failures = new ArrayList<>();
    int considered = 0;
    int otherPipelines = 0;
    @Nullable Currency firstCurrency = null;
    TreeSet<String> currencies = new TreeSet<>();
    @Nullable Candidate probe = null;
    for (Deal given : deals) {
      Objects.requireNonNull(given, "deals must not contain null");
      if (!given.pipelineId().equals(pipeline.id())) {
        otherPipelines++;
        continue;
      }
      Deal deal = given;
      if (given.lastEventAt().isAfter(asOf)) {
        Option<Deal> then = given.asOf(asOf);
        if (then.isEmpty()) {
          continue;
        }
        deal = then.get();
      }
      if (!deal.isOpen()) {
        continue;
      }
      considered++;
      if (trained.isLeft()) {
        RuntimeException cause = trained.getLeft();
        failures.add(cause instanceof NotScorableException
            ? new ScoringFailure.NotScorable(scorerId, deal.id(), String.valueOf(cause.getMessage()))
            : new ScoringFailure.Threw(scorerId, deal.id(), cause));
        continue;
      }
      double p;
      try {
        p = trained.get().probability(deal, context);
      } catch (NotScorableException e) {
        failures.add(new ScoringFailure.NotScorable(scorerId, deal.id(), String.valueOf(e.getMessage())));
        continue;
      } catch (RuntimeException | LinkageError e) {
        failures.add(new ScoringFailure.Threw(scorerId, deal.id(), e));
        continue;
      }
      if (!(p >= 0.0 && p <= 1.0)) {
        failures.add(new ScoringFailure.InvalidProbability(scorerId, deal.id(), p));
        continue;
      }
      double multiplier = urgency.isNone() ? 1.0 : urgency.multiplier(deal, pipeline, asOf);
      Option<Money> amount = deal.amount();
      boolean priced = amount.isDefined();
      double priority;
      if (priced) {
        Money money = amount.get();
        if (firstCurrency == null) {
          firstCurrency = money.currency();
          currencies.add(firstCurrency.getCurrencyCode());
        } else if (!firstCurrency.equals(money.currency())) {
          currencies.add(money.currency().getCurrencyCode());
        }
        double value = valuation.applyAsDouble(money);
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("valuation must return a finite number >= 0 but returned " + value
              + " for " + money + " of deal " + deal.id());
        }
        priority = p * value * multiplier;
      } else {
        priority = p * multiplier;
      }
      if (k == Integer.MAX_VALUE) {
        all.add(new Candidate(deal, p, priority, priced, multiplier));
      } else if (heap.size() < k) {
        heap.add(new Candidate(deal, p, priority, priced, multiplier));
      } else {
        probe = probe == null ? new Candidate(deal, p, priority, priced, multiplier)
            : probe.set(deal, p, priority, priced, multiplier);
        if (BEST_FIRST.compare(probe, heap.peek()) < 0) {
          heap.poll();
          heap.add(new Candidate(deal, p, priority, priced, multiplier));
        }
      }
    }
    List<Candidate> ordered = k == Integer.MAX_VALUE ? all : new ArrayList<>(heap);
    ordered.sort(BEST_FIRST);
    List<RankedDeal> ranked = new ArrayList<>(ordered.size());
    int unpriced = 0;
    for (Candidate c : ordered) {
      Option<Money> expected = c.deal.amount().map(m -> m.multipliedBy(BigDecimal.valueOf(c.probability)));
      if (!c.priced) {
        unpriced++;
      }
      ranked.add(new RankedDeal(ranked.size() + 1, c.deal, c.probability, expected, c.multiplier, c.priority));
    }
    return new Ranking(ranked, failures, considered, unpriced,
        notes(ranked.size(), unpriced, failures.size(), otherPipelines, currencies));
  }

  private List<String> notes(int ranked, int unpriced, int failed, int otherPipelines, TreeSet<String> currencies) {
    List<String> notes = new ArrayList<>();
    if (unpriced > 0) {
      notes.add(unpriced + " of " + ranked + " ranked deals have no amount: they are ranked after the priced deals,"
          + " by probability");
    }
    if (faceValue && currencies.size() > 1) {
      notes.add("amounts in " + String.join(", ", currencies) + " are compared at face value: pass a valuation with"
          + " exchange rates to compare them");
    }
    if (failed > 0) {
      notes.add(failed + " deals could not be scored by '" + Scoring.safeId(scorer) + "' and are not ranked (see"
          + " failures)");
    }
    if (otherPipelines > 0) {
      notes.add(otherPipelines + " deals of other pipelines were left out");
    }
    return notes;
  }

  @Override
  public String toString() {
    return "Prioritiser[" + Scoring.safeId(scorer) + (urgency.isNone() ? "" : ", " + urgency) + "]";
  }

  /** A deal on its way into the ranking; mutable only as the reusable probe of the heap loop. */
  private static final class Candidate {
    Deal deal;
    double probability;
    double priority;
    boolean priced;
    double multiplier;

    Candidate(Deal deal, double probability, double priority, boolean priced, double multiplier) {
      this.deal = deal;
      this.probability = probability;
      this.priority = priority;
      this.priced = priced;
      this.multiplier = multiplier;
    }

    Candidate set(Deal deal, double probability, double priority, boolean priced, double multiplier) {
      this.deal = deal;
      this.probability = probability;
      this.priority = priority;
      this.priced = priced;
      this.multiplier = multiplier;
      return this;
    }
  }
}
