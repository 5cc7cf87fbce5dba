package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.StageStay;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * The stage-history reader over random text (SPEC §6, §8): it never throws anything but its own
 * documented {@link StageHistoryFormatException}, never loses a good row, and counts every bad one
 * with its line.
 *
 * <p>QuickTheories with fixed seeds ({@code -DQT_SEED} explores others). {@link #csvText()} must reach
 * empty text, a header alone, a byte-order mark, CRLF line ends, quoted cells and ragged rows; the
 * class fails when a change of the generator stopped reaching one of them.
 */
class StageHistoryReaderProperties {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final StageHistoryReader READER =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));
  private static final List<String> OPEN = List.of("Prospecting", "Qualification", "Proposal");
  private static final String HEADER = "deal_id,stage,entered_at,amount,segment";
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  /** What {@link #csvText()} must reach. */
  private static final Hits HITS = new Hits("empty text", "header only", "BOM", "CRLF", "quotes", "ragged rows");

  @AfterAll
  static void everyEdgeWasReached() {
    HITS.requireAll();
  }

  // ------------------------------------------------------------------ any text at all

  @Test
  void anyText_loadsOrThrowsItsOwnFormatError_andItsCountsAddUp() {
    qt(0x57A6_0001L, 200).forAll(csvText()).checkAssert(StageHistoryReaderProperties::loadsOrThrowsItsOwnError);
  }

  private static void loadsOrThrowsItsOwnError(String text) {
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
    assertThat(history.rejections()).extracting(RowRejection::line).as("in line order, each line once").isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void anyRowsUnderAValidHeader_loadOrThrowTheFormatError_neverAnythingElse() {
    qt(0x57A6_0002L, 200).forAll(csvText()).checkAssert(StageHistoryReaderProperties::rowsUnderAValidHeader);
  }

  private static void rowsUnderAValidHeader(String rows) {
    String text = HEADER + "\n" + rows;
    try {
      LoadedHistory history = READER.load(new StringReader(text));
      assertThat(history.summary().loadedRows() + history.summary().rejectedRows()).isEqualTo(history.summary().rows());
    } catch (StageHistoryFormatException documented) {
      assertThat(documented.getMessage()).isNotBlank();
    } catch (IOException e) {
      throw new AssertionError("a StringReader cannot fail to read", e);
    }
  }

  /**
   * CSV-like text: up to 40 cells (blanks, quotes and line breaks; header names, stage names, good
   * and bad dates and amounts; any characters, surrogates and NUL among them) joined by commas, a
   * run of three commas becoming a line break; and mixed in explicitly, the edges: empty text, the
   * header alone, with a byte-order mark, with CRLF line ends, with quoted cells and ragged rows.
   */
  static Gen<String> csvText() {
    Gen<String> cells = Generate.oneOf(textOf(",\"\n\r ", 6),
        Generate.pick(List.of("deal_id", "stage", "entered_at", "amount", "currency", "Prospecting", "Won", "Lost",
            "2025-01-01", "2025-01-01T10:00:00+02:00", "2025-02-30", "-1", "1E+10000000", "EUR", "XYZ", "D1", "")),
        textOf(",\"\n\r -:.TZ='\té\u0000\uD83D", 4),
        strings().allPossible().ofLengthBetween(0, 5));
    Gen<String> joined = lists().of(cells).ofSizeBetween(0, 40)
        .map(parts -> String.join(",", parts).replace(",,,", "\n"));
    Gen<String> edges = withEdges(joined, 15, "", HEADER, HEADER + "\n", "\uFEFF" + HEADER + "\r\n",
        HEADER + "\r\nD1,Prospecting,2025-01-01T00:00:00Z,100,a\r\nD1,Won,2025-01-02T00:00:00Z,,a\r\n",
        "\uFEFF" + HEADER + "\nD1,Prospecting,2025-01-01T00:00:00Z,\"1,000\",\"a \"\"b\"\"\"\n",
        HEADER + "\nD1,Prospecting\nD2,Prospecting,2025-01-01T00:00:00Z,,a,extra,more\n",
        "\"deal_id\",\"stage\",\"entered_at\",\"amount\",\"segment\"\n\"D1\",\"Proposal\",\"2025-01-01\",\"\",\"\"\n");
    // whole-text variants: as generated, with a byte-order mark, with CRLF line ends
    return edges.zip(integers().between(0, 5), (text, variant) -> {
      String t = variant == 4 ? "\uFEFF" + text : variant == 5 ? text.replace("\n", "\r\n") : text;
      HITS.record("empty text", t.isEmpty());
      HITS.record("header only", t.strip().replace("\uFEFF", "").equals(HEADER));
      HITS.record("BOM", t.startsWith("\uFEFF"));
      HITS.record("CRLF", t.contains("\r\n"));
      HITS.record("quotes", t.contains("\""));
      HITS.record("ragged rows", t.lines().skip(1).anyMatch(line -> !line.isEmpty()
          && line.chars().filter(c -> c == ',').count() != 4));
      return t;
    });
  }

  /** Text of up to {@code max} characters drawn from the alphabet. */
  private static Gen<String> textOf(String alphabet, int max) {
    List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
    return lists().of(Generate.pick(chars)).ofSizeBetween(0, max)
        .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  // ------------------------------------------------------------------ good rows among bad ones

  @Test
  void goodDealsAmongBadRows_everyGoodRowLoaded_everyBadRowCountedWithItsLine() {
    qt(0x57A6_0003L, 100).forAll(goodDeals(), badRows(), longs().all())
        .checkAssert(StageHistoryReaderProperties::goodRowsLoadedBadRowsCounted);
  }

  private static void goodRowsLoadedBadRowsCounted(List<List<String>> goodDeals, List<String> badRows,
      long shuffleSeed) {
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
      // no deal left to load: the reader says so (SPEC 6) rather than give an empty history
      assertThatThrownBy(() -> READER.load(new StringReader(text.toString())))
          .isInstanceOf(StageHistoryFormatException.class);
      return;
    }
    LoadedHistory history;
    try {
      history = READER.load(new StringReader(text.toString()));
    } catch (IOException e) {
      throw new AssertionError("a StringReader cannot fail to read", e);
    }

    ReadSummary summary = history.summary();
    long goodRows = goodDeals.stream().mapToLong(List::size).sum();
    assertThat(summary.rows()).isEqualTo(goodRows + bad.size());
    assertThat(summary.rejectedRows()).isEqualTo(bad.size());
    assertThat(history.rejections()).extracting(RowRejection::line).containsExactlyInAnyOrderElementsOf(badLineNumbers);
    assertThat(history.rejections()).extracting(RowRejection::line).isSorted();
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

  /** Up to 12 good deals: open stages without the same one twice in a row, then perhaps won or lost. */
  static Gen<List<List<String>>> goodDeals() {
    Gen<List<String>> walk = lists().of(integers().between(0, 2)).ofSizeBetween(1, 6)
        .zip(Generate.pick(List.of("", "Won", "Lost")), (steps, close) -> {
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
    return lists().of(walk).ofSizeBetween(0, 12);
  }

  /** Up to 12 rows that must be rejected, one line each, for a deal of their own ({id}). */
  static Gen<List<String>> badRows() {
    Gen<String> row = Generate.oneOf(
        Generate.pick(List.of(
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
            "{id},Won,2025-01-01,,x")),
        strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10).map(s -> "{id}" + s));
    return lists().of(row).ofSizeBetween(0, 12);
  }

  /** Stage ids from stage names, as the pipeline the reader builds gives them. */
  private static final class HistoryPipelineIds {
    static String id(String name) {
      return PIPELINE.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }
  }
}
