package org.salespipeline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.testing.DealGenerator;

/** A thousand realistic deals stored, the database closed and opened again, and rebuilt equal. */
class ThousandDealsRoundTripTest {

  @TempDir
  Path dir;

  TestDatabase db;

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void importDeal_thousandGeneratedDeals_rebuiltAfterReopenEqualToTheOriginals() {
    DealGenerator generator = DealGenerator.standard(20_260_302L);
    List<Deal> originals = generator.deals(1_000);
    db = TestDatabase.in(dir);
    CrmDealService service = CrmDealService.open(db.dataSource(), generator.pipeline());

    List<CommandResult> results = originals.stream().map(service::importDeal).toList();

    assertThat(results).allSatisfy(r -> assertThat(r.isAccepted()).isTrue());
    db = db.reopen();
    CrmDealService reopened = CrmDealService.open(db.dataSource(), generator.pipeline());
    assertThat(reopened.deals()).isEqualTo(originals);
    assertThat(db.rows()).isEqualTo(originals.stream().mapToInt(Deal::version).sum());
  }
}
