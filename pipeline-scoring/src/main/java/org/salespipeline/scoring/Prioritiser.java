package org.salespipeline.scoring;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.internal.DealCursor;
import org.salespipeline.core.internal.ValueStyle;

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
 * the context; a trained one is used as it is. A deal the scorer fails on is left out and reported
 * in {@link Ranking#failures()}.
 *
 * <p>Order, best first:
 * <ol>
 *   <li>priced deals before deals without an amount (the ranking says how many had none);</li>
 *   <li>by priority, highest first: for a priced deal its amount × probability × urgency
 *       multiplier, that is its {@linkplain RankedDeal#expectedValue() expected value} × urgency; for
 *       a deal without an amount, probability × urgency;</li>
 *   <li>equal priorities by probability, highest first, then by deal id, so the ranking does not
 *       depend on the input order.</li>
 * </ol>
 * Priorities are compared <em>exactly</em>, as decimals: the amount as the exact {@link Money}
 * amount, the probability and the multiplier as their decimal values
 * ({@link BigDecimal#valueOf(double)}, as in the expected value). So every valid amount ranks, up to
 * {@value Money#MAX_DIGITS} digits and far beyond the range of a {@code double}, and two amounts
 * that differ only in their last cent rank in that order, however large. (Doubles decide whenever
 * their rounding cannot change the answer; only near-ties and amounts beyond the double range are
 * multiplied out as decimals.) {@link RankedDeal#priority()} shows the priority as a double.
 *
 * <p>Amounts are compared at face value whatever their currency (the ranking notes mixed
 * currencies), unless a valuation turns them into comparable numbers, such as a conversion with
 * exchange rates ({@link #withValuation(ToDoubleFunction)}); the valuation's number then takes the
 * amount's place, and is compared exactly as well.
 *
 * <p>{@link #top(int, Iterable, ScoringContext)} (and {@link #accumulator(int, ScoringContext)}, which
 * takes the deals one at a time) keeps a bounded heap of k deals: it does not sort
 * all of them, scores through the scorer's fast path ({@link Scorer#probability}) and allocates
 * per deal at most the amount it reads (beyond the deals that enter the heap, and
 * {@link Deal#asOf} for deals changed after the as-of instant). Immutable and thread-safe if the scorer and the valuation are;
 * equal when the scorer, the urgency and the valuation are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class Prioritiser {

  /**
   * Bound of the relative error of an {@linkplain Candidate#accurate accurate} priority computed in
   * doubles: the amount's conversion and two products, each within half an ulp (2^-53), and the
   * decimal values of the three factors within an ulp of their doubles, about 1e-15 in all. 1e-12
   * leaves a wide margin.
   */
  private static final double RELATIVE_ERROR = 1e-12;

  Prioritiser() {}

  /**
   * Returns a prioritiser ranking by the scorer's probabilities, with no urgency, amounts at face
   * value.
   *
   * @param scorer the scorer, not null; trained on the ranking's context unless already trained
   * @return the prioritiser, never null
   */
  public static Prioritiser of(Scorer scorer) {
    return ImmutablePrioritiser.builder().scorer(scorer).build();
  }

  /**
   * Returns the scorer.
   *
   * @return the scorer, never null
   */
  public abstract Scorer scorer();

  /** The urgency weighting priorities, {@link Urgency#NONE} for none. */
  @Value.Default
  Urgency urgency() {
    return Urgency.NONE;
  }

  /** The valuation of amounts, none to compare them at face value. */
  @Value.Default
  Option<ToDoubleFunction<Money>> valuation() {
    return Option.none();
  }

  /**
   * Returns a copy weighting priorities by urgency.
   *
   * @param urgency the urgency, not null; {@link Urgency#NONE} for none
   * @return the copy, never null
   */
  public abstract Prioritiser withUrgency(Urgency urgency);

  /**
   * Returns a copy comparing amounts through a valuation, such as a conversion to one currency: the
   * valuation's number takes the amount's place in the priority (the expected value shown stays
   * the deal's own amount × probability).
   *
   * @param valuation turns an amount into a comparable number, not null; must return a finite number,
   *     0 or more, and be thread-safe. A ranking throws {@link IllegalArgumentException} naming the
   *     deal if it returns anything else.
   * @return the copy, never null
   */
  public Prioritiser withValuation(ToDoubleFunction<Money> valuation) {
    return ImmutablePrioritiser.builder().from(this).valuation(Option.of(Objects.requireNonNull(valuation, "valuation")))
        .build();
  }

  /**
   * Ranks every open deal.
   *
   * @param deals the deals, not null, none null
   * @param context the pipeline, the as-of instant and the history to learn from; not null
   * @return the ranking, never null
   * @throws IllegalArgumentException if a valuation returns a negative, infinite or NaN number
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
   * @throws IllegalArgumentException if k is below 1, or a valuation returns a negative, infinite or
   *     NaN number
   */
  public Ranking top(int k, Iterable<Deal> deals, ScoringContext context) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1 but was " + k);
    }
    return run(k, deals, context);
  }

  /**
   * Returns an empty ranking of the k best open deals, to give deals to one at a time: the same
   * ranking as {@link #top(int, Iterable, ScoringContext)} over the same deals, for hosts that read
   * deals from a file or a database and should not hold them all. It holds the k best deals so far
   * and the failures, never the other deals. A scorer that is not trained is trained here on the
   * context; for deals that are not held either, train it first with {@link Scorer#trainer}.
   *
   * <pre>{@code
   * Scorer trained = scorer.trainer(context).addAll(firstPassOverTheFile).trained();
   * Prioritiser.RankingAccumulator top = Prioritiser.of(trained).accumulator(20, context);
   * reader.read(file, top::add, rejection -> { });   // the second pass
   * Ranking ranking = top.ranking();
   * }</pre>
   *
   * @param k how many, at least 1
   * @param context the pipeline, the as-of instant and the history to learn from; not null
   * @return a new accumulator, never null
   * @throws IllegalArgumentException if k is below 1
   */
  public RankingAccumulator accumulator(int k, ScoringContext context) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1 but was " + k);
    }
    return new RankingAccumulator(k, Objects.requireNonNull(context, "context"));
  }

  private Ranking run(int k, Iterable<Deal> deals, ScoringContext context) {
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(context, "context");
    RankingAccumulator accumulator = new RankingAccumulator(k, context);
    for (Deal given : deals) {
      accumulator.add(given);
    }
    return accumulator.ranking();
  }

  /**
   * A ranking in the making: the k best open deals of those given so far, and the failures
   * ({@link Prioritiser#accumulator(int, ScoringContext)}). Deals may come in any order: the
   * ranking does not depend on it.
   *
   * <p>Mutable and not thread-safe.
   */
  public final class RankingAccumulator {

    private final int k;
    private final ScoringContext context;
    private final Pipeline pipeline;
    private final String pipelineId;
    private final Instant asOf;
    private final Either<RuntimeException, Scorer> trained;
    private final @Nullable Scorer ready;
    private final String scorerId;
    private final Urgency urgency;
    private final @Nullable ToDoubleFunction<Money> valuation; // null: the amount at face value
    private final boolean all;
    private final boolean urgent;
    private final @Nullable LocalDate today;
    /** Worst on top, so the heap's head is the one to evict. */
    private final PriorityQueue<Candidate> heap;
    private final List<Candidate> ranked = new ArrayList<>();
    private final List<ScoringFailure> failures = new ArrayList<>();
    private final List<Currency> currencies = new ArrayList<>(2);
    private int considered;
    private int otherPipelines;
    private @Nullable Candidate spare; // a candidate the heap turned away or evicted, to be reused
    private @Nullable DealCursor cursor; // one for every deal: reads the last event's instant in place
    private boolean done;

    private RankingAccumulator(int k, ScoringContext context) {
      this.k = k;
      this.context = context;
      this.pipeline = context.pipeline();
      this.pipelineId = pipeline.id();
      this.asOf = context.asOf();
      Scorer scorer = scorer();
      this.urgency = urgency();
      this.valuation = valuation().getOrNull();
      this.trained = scorer.isTrained() ? Either.right(scorer) : SafeScoring.train(scorer, context);
      this.ready = trained.isRight() ? trained.get() : null;
      this.scorerId = SafeScoring.safeId(scorer);
      this.all = k == Integer.MAX_VALUE;
      this.urgent = !urgency.isNone();
      this.today = urgency.today(asOf);
      this.heap = new PriorityQueue<>(all ? 1 : Math.min(k, 1024) + 1, (a, b) -> compare(b, a));
    }

    /**
     * Gives one more deal: ranked if it is of the context's pipeline and open at the as-of
     * instant (as it was then), else counted or ignored as the ranking's rules say.
     *
     * @param given the deal, not null
     * @return this accumulator
     * @throws IllegalArgumentException if a valuation returns a negative, infinite or NaN number
     * @throws IllegalStateException if {@link #ranking()} was called already
     */
    public RankingAccumulator add(Deal given) {
      Objects.requireNonNull(given, "deals must not contain null");
      if (done) {
        throw new IllegalStateException("this accumulator has given its ranking already: start another");
      }
      if (!given.pipelineId().equals(pipelineId)) {
        otherPipelines++;
        return this;
      }
      Deal deal = given;
      if ((cursor = cursor == null ? DealCursor.of(given) : cursor.on(given)).at(given.version() - 1).compareAt(asOf) > 0) { // in place: lastEventAt() makes an Instant
        Option<Deal> then = given.asOf(asOf);
        if (then.isEmpty()) {
          return this;
        }
        deal = then.get();
      }
      if (!deal.isOpen()) {
        return this;
      }
      considered++;
      if (ready == null) {
        RuntimeException cause = trained.getLeft();
        failures.add(cause instanceof NotScorableException
            ? new ScoringFailure.NotScorable(scorerId, deal.id(), String.valueOf(cause.getMessage()))
            : new ScoringFailure.Threw(scorerId, deal.id(), cause));
        return this;
      }
      double p;
      try {
        p = ready.probability(deal, context);
      } catch (NotScorableException e) {
        failures.add(new ScoringFailure.NotScorable(scorerId, deal.id(), String.valueOf(e.getMessage())));
        return this;
      } catch (RuntimeException | LinkageError e) {
        failures.add(new ScoringFailure.Threw(scorerId, deal.id(), e));
        return this;
      }
      if (!(p >= 0.0 && p <= 1.0)) {
        failures.add(new ScoringFailure.InvalidProbability(scorerId, deal.id(), p));
        return this;
      }
      double multiplier = urgent ? urgency.multiplier(deal, pipeline, asOf, today) : 1.0;
      Option<Money> amount = deal.amount();
      boolean priced = amount.isDefined();
      @Nullable BigDecimal value = BigDecimal.ONE;
      double valued = 1.0;
      if (priced) {
        Money money = amount.get();
        noteCurrency(currencies, money.currency());
        if (valuation == null) {
          value = money.amount();
          valued = value.doubleValue();
        } else {
          value = null;
          valued = valuation.applyAsDouble(money);
          if (!(valued >= 0) || Double.isInfinite(valued)) {
            throw new IllegalArgumentException("valuation must return a finite number >= 0 but returned " + valued
                + " for " + money + " of deal " + deal.id());
          }
        }
      }
      // + 0.0 turns -0.0 into 0.0, which Double.compare would otherwise order below it
      Candidate c = spare == null ? new Candidate() : spare;
      c.set(deal, p + 0.0, multiplier, priced, value, valued + 0.0);
      spare = null;
      if (all) {
        ranked.add(c);
      } else if (heap.size() < k) {
        heap.add(c);
      } else if (compare(c, heap.peek()) < 0) {
        spare = heap.poll();
        heap.add(c);
      } else {
        spare = c;
      }
      return this;
    }

    /**
     * Returns the ranking of the deals given. The accumulator is done: it takes no more deals.
     *
     * @return the ranking of at most k deals, never null
     * @throws IllegalStateException if called twice
     */
    public Ranking ranking() {
      if (done) {
        throw new IllegalStateException("this accumulator has given its ranking already: start another");
      }
      done = true;
      if (!all) {
        ranked.addAll(heap);
        heap.clear();
      }
      ranked.sort(Prioritiser::compare);
      return Prioritiser.this.ranking(ranked, failures, considered, otherPipelines, currencies);
    }
  }

  private static void noteCurrency(List<Currency> seen, Currency currency) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) == currency) {
        return;
      }
    }
    if (!seen.contains(currency)) {
      seen.add(currency);
    }
  }

  private Ranking ranking(List<Candidate> ordered, List<ScoringFailure> failures, int considered,
      int otherPipelines, List<Currency> currencies) {
    double[] priorities = new double[ordered.size()];
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Candidate c = ordered.get(i);
      double priority = c.accurate ? c.approximate : Math.min(Double.MAX_VALUE, c.exact().doubleValue());
      // rounding may put a double a few ulps below the next one's although its exact priority is higher
      if (i + 1 < ordered.size() && ordered.get(i + 1).priced == c.priced) {
        priority = Math.max(priority, priorities[i + 1]);
      }
      priorities[i] = priority;
    }
    List<RankedDeal> ranked = new ArrayList<>(ordered.size());
    int unpriced = 0;
    for (int i = 0; i < ordered.size(); i++) {
      Candidate c = ordered.get(i);
      if (!c.priced) {
        unpriced++;
      }
      ranked.add(new RankedDeal(i + 1, c.deal, c.probability, c.deal.amount().map(m -> expectedValue(m, c.probability)),
          c.multiplier, priorities[i]));
    }
    TreeSet<String> codes = new TreeSet<>();
    for (Currency currency : currencies) {
      codes.add(currency.getCurrencyCode());
    }
    return new Ranking(ranked, failures, considered, unpriced,
        notes(ranked.size(), unpriced, failures.size(), otherPipelines, codes));
  }

  /** The amount × probability, exact but for the decimals beyond what Money holds (a thousand). */
  private static Money expectedValue(Money amount, double probability) {
    BigDecimal value = amount.amount().multiply(BigDecimal.valueOf(probability));
    if (value.scale() > Money.MAX_DIGITS) {
      value = value.setScale(Money.MAX_DIGITS, RoundingMode.HALF_EVEN);
    }
    return Money.of(value, amount.currency());
  }

  /** Best first: priced before unpriced, then priority and probability descending, then deal id. */
  private static int compare(Candidate a, Candidate b) {
    if (a.priced != b.priced) {
      return a.priced ? -1 : 1;
    }
    int byPriority = comparePriority(b, a);
    if (byPriority != 0) {
      return byPriority;
    }
    int byProbability = Double.compare(b.probability, a.probability);
    return byProbability != 0 ? byProbability : a.deal.id().compareTo(b.deal.id());
  }

  /** Compares exact priorities, through their doubles whenever rounding cannot change the answer. */
  private static int comparePriority(Candidate a, Candidate b) {
    double x = a.approximate;
    double y = b.approximate;
    if (a.accurate && b.accurate && Math.abs(x - y) > RELATIVE_ERROR * (x + y)) {
      return x < y ? -1 : 1;
    }
    if (a.zero || b.zero) { // priorities are never negative
      return Boolean.compare(b.zero, a.zero);
    }
    if (a.multiplier == b.multiplier) {
      // the common near-ties, same multiplier and same amount or probability, need no decimal product
      if (a.probability == b.probability) {
        return a.value == null || b.value == null ? Double.compare(a.valued, b.valued) : a.value.compareTo(b.value);
      }
      if (a.value == null || b.value == null ? a.valued == b.valued : a.value.compareTo(b.value) == 0) {
        return Double.compare(a.probability, b.probability);
      }
    }
    return a.exact().compareTo(b.exact());
  }

  private List<String> notes(int ranked, int unpriced, int failed, int otherPipelines, TreeSet<String> currencies) {
    List<String> notes = new ArrayList<>();
    if (unpriced > 0) {
      notes.add(unpriced + " of " + ranked + " ranked deals have no amount: they are ranked after the priced deals,"
          + " by probability");
    }
    if (valuation().isEmpty() && currencies.size() > 1) {
      notes.add("amounts in " + String.join(", ", currencies) + " are compared at face value: pass a valuation with"
          + " exchange rates to compare them");
    }
    if (failed > 0) {
      notes.add(failed + " deals could not be scored by '" + SafeScoring.safeId(scorer()) + "' and are not ranked (see"
          + " failures)");
    }
    if (otherPipelines > 0) {
      notes.add(otherPipelines + " deals of other pipelines were left out");
    }
    return notes;
  }

  @Override
  public String toString() {
    return "Prioritiser[" + SafeScoring.safeId(scorer()) + (urgency().isNone() ? "" : ", " + urgency()) + "]";
  }

  /**
   * A deal on its way into the ranking, with its priority in doubles and, when a comparison needs
   * it, exactly. Mutable so that the heap loop reuses the candidates the heap turns away; a candidate
   * is always {@linkplain #set set} before it is compared.
   */
  private static final class Candidate {
    Deal deal; // set before use
    double probability;
    double multiplier;
    boolean priced;
    /** The exact amount at face value, 1 without an amount; null for a valuation's number. */
    @Nullable BigDecimal value;
    /** The amount as a double (possibly infinite or rounded to zero), the valuation's number, or 1. */
    double valued;
    /** valued × probability × multiplier in doubles. */
    double approximate;
    /**
     * Whether approximate is within {@link #RELATIVE_ERROR} of the exact priority: no factor nor
     * product overflowed or fell below the normal doubles (a zero is accurate when it is exact).
     */
    boolean accurate;
    /** Whether the exact priority is zero (the probability or the amount is). */
    boolean zero;
    private @Nullable BigDecimal exact;

    void set(Deal deal, double probability, double multiplier, boolean priced, @Nullable BigDecimal value,
        double valued) {
      this.deal = deal;
      this.probability = probability;
      this.multiplier = multiplier;
      this.priced = priced;
      this.value = value;
      this.valued = valued;
      this.exact = null;
      this.zero = probability == 0 || (value == null ? valued == 0 : value.signum() == 0);
      if (zero) {
        this.approximate = 0.0; // exactly, even for an amount beyond the double range
        this.accurate = true;
      } else {
        double partial = valued * probability;
        this.approximate = partial * multiplier;
        this.accurate = valued >= Double.MIN_NORMAL && partial >= Double.MIN_NORMAL && approximate <= Double.MAX_VALUE;
      }
    }

    /** The exact priority, computed once. */
    BigDecimal exact() {
      BigDecimal e = exact;
      if (e == null) {
        BigDecimal amount = value != null ? value : BigDecimal.valueOf(valued);
        e = amount.multiply(BigDecimal.valueOf(probability)).multiply(BigDecimal.valueOf(multiplier));
        exact = e;
      }
      return e;
    }
  }
}
