package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * The duplicate-id check holds no id as a string but stays exact: two different ids whose 64-bit
 * hashes are equal are told apart, an id given twice is named, whatever the characters, the
 * lengths and the merges.
 */
class IdCheckTest {

  /**
   * Two ids of 40 characters with the same 64-bit hash: both are blocks of "Aa" and "BB" (which
   * share String.hashCode, so every such string of 20 blocks does), found among 2²⁰ of them to
   * share FNV-1a as well.
   */
  private static final String COLLIDING = "BBAaAaBBAaAaAaAaBBBBAaBBAaAaBBBBBBBBBBBB";
  private static final String COLLIDING_TOO = "AaBBAaBBBBBBAaAaAaBBAaBBAaAaAaBBBBBBBBBB";

  private static final String[] ALPHABET = {"a", "b", "B", "-", "0", "é", "中", "\uD83D\uDE00", "\u0000", "\uffff"};

  @Test
  void differentIds_withTheSameHash_areNotRejected() {
    assertThat(COLLIDING).isNotEqualTo(COLLIDING_TOO);
    assertThat(IdCheck.hash(COLLIDING)).isEqualTo(IdCheck.hash(COLLIDING_TOO));
    List<Deal> deals = List.of(Script.open(COLLIDING, "a", 0).deal(), Script.open(COLLIDING_TOO, "a", 0).deal());

    assertThat(PipelineMetrics.of(Script.SIMPLE).calculate(deals, MetricsQuery.asOf(Sample.AS_OF)).deals()).isEqualTo(2);
  }

  @Test
  void anIdTwice_amongIdsOfTheSameHash_isNamed() {
    IdCheck ids = new IdCheck();
    ids.add(COLLIDING_TOO);
    ids.add(COLLIDING);
    ids.add(COLLIDING_TOO);

    assertThatThrownBy(ids::check).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal " + COLLIDING_TOO + " appears more than once");
  }

  @Test
  void idsOfAnyLength_andAnyCharacter_areComparedWhole() {
    String longer = "x".repeat(200_000) + "é"; // more than a chunk: it gets a chunk of its own
    IdCheck ids = new IdCheck();
    ids.add(longer);
    ids.add("\uD83D\uDE00");
    ids.add(longer.substring(0, 200_000) + "e");
    ids.add("\uD83D");
    ids.check();
    ids.add(longer);

    assertThatThrownBy(ids::check).hasMessageContaining("appears more than once")
        .hasMessageContaining(longer.substring(0, 100));
    assertThat(ids.size()).isEqualTo(5);
  }

  @Test
  void mergedChecks_keepTheirOwnChunks_andNewIdsGoToANewOne() {
    IdCheck left = new IdCheck();
    left.add("L1");
    IdCheck right = new IdCheck();
    right.add("R1");
    left.addAll(right);
    left.add("L2");
    right.add("L2"); // against the rule (right must not be used), but it cannot change left
    left.check();
    left.add("R1");

    assertThatThrownBy(left::check).hasMessageContaining("deal R1 appears more than once");
  }

  /**
   * Random ids (short, of a few characters, some outside ASCII and the BMP, some repeated), added
   * to 1 to 6 checks at random and merged: the check throws exactly when a HashSet sees an id
   * twice, naming the smallest id that is, and keeps the count.
   */
  @Test
  void check_throwsExactlyWhenAnIdRepeats_namingTheSmallest() {
    Hits hits = new Hits("no repeat", "a repeat", "several parts");
    qt(0x1dc4ec7L, 300).forAll(longs().all(), withEdges(integers().between(0, 3_000), 10, 0, 1, 2),
        withEdges(integers().between(1, 6), 20, 1)).checkAssert((seed, count, parts) -> {
          Random random = new Random(seed);
          List<IdCheck> checks = new ArrayList<>();
          for (int p = 0; p < parts; p++) {
            checks.add(new IdCheck());
          }
          Set<String> seen = new HashSet<>();
          TreeSet<String> repeated = new TreeSet<>();
          for (int i = 0; i < count; i++) {
            StringBuilder id = new StringBuilder();
            for (int c = random.nextInt(4); c >= 0; c--) {
              id.append(ALPHABET[random.nextInt(random.nextInt(10) < 8 ? 5 : ALPHABET.length)]);
            }
            if (!seen.add(id.toString())) {
              repeated.add(id.toString());
            }
            checks.get(random.nextInt(parts)).add(id.toString());
          }
          IdCheck all = checks.get(0);
          for (int p = 1; p < parts; p++) {
            all.addAll(checks.get(p));
          }
          hits.record("no repeat", repeated.isEmpty() && count > 1);
          hits.record("a repeat", !repeated.isEmpty());
          hits.record("several parts", parts > 1 && !repeated.isEmpty());

          Throwable thrown = catchThrowable(all::check);
          assertThat(all.size()).isEqualTo(count);
          if (repeated.isEmpty()) {
            assertThat(thrown).isNull();
          } else {
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deal " + repeated.first() + " appears more than once");
          }
        });
    hits.requireAll();
  }
}
