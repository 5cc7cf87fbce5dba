package org.salespipeline.bench.jmh;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;

/**
 * One command of the state machine on a realistic deal (three attributes, an amount, a qualified
 * history of a few events): a forward move, a skip, a backward move, a win, a loss, a reopen, and
 * a whole lifecycle from opening to won. Each returns the command's result so it is not optimised
 * away; the input deals are made once in {@link #setUp()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransitionBenchmark {

  private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
  private static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.YES, QualificationLevel.PARTIAL);

  private final Pipeline pipeline = Pipeline.standard();
  private final Instant later = OPENED.plusSeconds(30L * 86_400);
  private NewDeal draft;
  private Deal qualifiedInQualification;
  private Deal inNegotiation;
  private Deal lost;

  /** Makes the deals the commands run on. */
  @Setup
  public void setUp() {
    draft = NewDeal.of("D-1").withTitle("Fleet renewal").withAccount("ACME").withOwner("ana")
        .withAmount(Money.parse("48000", "EUR"))
        .withAttribute("source", "web").withAttribute("segment", "SMB").withAttribute("product", "Pro");
    Deal deal = accept(pipeline.open(draft, OPENED));
    Deal inQualification = accept(pipeline.move(deal, "qualification", OPENED.plusSeconds(86_400)));
    qualifiedInQualification = accept(pipeline.qualify(inQualification, QUALIFIED, OPENED.plusSeconds(2 * 86_400)));
    Deal inProposal = accept(pipeline.move(qualifiedInQualification, "proposal", OPENED.plusSeconds(3 * 86_400)));
    inNegotiation = accept(pipeline.move(inProposal, "negotiation", OPENED.plusSeconds(4 * 86_400)));
    lost = accept(pipeline.lose(inNegotiation, "Price", OPENED.plusSeconds(5 * 86_400)));
  }

  /**
   * Moves a deal one stage forward.
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> moveForward() {
    return pipeline.move(inNegotiation, "closing", later);
  }

  /**
   * Moves a qualified deal from Qualification past Proposal to Negotiation (criteria checked).
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> skip() {
    return pipeline.move(qualifiedInQualification, "negotiation", later);
  }

  /**
   * Moves a deal back from Negotiation to Qualification.
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> moveBackward() {
    return pipeline.move(inNegotiation, "qualification", later);
  }

  /**
   * Wins a deal.
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> win() {
    return pipeline.win(inNegotiation, later);
  }

  /**
   * Loses a deal with a reason.
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> lose() {
    return pipeline.lose(inNegotiation, "Competitor", later);
  }

  /**
   * Reopens a lost deal into the stage it was lost from.
   *
   * @return the command's result
   */
  @Benchmark
  public Either<Rejection, Change> reopen() {
    return pipeline.reopen(lost, later);
  }

  /**
   * Opens a deal and takes it to won: four moves (one a skip), a qualification and the win.
   *
   * @return the won deal
   */
  @Benchmark
  public Deal lifecycle() {
    Instant at = OPENED;
    Deal deal = accept(pipeline.open(draft, at));
    deal = accept(pipeline.move(deal, "qualification", at = at.plusSeconds(86_400)));
    deal = accept(pipeline.qualify(deal, QUALIFIED, at = at.plusSeconds(86_400)));
    deal = accept(pipeline.move(deal, "negotiation", at = at.plusSeconds(86_400)));
    deal = accept(pipeline.move(deal, "proposal", at = at.plusSeconds(86_400)));
    deal = accept(pipeline.move(deal, "closing", at = at.plusSeconds(86_400)));
    return accept(pipeline.win(deal, at.plusSeconds(86_400)));
  }

  private static Deal accept(Either<Rejection, Change> result) {
    return result.getOrElseThrow(rejection -> new IllegalStateException("bug: " + rejection.message())).deal();
  }
}
