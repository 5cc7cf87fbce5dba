package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;

/** Shared instants, deals and result helpers for the core tests. */
final class Fixtures {

  /** A Monday morning; every test's time starts here. */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** Budget, authority and need confirmed, timeline known: the standard Proposal checklist holds. */
  static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);

  static final Pipeline STANDARD = Pipeline.standard();

  private Fixtures() {}

  static Instant day(int days) {
    return T0.plus(Duration.ofDays(days));
  }

  static Instant hour(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  /** Opens deal D-1 in the standard pipeline's first stage at T0. */
  static Deal prospect() {
    return accepted(STANDARD.open(NewDeal.of("D-1").withTitle("Acme renewal").withOwner("ana")
        .withAmount(Money.parse("48000", "EUR")), T0)).deal();
  }

  /** Opens deal D-1 qualified in the standard pipeline at T0. */
  static Deal qualifiedProspect() {
    return accepted(STANDARD.open(NewDeal.of("D-1").withAmount(Money.parse("48000", "EUR"))
        .withQualification(QUALIFIED), T0)).deal();
  }

  static Change accepted(Either<Rejection, Change> result) {
    assertThat(result.isRight()).as("expected the command to be accepted but it was rejected: %s",
        result.isLeft() ? result.getLeft().message() : "").isTrue();
    return result.get();
  }

  static Rejection rejected(Either<Rejection, Change> result) {
    assertThat(result.isLeft()).as("expected the command to be rejected but it produced %s",
        result.isRight() ? result.get().events() : "").isTrue();
    return result.getLeft();
  }

  /** A small three-stage pipeline with the given policy and no entry criteria. */
  static Pipeline simple(TransitionPolicy policy) {
    return Pipeline.builder("simple", "Simple")
        .openStage(Stage.open("lead", "Lead").withProbability(0.1))
        .openStage(Stage.open("demo", "Demo").withProbability(0.5))
        .openStage(Stage.open("contract", "Contract").withProbability(0.9))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .policy(policy)
        .build();
  }
}
