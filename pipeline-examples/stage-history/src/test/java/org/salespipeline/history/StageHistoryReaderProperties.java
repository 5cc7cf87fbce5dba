package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.StageStay;

/**
 * The stage-history reader over random text (SPEC §6, §8): it never throws anything but its own
 * documented {@link StageHistoryFormatException}, never loses a good row, and counts every bad one
 * with its line.
 */
class StageHistoryReaderProperties {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final StageHistoryReader READER =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));
  private static final List<String> OPEN = List.of("Prospecting", "Qualification", "Proposal");
  private static final String HEADER = "deal_id,stage,entered_at,amount,segment";
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  // ------------------------------------------------------------------ any text at all

  @Property(tries = 200)
  void anyText_loadsOrThrowsItsOwnFormatError_andItsCountsAddUp(@ForAll("csvText") String text) {
    LoadedHistory history;
    try {
      history = READER.load(new StringReader(text));
    } catch (StageHistoryFormatException documented) {
      assertThat(documented.getMessage()).isNotBlank();
      return;
    } catch (IOException e) {
      throw new AssertionError("a StringReader cannot fail to read, so only the format error may be thrown", e);
    }
    ReadSummary summary = history.summary();
    assertThat(history.rejections()).hasSize((int) summary.rejectedRows());
    assertThat(history.deals()).hasSize((int) summary.loadedDeals());
    assertThat(history.rejections()).allSatisfy(r -> assertThat(r.line()).isBetween(2L, text.lines().count() + 1));
  }

  @Property(tries = 200)
  void anyRowsUnderAValidHeader_loadOrThrowTheFormatError_neverAnythingElse(@ForAll("csvText") String rows) {
    String text = HEADER + "\n" + rows;
    try {
      LoadedHistory history = READER.load(new StringReader(text));
      assertThat(history.summary().loadedRows() + history.summary().rejectedRows()).isEqualTo(history.summary().rows());
    } catch (StageHistoryFormatException documented) {
      assertThat(documented.getMessage()).isNotBlank();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<String> csvText() {
    Arbitrary<Character> csvChars = Arbitraries.of(',', '"', '\n', '\r', ' ', '-', ':', '.', 'T', 'Z', '=', '\'', '\t',
        'é', '\u0000', '\uD83D');
    Arbitrary<String> cells = Arbitraries.oneOf(Arbitraries.strings().withChars(",\"\n\r ").ofMaxLength(6),
        Arbitraries.of("deal_id", "stage", "entered_at", "amount", "currency", "Prospecting", "Won", "Lost",
            "2025-01-01", "2025-01-01T10:00:00+02:00", "2025-02-30", "-1", "1E+10000000", "EUR", "XYZ", "D1", ""),
        Arbitraries.strings().withChars(csvChars.sample(), csvChars.sample()).ofMaxLength(4),
        Arbitraries.strings().all().ofMaxLength(5));
    return cells.list().ofMaxSize(40).map(parts -> String.join(",", parts).replace(",,,", "\n"));
  }

  // ------------------------------------------------------------------ good rows among bad ones

  @Property(tries = 100)
  void goodDealsAmongBadRows_everyGoodRowLoaded_everyBadRowCountedWithItsLine(
      @ForAll("goodDeals") List<List<String>> goodDeals, @ForAll("badRows") List<String> badRows,
      @ForAll long shuffleSeed) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < goodDeals.size(); d++) {
      List<String> stages = goodDeals.get(d);
      for (int s = 0; s < stages.size(); s++) {
        Instant at = START.plus(Duration.ofDays(d)).plus(Duration.ofHours(s));
        lines.add("G" + d + "," + stages.get(s) + "," + at + "," + (s == 0 ? "100.50" : "") + ",seg" + (d % 3));
      }
    }
    List<String> bad = new ArrayList<>();
    for (int b = 0; b < badRows.size(); b++) {
      bad.add(badRows.get(b).replace("{id}", "B" + b));
    }
    int goodLines = lines.size();
    lines.addAll(bad);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(shuffleSeed));
    List<Long> badLineNumbers = new ArrayList<>();
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int position = 0; position < order.size(); position++) {
      text.append(lines.get(order.get(position))).append('\n');
      if (order.get(position) >= goodLines) {
        badLineNumbers.add(position + 2L); // line 1 is the header
      }
    }

    if (goodDeals.isEmpty()) {
      assertThatThrownBy(() -> READER.load(new StringReader(text.toString())))
          .isInstanceOf(StageHistoryFormatException.class);
      return;
    }
    LoadedHistory history = READER.load(new StringReader(text.toString()));

    ReadSummary summary = history.summary();
    long goodRows = goodDeals.stream().mapToLong(List::size).sum();
    assertThat(summary.rows()).isEqualTo(goodRows + bad.size());
    assertThat(summary.rejectedRows()).isEqualTo(bad.size());
    assertThat(history.rejections()).extracting(RowRejection::line).containsExactlyInAnyOrderElementsOf(badLineNumbers);
    Map<String, Deal> loaded = history.deals().stream().collect(Collectors.toMap(Deal::id, Function.identity()));
    assertThat(loaded.keySet()).as("only the good deals load").hasSize(goodDeals.size());
    for (int d = 0; d < goodDeals.size(); d++) {
      Deal deal = loaded.get("G" + d);
      List<String> stages = goodDeals.get(d);
      assertThat(deal.stays()).extracting(StageStay::stageId)
          .containsExactlyElementsOf(stages.stream().map(HistoryPipelineIds::id).collect(Collectors.toList()));
      assertThat(deal.attributes()).containsEntry("segment", "seg" + (d % 3));
      assertThat(deal.amount().get().amount()).isEqualByComparingTo("100.50");
    }
  }

  /** A good deal: open stages without the same one twice in a row, then perhaps won or lost. */
  @Provide
  Arbitrary<List<List<String>>> goodDeals() {
    Arbitrary<List<String>> walk = Combinators.combine(Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.of("", "Won", "Lost")).as((steps, close) -> {
          List<String> stages = new ArrayList<>();
          for (int step : steps) {
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(OPEN.get(step))) {
              stages.add(OPEN.get(step));
            }
          }
          if (!close.isEmpty()) {
            stages.add(close);
          }
          return stages;
        });
    return walk.list().ofMaxSize(12);
  }

  /** Rows that must be rejected, one line each, for a deal of their own ({id}). */
  @Provide
  Arbitrary<List<String>> badRows() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "{id},Nowhere,2025-01-01,,x",
            "{id},Prospecting,2025-13-45,,x",
            "{id},Prospecting,yesterday,,x",
            "{id},Prospecting,,,x",
            "{id},Prospecting,2025-01-01,-5,x",
            "{id},Prospecting,2025-01-01,12abc,x",
            "{id},Prospecting,2025-01-01,1E+10000000,x",
            "{id},Prospecting,2025-01-01,NaN,x",
            "{id},Prospecting",
            "{id},Prospecting,2025-01-01,1,x,extra",
            ",Prospecting,2025-01-01,,x",
            "{id},Won,2025-01-01,,x"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> "{id}" + s)).list().ofMaxSize(12);
  }

  /** Stage ids from stage names, as the pipeline the reader builds gives them. */
  private static final class HistoryPipelineIds {
    static String id(String name) {
      return PIPELINE.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }
  }
}
