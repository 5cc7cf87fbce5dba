package org.salespipeline.history.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.Deal;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.StageHistoryFormatException;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.StageHistoryWriter;

/**
 * Importing an export, writing the stage history and reading it back gives equal deals; and the
 * importer's counts add up to what the export holds.
 */
class ImportRoundTripProperties {

  private static final String[] STAGES = {"Prospecting", "Engaging", "Won", "Lost"};
  private static final String[] OWNERS = {"Hal Verne", "Ida, \"the closer\"", "=cmd", ""};
  private static final LocalDate DAY0 = LocalDate.parse("2016-10-01");

  /** One opportunity of the Maven shape, from small numbers. */
  private record Opportunity(int stage, int createdDay, int days, int cents, int owner) {

    boolean dated() {
      return createdDay >= 0;
    }

    String csv(int index) {
      boolean closed = stage >= 2;
      String created = dated() ? DAY0.plusDays(createdDay).toString() : "";
      String closedOn = closed && dated() ? DAY0.plusDays(createdDay + days).toString() : "";
      String value = cents % 3 == 0 ? "" : cents / 100 + "." + String.format("%02d", cents % 100);
      String ownerCell = OWNERS[owner].contains(",") ? "\"" + OWNERS[owner].replace("\"", "\"\"") + "\""
          : OWNERS[owner];
      return "OPP" + index + "," + ownerCell + ",Widget " + (cents % 4) + ",," + STAGES[stage] + "," + created + ","
          + closedOn + "," + value;
    }
  }

  private static Gen<List<Opportunity>> exports() {
    Gen<int[]> numbers = integers().between(0, 3).zip(integers().between(-1, 400), integers().between(0, 250),
        (a, b, c) -> new int[] {a, b, c});
    Gen<Opportunity> opportunity = numbers.zip(integers().between(0, 5_000_000), integers().between(0, 3),
        (n, cents, owner) -> new Opportunity(n[0], n[1], n[2], cents, owner));
    return lists().of(opportunity).ofSizeBetween(0, 40);
  }

  private static String csv(List<Opportunity> export) {
    StringBuilder text = new StringBuilder(
        "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
    for (int i = 0; i < export.size(); i++) {
      text.append(export.get(i).csv(i)).append("\r\n");
    }
    return text.toString();
  }

  private static ImportedHistory importOf(List<Opportunity> export) {
    try {
      return OpportunitiesImporter.defaults().read(new StringReader(csv(export)), "export.csv",
          ImportOptions.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void importWriteRead_givesTheDealsThatLoadingTheImportGives() {
    qt().withExamples(300).forAll(exports()).checkAssert(export -> {
      try {
        ImportedHistory history = importOf(export);
        if (export.stream().noneMatch(Opportunity::dated)) {
          // nothing to load: the strict reader says so rather than give an empty history (SPEC 6)
          assertThatThrownBy(history::load).isInstanceOf(StageHistoryFormatException.class);
          return;
        }
        LoadedHistory loaded = history.load();

        StringWriter written = new StringWriter();
        history.write(written);
        LoadedHistory reread = StageHistoryReader.of(history.pipeline()).load(new StringReader(written.toString()));

        assertThat(reread.deals()).isEqualTo(loaded.deals());
        assertThat(loaded.rejections()).isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void importedDeals_writtenByTheStageHistoryWriterAndReadBack_areEqual() {
    qt().withExamples(300).forAll(exports()).checkAssert(export -> {
      try {
        if (export.stream().noneMatch(Opportunity::dated)) {
          assertThatThrownBy(() -> importOf(export).load()).isInstanceOf(StageHistoryFormatException.class);
          return;
        }
        List<Deal> deals = importOf(export).load().deals();
        StringWriter written = new StringWriter();
        StageHistoryWriter.of(importOf(export).pipeline()).write(deals, written);

        List<Deal> reread = StageHistoryReader.of(importOf(export).pipeline())
            .load(new StringReader(written.toString())).deals();
        assertThat(reread).isEqualTo(deals);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void import_countsAddUp_datedOpportunitiesAreTheDealsAndEachClosedOneHasTwoRows() {
    qt().withExamples(300).forAll(exports()).checkAssert(export -> {
      ImportedHistory history = importOf(export);
      long dated = export.stream().filter(Opportunity::dated).count();
      long closed = export.stream().filter(o -> o.dated() && o.stage() >= 2).count();

      assertThat(history.summary()).isEqualTo(new ImportSummary(export.size(), dated, 0, export.size() - dated, dated,
          0, dated + closed));
    });
  }
}
