package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values: C. M. Grinstead and J. L. Snell, "Introduction to Probability" (AMS, 2nd ed.),
 * chapter 11.2, Example 11.13 (the drunkard's walk on 0..4 with p = 1/2, 0 and 4 absorbing):
 * N = [[3/2, 1, 1/2], [1, 2, 1], [1/2, 1, 3/2]] and B = [[3/4, 1/4], [1/2, 1/2], [1/4, 3/4]].
 */
class AbsorbingChainTest {

  @Test
  void fundamental_drunkardsWalk_matchesGrinsteadAndSnell() {
    double[][] q = {{0, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0}};
    double[][] n = AbsorbingChain.fundamental(q);
    double[][] expected = {{1.5, 1, 0.5}, {1, 2, 1}, {0.5, 1, 1.5}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(n[i][j]).isCloseTo(expected[i][j], within(1e-12));
      }
    }
  }

  @Test
  void absorption_drunkardsWalkCounts_matchesGrinsteadAndSnell() {
    // states 1, 2, 3 transient; then 0 and 4 absorbing; each step observed once in each direction
    long[][] counts = {
        {0, 1, 0, 1, 0},
        {1, 0, 1, 0, 0},
        {0, 1, 0, 0, 1},
        {0, 0, 0, 0, 0},
        {0, 0, 0, 0, 0},
    };
    double[][] b = AbsorbingChain.absorption(counts, 3);
    double[][] expected = {{0.75, 0.25}, {0.5, 0.5}, {0.25, 0.75}};
    for (int i = 0; i < 3; i++) {
      assertThat(b[i][0]).isCloseTo(expected[i][0], within(1e-12));
      assertThat(b[i][1]).isCloseTo(expected[i][1], within(1e-12));
    }
  }

  @Test
  void absorption_stateLeadingToUnobservedState_isUndefined() {
    // 0 -> 1 only; 1 never seen leaving; 2 -> absorbing
    long[][] counts = {
        {0, 3, 0, 0, 0},
        {0, 0, 0, 0, 0},
        {0, 0, 0, 2, 1},
        {0, 0, 0, 0, 0},
        {0, 0, 0, 0, 0},
    };
    double[][] b = AbsorbingChain.absorption(counts, 3);
    assertThat(b[0]).isNull();
    assertThat(b[1]).isNull();
    assertThat(b[2]).containsExactly(2.0 / 3, 1.0 / 3);
  }

  @Test
  void absorption_closedLoopWithoutClose_isUndefined() {
    long[][] counts = {
        {0, 2, 0, 0},
        {2, 0, 0, 0},
        {0, 0, 0, 0},
        {0, 0, 0, 0},
    };
    double[][] b = AbsorbingChain.absorption(counts, 2);
    assertThat(b[0]).isNull();
    assertThat(b[1]).isNull();
  }
}
