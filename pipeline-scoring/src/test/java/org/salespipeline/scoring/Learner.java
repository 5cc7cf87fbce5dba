package org.salespipeline.scoring;

import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.salespipeline.core.Deal;

/**
 * A scorer for the tests of what happens around training: it learns, scores every deal 0.5, and
 * trains as it is told (fails, waits, or returns what the function gives, null included).
 */
record Learner(String id, Function<ScoringContext, Scorer> training) implements Scorer {

  /** A learner whose training throws the failure. */
  static Learner failing(String id, RuntimeException failure) {
    return new Learner(id, context -> {
      throw failure;
    });
  }

  /** A learner whose training waits for the latch (or an interrupt), then gives itself. */
  static Learner waitingFor(String id, CountDownLatch latch) {
    Learner[] self = new Learner[1];
    self[0] = new Learner(id, context -> {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return self[0];
    });
    return self[0];
  }

  @Override
  public Score score(Deal deal, ScoringContext context) {
    return Score.of(0.5);
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Scorer trainedOn(ScoringContext context) {
    return training.apply(context);
  }
}
