package org.salespipeline.scoring;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.salespipeline.core.Deal;
import org.slf4j.Logger;

/**
 * Scoring with a time limit per scorer call, made by {@link SafeScoring#withTimeout(Duration, Executor)}:
 * a scorer that does not return in time gives a {@link ScoringFailure.TimedOut} naming the scorer
 * and the deal, and every other deal is still scored. Everything else is contained exactly as by
 * {@link SafeScoring}.
 *
 * <p>How it works, and what it costs: each call (each deal's score, and the training of an
 * untrained scorer) runs as a task on the caller's executor while the calling thread waits for it
 * with {@link java.util.concurrent.Future#get(long, TimeUnit) Future.get(timeout)}; on time out the
 * task is cancelled, which interrupts its thread. So every deal costs a hand-off to another thread
 * on top of the scorer's own work: use this for plugins you do not trust, not on the hot path of
 * ranking millions of deals ({@link Prioritiser} calls scorers directly). This class starts no
 * thread and keeps none: the executor is the caller's, and so is shutting it down.
 *
 * <p>Choosing the executor: a scorer that ignores interruption keeps its thread until it returns.
 * With a fixed pool of {@code n} threads, {@code n} such calls occupy the pool and the later deals
 * time out waiting in its queue (they are reported as timed out, never lost). An executor that
 * starts a thread when none is free ({@link java.util.concurrent.Executors#newCachedThreadPool()},
 * or virtual threads on Java 21 and later) keeps scoring the other deals. An executor that runs
 * tasks on the calling thread gives no protection at all.
 *
 * <p>The timeout bounds how long the caller waits for one call (the time a task spends queued
 * counts); this class never reads the clock itself.
 *
 * <p>The first time a scorer (by id) is cut off by the timeout, this object logs it once at WARN
 * through SLF4J (logger {@code org.salespipeline.scoring.TimeLimitedScoring}); later time-outs of the same
 * scorer are only in the results. Its settings are immutable; thread-safe if the executor is.
 */
public final class TimeLimitedScoring {

  private final Duration timeout;
  private final long timeoutNanos;
  private final Executor executor;
  private final Logger log;
  /** The ids of the scorers whose time-out was logged: one WARN per scorer. */
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  TimeLimitedScoring(Duration timeout, Executor executor, Logger log) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(executor, "executor");
    this.log = Objects.requireNonNull(log, "log");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
    this.timeout = timeout;
    // Duration.toNanos overflows beyond about 292 years: wait "for ever" instead
    this.timeoutNanos = timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : timeout.toNanos();
    this.executor = executor;
  }

  /**
   * Returns how long each scorer call may take.
   *
   * @return the timeout, positive, never null
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Scores one deal with its explanation, as {@link SafeScoring#score}, within the timeout.
   *
   * @param scorer the scorer, not null, already trained if it learns
   * @param deal the deal, not null
   * @param context the context, not null
   * @return the score, or the failure naming the scorer and the deal (a {@link ScoringFailure.TimedOut}
   *     if it took too long)
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task
   * @throws CancellationException if the calling thread is interrupted while it waits (its interrupt
   *     flag is set again)
   */
  public Either<ScoringFailure, Score> score(Scorer scorer, Deal deal, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    return withinTimeout(() -> SafeScoring.score(scorer, deal, context))
        .getOrElse(() -> Either.left(timedOut(scorer, deal.id())));
  }

  /**
   * Returns one deal's probability through the scorer's fast path, as {@link SafeScoring#probability},
   * within the timeout.
   *
   * @param scorer the scorer, not null, already trained if it learns
   * @param deal the deal, not null
   * @param context the context, not null
   * @return the probability within [0, 1], or the failure naming the scorer and the deal
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task
   * @throws CancellationException if the calling thread is interrupted while it waits
   */
  public Either<ScoringFailure, Double> probability(Scorer scorer, Deal deal, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(context, "context");
    return withinTimeout(() -> SafeScoring.probability(scorer, deal, context))
        .getOrElse(() -> Either.left(timedOut(scorer, deal.id())));
  }

  /**
   * Trains the scorer on the context if it is not {@linkplain Scorer#isTrained() trained} (within
   * the timeout), then scores every deal (each within the timeout), as {@link SafeScoring#scoreAll}.
   * If training fails or times out, every deal gets that failure.
   *
   * @param scorer the scorer, not null
   * @param deals the deals to score, not null, none null
   * @param context the context (with the history to learn from), not null
   * @return the scores in input order and the failures, never null
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses a task
   * @throws CancellationException if the calling thread is interrupted while it waits
   */
  public ScoredBatch scoreAll(Scorer scorer, Iterable<Deal> deals, ScoringContext context) {
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(deals, "deals");
    Objects.requireNonNull(context, "context");
    String scorerId = SafeScoring.safeId(scorer);
    Either<Function<String, ScoringFailure>, Scorer> ready = scorer.isTrained()
        ? Either.right(scorer)
        : withinTimeout(() -> SafeScoring.train(scorer, context))
            .<Either<Function<String, ScoringFailure>, Scorer>>map(trained -> trained.mapLeft(
                cause -> dealId -> SafeScoring.trainingFailure(scorerId, dealId, cause)))
            .getOrElse(() -> {
              logTimeOut(scorerId, "training");
              return Either.left(dealId -> new ScoringFailure.TimedOut(scorerId, dealId, timeout));
            });
    List<ScoredDeal> scored = new ArrayList<>();
    List<ScoringFailure> failures = new ArrayList<>();
    for (Deal deal : deals) {
      Objects.requireNonNull(deal, "deals must not contain null");
      if (ready.isLeft()) {
        failures.add(ready.getLeft().apply(deal.id()));
        continue;
      }
      score(ready.get(), deal, context).fold(failures::add, s -> scored.add(new ScoredDeal(deal, s)));
    }
    return new ScoredBatch(scored, failures);
  }

  private ScoringFailure timedOut(Scorer scorer, String dealId) {
    String scorerId = SafeScoring.safeId(scorer);
    logTimeOut(scorerId, "deal " + dealId);
    return new ScoringFailure.TimedOut(scorerId, dealId, timeout);
  }

  private void logTimeOut(String scorerId, String call) {
    if (logged.add(scorerId)) {
      log.warn("Scorer '{}' was cut off after {} ({}); its calls that time out are cancelled and reported "
          + "as TIMED_OUT, and this is logged once per scorer", scorerId, timeout, call);
    }
  }

  /** Runs the work on the executor; empty if it did not finish in time (it is then cancelled). */
  private <T> Option<T> withinTimeout(Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    executor.execute(task);
    try {
      return Option.some(task.get(timeoutNanos, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      // cancel fails only if the task finished meanwhile: then its answer counts
      return task.cancel(true) ? Option.none() : Option.some(finished(task));
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  private static <T> T finished(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  private static CancellationException interrupted(InterruptedException e) {
    CancellationException cancelled = new CancellationException("interrupted while waiting for a scorer");
    cancelled.initCause(e);
    return cancelled;
  }

  /** Scoring contains the scorer's exceptions, so only an Error (not contained by design) gets here. */
  private static RuntimeException rethrow(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("bug: a scoring task threw a checked exception", cause);
  }
}
