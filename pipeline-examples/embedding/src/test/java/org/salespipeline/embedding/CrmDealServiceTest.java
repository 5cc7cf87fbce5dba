package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.core.Rejection;

/** Commands through the service on a real H2 database in files. */
class CrmDealServiceTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Qualification QUALIFIED = new Qualification(QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.YES, QualificationLevel.PARTIAL, QualificationLevel.YES);

  @TempDir
  Path dir;

  TestDatabase db;
  Pipeline pipeline = Pipeline.standard();
  CrmDealService service;

  @BeforeEach
  void openDatabase() {
    db = TestDatabase.in(dir);
    service = CrmDealService.open(db.dataSource(), pipeline);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  static NewDeal draft(String id) {
    return NewDeal.of(id).withTitle("Fleet renewal").withAccount("ACME").withOwner("ana")
        .withAmount(Money.parse("48000.00", "EUR"));
  }

  Deal opened(String id) {
    return ((CommandResult.Accepted) service.open(draft(id), T0)).deal();
  }

  Either<Rejection, Change> qualifyAndPropose(Deal deal) {
    return pipeline.qualify(deal, QUALIFIED, T0.plusSeconds(3_600))
        .flatMap(c -> c.then(d -> pipeline.move(d, "proposal", T0.plusSeconds(3_660))));
  }

  @Test
  void open_newDeal_storesOneOpenedEventAtVersionOne() {
    CommandResult result = service.open(draft("D-1"), T0);

    assertThat(result).isInstanceOf(CommandResult.Accepted.class);
    assertThat(db.count("SELECT COUNT(*) FROM deal_events WHERE deal_id = 'D-1' AND version = 1 AND type = 'Opened'"))
        .isEqualTo(1);
    assertThat(service.find("D-1")).containsExactly(((CommandResult.Accepted) result).deal());
  }

  @Test
  void open_idAlreadyStored_isConflictFromVersionZero_andStoresNothing() {
    opened("D-1");

    CommandResult again = service.open(draft("D-1").withTitle("Another deal"), T0.plusSeconds(60));

    assertThat(again).isEqualTo(new CommandResult.Conflict("D-1", 0, 1));
    assertThat(((CommandResult.Conflict) again).message()).contains("D-1 already exists");
    assertThat(db.rows()).isEqualTo(1);
    assertThat(service.find("D-1").get().title()).isEqualTo("Fleet renewal");
  }

  @Test
  void open_rejectedByPipeline_storesNothing() {
    CommandResult result = service.open(draft("D-1").withStage("proposal"), T0);

    assertThat(result).isInstanceOf(CommandResult.Rejected.class);
    assertThat(((CommandResult.Rejected) result).rejection().code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
    assertThat(db.rows()).isZero();
  }

  @Test
  void update_twoCommandsJoined_appendsBothEventsAtTheNextVersions() {
    opened("D-1");

    CommandResult result = service.update("D-1", this::qualifyAndPropose);

    assertThat(result.isAccepted()).isTrue();
    Deal deal = ((CommandResult.Accepted) result).deal();
    assertThat(deal.stageId()).isEqualTo("proposal");
    assertThat(db.count("SELECT COUNT(*) FROM deal_events WHERE deal_id = 'D-1' AND version = 2 AND type = 'QualificationUpdated'"))
        .isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM deal_events WHERE deal_id = 'D-1' AND version = 3 AND type = 'StageChanged'"))
        .isEqualTo(1);
    assertThat(service.find("D-1")).containsExactly(deal);
  }

  @Test
  void update_rejectedByPipeline_isRejected_andStoresNothing() {
    Deal deal = opened("D-1");

    CommandResult result = service.update("D-1", d -> pipeline.move(d, "proposal", T0.plusSeconds(60)));

    assertThat(result).isInstanceOf(CommandResult.Rejected.class);
    assertThat(((CommandResult.Rejected) result).rejection().message()).contains("budget not confirmed");
    assertThat(db.rows()).isEqualTo(1);
    assertThat(service.find("D-1")).containsExactly(deal);
  }

  @Test
  void update_lastCommandOfJoinedChangeRejected_storesNoneOfIt() {
    opened("D-1");

    // the qualification alone would be accepted; the move joined to it is not, so neither is stored
    CommandResult result = service.update("D-1", d -> pipeline.qualify(d, QUALIFIED, T0.plusSeconds(60))
        .flatMap(c -> c.then(q -> pipeline.move(q, "no-such-stage", T0.plusSeconds(120)))));

    assertThat(result).isInstanceOf(CommandResult.Rejected.class);
    assertThat(((CommandResult.Rejected) result).rejection().code()).isEqualTo("UNKNOWN_STAGE");
    assertThat(db.rows()).isEqualTo(1);
    assertThat(service.find("D-1").get().qualification()).isEqualTo(Qualification.UNKNOWN);
  }

  @Test
  void update_unknownDeal_isUnknownDeal_andStoresNothing() {
    CommandResult result = service.update("D-404", d -> pipeline.recordActivity(d, T0));

    assertThat(result).isEqualTo(new CommandResult.UnknownDeal("D-404"));
    assertThat(db.rows()).isZero();
  }

  @Test
  void update_commandThrows_exceptionReachesCaller_andStoresNothing() {
    opened("D-1");

    assertThatThrownBy(() -> service.update("D-1", d -> {
      throw new IllegalStateException("host bug");
    })).isInstanceOf(IllegalStateException.class).hasMessage("host bug");
    assertThat(db.rows()).isEqualTo(1);
  }

  @Test
  void update_commandReturnsChangeOfAnotherDeal_isIllegalArgument_andStoresNothing() {
    opened("D-1");
    Deal other = opened("D-2");

    assertThatThrownBy(() -> service.update("D-1", d -> pipeline.recordActivity(other, T0.plusSeconds(60))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command must return a change of deal D-1 at version 1");
    assertThat(db.rows("D-1")).isEqualTo(1);
    assertThat(db.rows("D-2")).isEqualTo(1);
  }

  @Test
  void update_databaseFailsAfterInsertingTheRows_rollsBackEveryRow() {
    Deal deal = opened("D-1");
    CrmDealService failing = CrmDealService.open(FaultyDataSource.failingAfterInsert(db.dataSource()), pipeline);

    assertThatThrownBy(() -> failing.update("D-1", this::qualifyAndPropose))
        .isInstanceOf(DealStoreException.class)
        .hasMessageContaining("the change of deal D-1 was not stored")
        .hasMessageContaining("disk full");

    assertThat(db.rows()).isEqualTo(1);
    assertThat(service.find("D-1")).containsExactly(deal);
    CommandResult retried = service.update("D-1", this::qualifyAndPropose);
    assertThat(retried.isAccepted()).isTrue();
    assertThat(db.count("SELECT MAX(version) FROM deal_events WHERE deal_id = 'D-1'")).isEqualTo(3);
  }

  @Test
  void update_closedDealThroughSeveralCommands_replaysToTheSameDeal() {
    opened("D-1");
    service.update("D-1", this::qualifyAndPropose);
    service.update("D-1", d -> pipeline.changeAmount(d, Money.parse("51000.50", "EUR"), T0.plusSeconds(7_200)));
    service.update("D-1", d -> pipeline.setAttribute(d, "source", "referral \"VIP\"\n", T0.plusSeconds(7_300)));
    service.update("D-1", d -> pipeline.overrideProbability(d, 0.35, T0.plusSeconds(7_400)));
    service.update("D-1", d -> pipeline.reassign(d, "bo", T0.plusSeconds(7_500)));
    CommandResult lost = service.update("D-1", d -> pipeline.lose(d, "Price", T0.plusSeconds(9_000)));

    Deal deal = ((CommandResult.Accepted) lost).deal();
    assertThat(deal.status()).isEqualTo(DealStatus.LOST);
    assertThat(deal.version()).isEqualTo(8);
    assertThat(service.find("D-1")).containsExactly(deal);
  }

  @Test
  void deals_listsEveryDealRebuiltFromItsEvents_inIdOrder() {
    Deal b = opened("D-2");
    Deal a = opened("D-1");
    Deal proposed = ((CommandResult.Accepted) service.update("D-1", this::qualifyAndPropose)).deal();

    List<Deal> deals = service.deals();

    assertThat(deals).containsExactly(proposed, b);
    assertThat(a).isNotEqualTo(proposed);
  }

  @Test
  void deals_emptyStore_isEmpty() {
    assertThat(service.deals()).isEmpty();
    assertThat(service.find("D-1")).isEmpty();
  }

  @Test
  void importDeal_idAlreadyStored_isConflict_andStoresNothing() {
    Deal stored = opened("D-1");

    CommandResult result = service.importDeal(stored);

    assertThat(result).isEqualTo(new CommandResult.Conflict("D-1", 0, 1));
    assertThat(db.rows()).isEqualTo(1);
  }

  @Test
  void find_rowEditedByHandSoItNoLongerReads_isStoreExceptionNamingDealAndVersion() {
    opened("D-1");
    db.execute("UPDATE deal_events SET payload = '{\"stageId\":\"prospecting\"}' WHERE deal_id = 'D-1'");

    assertThatThrownBy(() -> service.find("D-1"))
        .isInstanceOf(DealStoreException.class)
        .hasMessageContaining("event 1 of deal D-1 does not read back")
        .hasMessageContaining("'pipelineId' is missing");
  }

  @Test
  void find_versionGapEditedByHand_isStoreExceptionNamingTheMissingVersion() {
    opened("D-1");
    service.update("D-1", d -> pipeline.recordActivity(d, T0.plusSeconds(60)));
    service.update("D-1", d -> pipeline.recordActivity(d, T0.plusSeconds(120)));
    db.execute("DELETE FROM deal_events WHERE deal_id = 'D-1' AND version = 2");

    assertThatThrownBy(() -> service.find("D-1"))
        .isInstanceOf(DealStoreException.class)
        .hasMessageContaining("deal D-1 has no event of version 2");
  }
}
