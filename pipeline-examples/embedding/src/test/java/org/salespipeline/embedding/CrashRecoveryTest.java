package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;

/**
 * The database dies (H2's SHUTDOWN IMMEDIATELY, its own power-failure simulation) and a new
 * process opens the same files: every committed command is back, by replay, and nothing of an
 * uncommitted one.
 */
class CrashRecoveryTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.PARTIAL, QualificationLevel.YES);

  @TempDir
  Path dir;

  Pipeline pipeline = Pipeline.standard();
  TestDatabase db;

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  /** Three commands, each committed on its own: open, qualify, then move to qualification. */
  Deal threeCommittedCommands(CrmDealService service) {
    service.open(NewDeal.of("D-1").withOwner("ana").withAmount(Money.parse("12000", "USD")), T0);
    service.update("D-1", d -> pipeline.qualify(d, QUALIFIED, T0.plusSeconds(60)));
    CommandResult moved = service.update("D-1", d -> pipeline.move(d, "qualification", T0.plusSeconds(120)));
    return ((CommandResult.Accepted) moved).deal();
  }

  Either<Rejection, Change> proposeAndReprice(Deal deal) {
    return pipeline.move(deal, "proposal", T0.plusSeconds(180))
        .flatMap(c -> c.then(d -> pipeline.changeAmount(d, Money.parse("15000", "USD"), T0.plusSeconds(181))));
  }

  @Test
  void crashBetweenCommands_reopenAndReplay_restoresEveryCommittedCommand() {
    db = TestDatabase.in(dir);
    Deal beforeCrash = threeCommittedCommands(CrmDealService.open(db.dataSource(), pipeline));

    db.crash();
    db = db.reopen();
    CrmDealService restarted = CrmDealService.open(db.dataSource(), pipeline);

    assertThat(restarted.find("D-1")).containsExactly(beforeCrash);
    assertThat(restarted.deals()).containsExactly(beforeCrash);
    CommandResult next = restarted.update("D-1", this::proposeAndReprice);
    assertThat(next.isAccepted()).isTrue();
    assertThat(((CommandResult.Accepted) next).deal().version()).isEqualTo(5);
  }

  @Test
  void crashInsideCommandBeforeCommit_reopenAndReplay_hasNoneOfItsEvents() {
    db = TestDatabase.in(dir);
    Deal beforeCrash = threeCommittedCommands(CrmDealService.open(db.dataSource(), pipeline));
    CrmDealService dying = CrmDealService.open(FaultyDataSource.crashingBeforeCommit(db.dataSource()), pipeline);

    assertThatThrownBy(() -> dying.update("D-1", this::proposeAndReprice))
        .isInstanceOf(DealStoreException.class)
        .hasMessageContaining("the change of deal D-1 was not stored");

    db = db.reopen();
    CrmDealService restarted = CrmDealService.open(db.dataSource(), pipeline);
    assertThat(db.rows("D-1")).isEqualTo(3);
    assertThat(restarted.find("D-1")).containsExactly(beforeCrash);
    CommandResult retried = restarted.update("D-1", this::proposeAndReprice);
    assertThat(retried.isAccepted()).isTrue();
    assertThat(((CommandResult.Accepted) retried).deal().stageId()).isEqualTo("proposal");
    assertThat(db.count("SELECT MAX(version) FROM deal_events WHERE deal_id = 'D-1'")).isEqualTo(5);
  }
}
