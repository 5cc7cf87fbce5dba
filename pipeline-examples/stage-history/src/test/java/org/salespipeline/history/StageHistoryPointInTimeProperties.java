package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * The stage-history reader over random histories (SPEC §6, §8): a deal as of any instant is the
 * deal built from only the rows up to that instant, and over random, damaged and truncated text
 * no good deal is lost silently.
 */
class StageHistoryPointInTimeProperties {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
  private static final List<String> STAGES = List.of("Prospecting", "Qualification", "Proposal", "Won", "Lost");
  private static final String HEADER =
      "deal_id,stage,entered_at,amount,currency,owner,lost_reason,expected_close,forecast_category,segment\n";
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final StageHistoryReader STRICT = StageHistoryReader.of(PIPELINE);
  private static final StageHistoryReader SKIPPING =
      StageHistoryReader.of(PIPELINE, ReadOptions.defaults().withSkipBadRows(true));

  /** One row of a random history, with its instant. */
  private record Row(Instant at, String text) {}

  /** A random history of one deal, in time order (ties possible, kept in file order). */
  private static List<Row> history(String id, Random random, int size) {
    List<Row> rows = new ArrayList<>();
    Instant at = START.plus(Duration.ofHours(random.nextInt(1000)));
    String previous = "";
    for (int i = 0; i < size; i++) {
      String stage = i == 0 ? STAGES.get(random.nextInt(3)) : STAGES.get(random.nextInt(STAGES.size()));
      String lostReason = stage.equals("Lost") && !previous.equals("Lost") && random.nextBoolean()
          ? pick(random, "Price", "Timing") : "";
      rows.add(new Row(at, String.join(",", id, stage, at.toString(),
          maybe(random, "100", "250.5", "1000"), random.nextInt(5) == 0 ? pick(random, "EUR", "USD", "GBP") : "",
          maybe(random, "ana", "bo", "chen"), lostReason,
          random.nextInt(3) == 0 ? "2024-0" + (1 + random.nextInt(9)) + "-15" : "", category(random, stage),
          maybe(random, "SMB", "Mid"))));
      previous = stage;
      at = at.plus(Duration.ofMinutes(random.nextInt(3) * 720L)); // a third of the rows tie with the one before
    }
    return rows;
  }

  /** A forecast_category cell a row in the stage may hold: any category of an open deal, a closed one's outcome. */
  private static String category(Random random, String stage) {
    return switch (stage) {
      case "Won" -> maybe(random, "Closed", "CLOSED");
      case "Lost" -> maybe(random, "Omitted");
      default -> maybe(random, "Commit", "Best Case", "PIPELINE", "omitted", "Pipeline", "BestCase");
    };
  }

  private static String maybe(Random random, String... values) {
    return random.nextBoolean() ? "" : pick(random, values);
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static String text(List<Row> rows) {
    StringBuilder sb = new StringBuilder(HEADER);
    rows.forEach(r -> sb.append(r.text()).append('\n'));
    return sb.toString();
  }

  private static LoadedHistory read(StageHistoryReader reader, String text) {
    try {
      return reader.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void dealAsOfAnyInstant_isTheDealBuiltFromOnlyTheRowsUpToThatInstant() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 10)).checkAssert((seed, size) -> {
      List<Row> rows = history("D1", new Random(seed), size);
      Deal whole = read(STRICT, text(rows)).deals().get(0);
      List<Instant> instants = new ArrayList<>();
      for (Row row : rows) {
        instants.add(row.at().minusNanos(1));
        instants.add(row.at());
      }
      instants.add(rows.get(rows.size() - 1).at().plusSeconds(1));
      for (Instant t : instants) {
        List<Row> known = rows.stream().filter(r -> !r.at().isAfter(t)).toList();
        Option<Deal> expected = known.isEmpty() ? Option.none() : Option.some(read(STRICT, text(known)).deals().get(0));
        assertThat(whole.asOf(t)).as("as of %s, rows:%n%s", t, text(rows)).isEqualTo(expected);
      }
    });
  }

  @Test
  void dealReadFromAnyHistory_writtenAndReadBack_isEqual() {
    Hits hits = new Hits("an override set", "an override cleared by a cell", "an override ended by a stage change",
        "no override at all");
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 10)).checkAssert((seed, size) -> {
      Deal deal = read(STRICT, text(history("D1", new Random(seed), size))).deals().get(0);
      StringWriter written = new StringWriter();
      try {
        StageHistoryWriter.of(PIPELINE).write(List.of(deal), written);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<DealEvent> events = deal.history();
      boolean overridden = events.stream().anyMatch(e -> e instanceof DealEvent.ForecastCategoryOverridden);
      hits.record("no override at all", !overridden);
      hits.record("an override set", events.stream()
          .anyMatch(e -> e instanceof DealEvent.ForecastCategoryOverridden o && o.forecastCategory().isDefined()));
      hits.record("an override cleared by a cell", events.stream()
          .anyMatch(e -> e instanceof DealEvent.ForecastCategoryOverridden o && o.forecastCategory().isEmpty()));
      for (int i = 1; i < events.size(); i++) {
        Deal before = deal.asOf(events.get(i).at().minusNanos(1)).getOrNull();
        hits.record("an override ended by a stage change", before != null
            && before.forecastCategoryOverride().isDefined()
            && !(events.get(i) instanceof DealEvent.ForecastCategoryOverridden)
            && deal.asOf(events.get(i).at()).get().forecastCategoryOverride().isEmpty());
      }

      assertThat(written.toString().lines().findFirst().orElseThrow().contains(",forecast_category"))
          .as("the column is written exactly when there was an override").isEqualTo(overridden);
      assertThat(read(STRICT, written.toString()).deals()).as("written:%n%s", written).containsExactly(deal);
    });
    hits.requireAll();
  }

  @Test
  void damagedAndTruncatedText_neverLosesAGoodDealSilently() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 8), integers().between(0, 100))
        .checkAssert((seed, garbage, cutPercent) -> {
          Random random = new Random(seed);
          List<String> lines = new ArrayList<>();
          Map<String, String> dealOfLine = new LinkedHashMap<>();
          for (int d = 0; d < 1 + random.nextInt(6); d++) {
            for (Row row : history("G" + d, random, 1 + random.nextInt(5))) {
              lines.add(row.text());
              dealOfLine.put(row.text(), "G" + d);
            }
          }
          Collections.shuffle(lines, random); // deals interleaved; ties may change order, as in a real export
          for (int g = 0; g < garbage; g++) {
            StringBuilder junk = new StringBuilder("B" + g + ",");
            for (int c = random.nextInt(10); c > 0; c--) {
              junk.append(pick(random, "\"", ",", "a", " ", "\r", ";", "Won", "2024-01-01"));
            }
            lines.add(random.nextInt(lines.size() + 1), junk.toString());
          }
          String full = HEADER + String.join("\n", lines) + "\n";
          int cut = HEADER.length() + (int) ((long) (full.length() - HEADER.length()) * cutPercent / 100);
          String damaged = full.substring(0, cut);
          // what a careful reader must give: the good rows wholly before the cut, read alone
          int lastBreak = damaged.lastIndexOf('\n');
          String cutLine = damaged.substring(lastBreak + 1);
          String complete = damaged.substring(0, lastBreak + 1);
          List<String> good = new ArrayList<>();
          for (String line : complete.substring(HEADER.length()).split("\n", -1)) {
            if (dealOfLine.containsKey(line)) {
              good.add(line);
            }
          }
          String cutDeal = cutLine.isEmpty() ? "" : cutLine.split(",", -1)[0];
          LoadedHistory actual;
          try {
            actual = SKIPPING.load(new StringReader(damaged));
          } catch (StageHistoryFormatException noDeal) {
            assertThat(noDeal.getMessage()).containsAnyOf("no deal could be loaded", "no data rows", "header");
            return;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          assertThat(actual.rejections()).hasSize((int) actual.summary().rejectedRows());
          assertThat(actual.deals()).hasSize((int) actual.summary().loadedDeals());
          if (good.isEmpty()) {
            return;
          }
          Map<String, Deal> expected = new LinkedHashMap<>();
          try {
            for (Deal deal : SKIPPING.load(new StringReader(HEADER + String.join("\n", good) + "\n")).deals()) {
              expected.put(deal.id(), deal);
            }
          } catch (StageHistoryFormatException noGoodDealLeft) {
            return; // the rows before the cut make no deal at all (every one starts closed, say)
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          for (Deal deal : expected.values()) {
            if (deal.id().equals(cutDeal)) {
              continue; // its last row may be cut to another valid row: nothing can tell
            }
            boolean named = actual.rejections().stream().anyMatch(r -> r.dealId().equals(deal.id()));
            assertThat(named || actual.deals().contains(deal))
                .as("deal %s is loaded as it was or named in a rejection; text:%n%s%nrejections: %s", deal.id(),
                    damaged, actual.rejections())
                .isTrue();
          }
        });
  }
}
