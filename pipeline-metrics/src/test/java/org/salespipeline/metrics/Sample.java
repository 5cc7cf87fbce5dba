package org.salespipeline.metrics;

import java.util.List;
import org.salespipeline.core.Deal;

/**
 * The hand-computed pipeline of {@code PipelineMetricsTest}: seven deals over stages a, b, c with
 * a skip, a backward move, a loss then reopen, two currencies, a deal without amount and a
 * probability override; as of day 100 (2025-04-11).
 *
 * <pre>
 * D1 ana  USD 1000  a d0 → b d10 → c d20 → won d30
 * D2 ana  USD 3000  a d0 → c d5 (skips b) → lost d25
 * D3 bo   EUR  500  a d0 → b d10 → a d15 (back) → b d20 → lost d40
 * D4 bo   no amount b d0 → won d50
 * D5 bo   USD 2000  a d0 → lost d10 → reopened in a d20 → b d30; open, expected close 2025-05-01
 * D6 cy   EUR 1500  a d60; open, expected close 2025-08-01
 * D7 cy   USD 4000  c d90, probability overridden to 0.5; open, expected close 2025-04-20
 * </pre>
 */
final class Sample {

  static final java.time.Instant AS_OF = Script.day(100);

  private Sample() {}

  static List<Deal> deals() {
    return List.of(
        Script.open("D1", "a", 0, "1000", "USD").owner("ana", 0).move("b", 10).move("c", 20).win(30).deal(),
        Script.open("D2", "a", 0, "3000", "USD").owner("ana", 0).move("c", 5).lose(25).deal(),
        Script.open("D3", "a", 0, "500", "EUR").owner("bo", 0).move("b", 10).move("a", 15).move("b", 20).lose(40)
            .deal(),
        Script.open("D4", "b", 0).owner("bo", 0).win(50).deal(),
        Script.open("D5", "a", 0, "2000", "USD").owner("bo", 0).lose(10).reopen(20).move("b", 30)
            .expectedClose("2025-05-01", 30).deal(),
        Script.open("D6", "a", 60, "1500", "EUR").owner("cy", 60).expectedClose("2025-08-01", 60).deal(),
        Script.open("D7", "c", 90, "4000", "USD").owner("cy", 90).override(0.5, 90)
            .expectedClose("2025-04-20", 90).deal());
  }
}
