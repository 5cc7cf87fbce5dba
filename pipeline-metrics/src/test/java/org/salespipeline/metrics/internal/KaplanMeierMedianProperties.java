package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigInteger;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The Kaplan–Meier median against an exact rational computation written here, independently of
 * {@link KaplanMeier}: the survival as a fraction of {@link BigInteger}s, the median the first
 * event time at which it is at or below one half. Small samples over few distinct times give many
 * ties, and so many survivals of exactly one half (as 9/10 · 7/9 · 5/7), where a product of doubles
 * can land either side.
 */
class KaplanMeierMedianProperties {

  /** One deal: the time it closed (an event) or was censored at. */
  private record Subject(int time, boolean closed) {}

  private static Gen<List<Subject>> samples() {
    Gen<Subject> subject = integers().between(0, 6).zip(booleans().all(), Subject::new);
    return lists().of(subject).ofSizeBetween(1, 14);
  }

  @Test
  void medianStep_smallSamples_isTheFirstEventTimeWithExactSurvivalAtMostOneHalf() {
    qt().withExamples(2_000).forAll(samples()).checkAssert(sample -> {
      KaplanMeier km = KaplanMeier.estimate(times(sample, true), times(sample, false));

      long expected = exactMedian(sample);
      long actual = km.medianStep() < 0 ? -1 : km.time(km.medianStep());
      assertThat(actual).as("median of %s", sample).isEqualTo(expected);
    });
  }

  @Test
  void survival_atAnExactHalf_isExactlyOneHalf() {
    qt().withExamples(2_000).forAll(samples()).checkAssert(sample -> {
      KaplanMeier km = KaplanMeier.estimate(times(sample, true), times(sample, false));
      int median = km.medianStep();
      if (median >= 0 && exactSurvivalIsHalf(sample, km.time(median))) {
        assertThat(km.survival(median)).as("survival at the median of %s", sample).isEqualTo(0.5);
      }
    });
  }

  private static long[] times(List<Subject> sample, boolean closed) {
    return sample.stream().filter(s -> s.closed() == closed).mapToLong(Subject::time).sorted().toArray();
  }

  /** The first event time t with S(t) ≤ 1/2, or -1: S as a fraction, at risk = time ≥ t. */
  private static long exactMedian(List<Subject> sample) {
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (int t : eventTimes(sample)) {
      long atRisk = sample.stream().filter(s -> s.time() >= t).count();
      long closed = sample.stream().filter(s -> s.time() == t && s.closed()).count();
      numerator = numerator.multiply(BigInteger.valueOf(atRisk - closed));
      denominator = denominator.multiply(BigInteger.valueOf(atRisk));
      if (numerator.shiftLeft(1).compareTo(denominator) <= 0) {
        return t;
      }
    }
    return -1;
  }

  private static boolean exactSurvivalIsHalf(List<Subject> sample, long time) {
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (int t : eventTimes(sample)) {
      if (t > time) {
        break;
      }
      long atRisk = sample.stream().filter(s -> s.time() >= t).count();
      long closed = sample.stream().filter(s -> s.time() == t && s.closed()).count();
      numerator = numerator.multiply(BigInteger.valueOf(atRisk - closed));
      denominator = denominator.multiply(BigInteger.valueOf(atRisk));
    }
    return numerator.shiftLeft(1).equals(denominator);
  }

  private static TreeSet<Integer> eventTimes(List<Subject> sample) {
    TreeSet<Integer> times = new TreeSet<>();
    sample.stream().filter(Subject::closed).forEach(s -> times.add(s.time()));
    return times;
  }
}
