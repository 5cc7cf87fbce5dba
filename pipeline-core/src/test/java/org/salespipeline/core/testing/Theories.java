package org.salespipeline.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * How every property of the project runs QuickTheories: a fixed seed per property (the same
 * examples in every build, and the seed in QuickTheories' report of a failure), overridden for
 * exploration with {@code -DQT_SEED=…}; the number of examples the property asks for, or more with
 * {@code -DQT_EXAMPLES=…}; and bounded shrinking, since a shrink cycle reruns the whole property.
 *
 * <p>QuickTheories' generators do not favour edge cases: a generator that must
 * reach an edge (Instant.MIN, the 18-digit edge of Money, an empty set) mixes the edge values in
 * explicitly with {@link #withEdges}, and the property checks with {@link Hits} that each was
 * reached.
 */
public final class Theories {

  private Theories() {}

  /**
   * A theory with this seed (unless {@code QT_SEED} is set) and at least this many examples.
   *
   * @param seed the property's own fixed seed
   * @param examples how many examples to try (more if {@code QT_EXAMPLES} asks for more)
   * @return the theory, to call {@code forAll} on
   */
  public static QuickTheory qt(long seed, int examples) {
    return QuickTheory.qt()
        .withFixedSeed(Long.getLong("QT_SEED", seed))
        .withExamples(Math.max(examples, Integer.getInteger("QT_EXAMPLES", 0)))
        .withShrinkCycles(Integer.getInteger("QT_SHRINKS", 200));
  }

  /**
   * The generator, with one of the edge values instead in about {@code percent} % of draws.
   *
   * @param gen the generator
   * @param percent the share of draws that take an edge value, 1 to 99
   * @param edges the edge values, drawn with equal chance
   * @param <T> the type of value
   * @return the mixed generator
   */
  @SafeVarargs
  public static <T> Gen<T> withEdges(Gen<T> gen, int percent, T... edges) {
    return gen.mix(Generate.pick(List.of(edges)), percent);
  }

  /**
   * Records which of a generator's documented edge cases a property reached, so the property can
   * fail when its generator stopped reaching one (a weaker property that still passes).
   */
  public static final class Hits {
    private final Set<String> hit = ConcurrentHashMap.newKeySet();
    private final Collection<String> required;

    /**
     * Hits that must each be recorded at least once.
     *
     * @param required the names of the edge cases
     */
    public Hits(String... required) {
      this.required = List.of(required);
    }

    /**
     * Records the case when the condition holds.
     *
     * @param name the case
     * @param condition whether this example is that case
     */
    public void record(String name, boolean condition) {
      if (condition) {
        hit.add(name);
      }
    }

    /**
     * Records a case reached.
     *
     * @param name the case
     */
    public void record(String name) {
      hit.add(name);
    }

    /** Fails naming every required case no example reached. */
    public void requireAll() {
      List<String> missed = new ArrayList<>(required);
      missed.removeAll(hit);
      if (!missed.isEmpty()) {
        throw new AssertionError("the generator never reached " + missed + "; reached " + hit);
      }
    }
  }
}
