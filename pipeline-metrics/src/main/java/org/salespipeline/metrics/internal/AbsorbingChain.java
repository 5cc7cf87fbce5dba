package org.salespipeline.metrics.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Absorption probabilities of an absorbing Markov chain estimated from observed transition
 * counts: with Q the transients-to-transients and R the transients-to-absorbing probabilities, the
 * fundamental matrix is N = (I − Q)⁻¹ and the absorption probabilities are B = N·R (Grinstead and
 * Snell, Introduction to Probability, chapter 11).
 *
 * <p>A transients state's row is defined only if every state it can reach was observed leaving
 * and can itself reach absorption; otherwise its absorption probabilities would rest on states
 * about which the data say nothing, and its row is {@code null}. The defined states form a set
 * closed under reachability, so their system is solved on its own and is never singular.
 */
public final class AbsorbingChain {

  private AbsorbingChain() {}

  /**
   * Returns the absorption probabilities of each transients state.
   *
   * @param counts square matrix of observed transition counts; the first {@code transients} states
   *     are transients, the others absorbing (their rows are ignored)
   * @param transients the number of transients states
   * @return for each transients state, its probability of ending in each absorbing state (in the
   *     order of the absorbing states), or null where undefined
   */
  public static double[][] absorption(long[][] counts, int transients) {
    int states = counts.length;
    int absorbing = states - transients;
    long[] out = new long[transients];
    for (int i = 0; i < transients; i++) {
      for (int j = 0; j < states; j++) {
        out[i] += counts[i][j];
      }
    }
    boolean[] reachesAbsorption = new boolean[transients];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < transients; i++) {
      for (int j = transients; j < states; j++) {
        if (counts[i][j] > 0 && !reachesAbsorption[i]) {
          reachesAbsorption[i] = true;
          queue.add(i);
        }
      }
    }
    propagateBackwards(counts, transients, reachesAbsorption, queue);
    boolean[] bad = new boolean[transients];
    for (int i = 0; i < transients; i++) {
      if (out[i] == 0 || !reachesAbsorption[i]) {
        bad[i] = true;
        queue.add(i);
      }
    }
    propagateBackwards(counts, transients, bad, queue);

    int[] index = new int[transients];
    int m = 0;
    for (int i = 0; i < transients; i++) {
      index[i] = bad[i] ? -1 : m++;
    }
    double[][] a = new double[m][m];
    double[][] b = new double[m][absorbing];
    for (int i = 0; i < transients; i++) {
      if (index[i] < 0) {
        continue;
      }
      int r = index[i];
      a[r][r] = 1.0;
      for (int j = 0; j < states; j++) {
        double p = (double) counts[i][j] / out[i];
        if (j < transients) {
          if (counts[i][j] > 0) {
            a[r][index[j]] -= p;
          }
        } else {
          b[r][j - transients] = p;
        }
      }
    }
    double[][] solved = solve(a, b);
    double[][] result = new double[transients][];
    for (int i = 0; i < transients; i++) {
      result[i] = index[i] < 0 ? null : solved[index[i]];
    }
    return result;
  }

  /** Marks every transients state that has an observed edge into a marked state, transitively. */
  private static void propagateBackwards(long[][] counts, int transients, boolean[] marked, Deque<Integer> queue) {
    while (!queue.isEmpty()) {
      int j = queue.poll();
      for (int i = 0; i < transients; i++) {
        if (!marked[i] && counts[i][j] > 0) {
          marked[i] = true;
          queue.add(i);
        }
      }
    }
  }

  /**
   * Returns the fundamental matrix N = (I − Q)⁻¹ of a transients block.
   *
   * @param q the transients-to-transients probabilities
   * @return N
   */
  public static double[][] fundamental(double[][] q) {
    int n = q.length;
    double[][] a = new double[n][n];
    double[][] identity = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = (i == j ? 1.0 : 0.0) - q[i][j];
      }
      identity[i][i] = 1.0;
    }
    return solve(a, identity);
  }

  /** Solves A·X = B by Gaussian elimination with partial pivoting; A must be non-singular. */
  static double[][] solve(double[][] a, double[][] b) {
    int n = a.length;
    int cols = n == 0 ? 0 : b[0].length;
    double[][] m = new double[n][];
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
      x[i] = b[i].clone();
    }
    for (int k = 0; k < n; k++) {
      int pivot = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(m[i][k]) > Math.abs(m[pivot][k])) {
          pivot = i;
        }
      }
      if (m[pivot][k] == 0.0) {
        throw new IllegalStateException("bug: singular system in the absorbing chain at column " + k);
      }
      double[] t = m[k];
      m[k] = m[pivot];
      m[pivot] = t;
      t = x[k];
      x[k] = x[pivot];
      x[pivot] = t;
      for (int i = k + 1; i < n; i++) {
        double f = m[i][k] / m[k][k];
        if (f != 0.0) {
          for (int j = k; j < n; j++) {
            m[i][j] -= f * m[k][j];
          }
          for (int j = 0; j < cols; j++) {
            x[i][j] -= f * x[k][j];
          }
        }
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      for (int j = 0; j < cols; j++) {
        double s = x[k][j];
        for (int i = k + 1; i < n; i++) {
          s -= m[k][i] * x[i][j];
        }
        x[k][j] = s / m[k][k];
      }
    }
    return x;
  }
}
