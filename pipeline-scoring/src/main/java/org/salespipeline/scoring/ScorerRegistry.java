package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scorers by id: the built-ins, the plugins found with {@link ServiceLoader}, and those registered
 * explicitly.
 *
 * <pre>{@code
 * ScorerRegistry registry = ScorerRegistry.discover();      // built-ins + plugins on the class or module path
 * Scorer scorer = registry.require(idFromConfiguration);    // e.g. "naive-bayes" or a plugin's id
 * }</pre>
 *
 * <p>A plugin is a public class with a public no-argument constructor implementing {@link Scorer},
 * listed in {@code META-INF/services/org.salespipeline.scoring.Scorer} (class path) and declared
 * with {@code provides org.salespipeline.scoring.Scorer with ...} (module path). A plugin that
 * cannot be loaded, has an invalid id or repeats an id is not registered, and
 * {@link #problems()} says why; the others are. Each such problem is also logged once, at WARN,
 * through SLF4J (logger {@code org.salespipeline.scoring.ScorerRegistry}).
 *
 * <p>Immutable and thread-safe: {@link #with} returns a new registry.
 */
public final class ScorerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ScorerRegistry.class);

  private final Map<String, Scorer> scorers;
  private final List<String> problems;

  private ScorerRegistry(Map<String, Scorer> scorers, List<String> problems) {
    this.scorers = scorers;
    this.problems = problems;
  }

  /**
   * Returns a registry of the built-in scorers that need no configuration: {@code stage},
   * {@code historical}, {@code scorecard} (BANT) and {@code naive-bayes} (every attribute a feature,
   * no teams).
   *
   * @return the registry, never null
   */
  public static ScorerRegistry builtIns() {
    Map<String, Scorer> map = new LinkedHashMap<>();
    for (Scorer s : List.<Scorer>of(StageProbabilityScorer.of(), HistoricalWinRateScorer.of(),
        QualificationScorecard.bant(), NaiveBayesScorer.of())) {
      map.put(s.id(), s);
    }
    return new ScorerRegistry(map, List.of());
  }

  /**
   * Returns an empty registry, to fill explicitly with {@link #with}.
   *
   * @return the registry, never null
   */
  public static ScorerRegistry empty() {
    return new ScorerRegistry(Map.of(), List.of());
  }

  /**
   * Returns the built-ins plus the plugins the thread's context class loader finds (or, without one,
   * this module's loader; on the module path, the plugins of the boot layer).
   *
   * @return the registry, never null
   */
  public static ScorerRegistry discover() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return discover(loader != null ? loader : Scorer.class.getClassLoader());
  }

  /**
   * Returns the built-ins plus the plugins a class loader finds.
   *
   * @param loader the class loader to search, not null
   * @return the registry, never null
   */
  public static ScorerRegistry discover(ClassLoader loader) {
    return discover(loader, LOG);
  }

  /** Discovery, logging each plugin left out to the given logger (the tests' capturing one). */
  static ScorerRegistry discover(ClassLoader loader, Logger log) {
    Objects.requireNonNull(loader, "loader");
    ScorerRegistry registry = builtIns();
    Iterator<Scorer> plugins = ServiceLoader.load(Scorer.class, loader).iterator();
    List<String> problems = new ArrayList<>();
    Map<String, Scorer> map = new LinkedHashMap<>(registry.scorers);
    while (true) {
      Scorer plugin;
      try {
        if (!plugins.hasNext()) {
          break;
        }
        plugin = plugins.next();
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        String problem = "a scorer plugin could not be loaded: " + e.getMessage();
        problems.add(problem);
        log.warn("{}", problem, e);
        continue;
      }
      String id;
      try {
        id = ScoringChecks.requireId(plugin.id(), "id of scorer " + plugin.getClass().getName());
      } catch (RuntimeException e) {
        String problem = "scorer plugin " + plugin.getClass().getName() + " was not registered: " + e.getMessage();
        problems.add(problem);
        log.warn("{}", problem);
        continue;
      }
      if (map.containsKey(id)) {
        String problem = "scorer plugin " + plugin.getClass().getName() + " was not registered: id '" + id
            + "' is already taken by " + map.get(id).getClass().getName();
        problems.add(problem);
        log.warn("{}", problem);
        continue;
      }
      map.put(id, plugin);
    }
    return new ScorerRegistry(map, List.copyOf(problems));
  }

  /**
   * Returns a registry with one more scorer.
   *
   * @param scorer the scorer, not null, with an id not yet registered
   * @return the new registry, never null
   * @throws IllegalArgumentException if its id is invalid or already registered
   */
  public ScorerRegistry with(Scorer scorer) {
    Objects.requireNonNull(scorer, "scorer");
    String id = ScoringChecks.requireId(scorer.id(), "scorer id");
    if (scorers.containsKey(id)) {
      throw new IllegalArgumentException("scorer id '" + id + "' is already registered, by " + scorers.get(id));
    }
    Map<String, Scorer> map = new LinkedHashMap<>(scorers);
    map.put(id, scorer);
    return new ScorerRegistry(map, problems);
  }

  /**
   * Finds a scorer by id.
   *
   * @param id the id, not null
   * @return the scorer, or none
   */
  public Option<Scorer> find(String id) {
    return Option.of(scorers.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the scorer with an id.
   *
   * @param id the id, not null
   * @return the scorer, never null
   * @throws IllegalArgumentException naming the known ids, if there is none with that id
   */
  public Scorer require(String id) {
    return find(id).getOrElseThrow(() -> new IllegalArgumentException(
        "scorer must be one of " + String.join(", ", scorers.keySet()) + " but was '" + id + "'"));
  }

  /**
   * Returns the registered ids: built-ins first, then plugins and explicit registrations in order.
   *
   * @return the ids, never null
   */
  public List<String> ids() {
    return List.copyOf(scorers.keySet());
  }

  /**
   * Returns the registered scorers, in the order of {@link #ids()}.
   *
   * @return the scorers, never null
   */
  public List<Scorer> scorers() {
    return List.copyOf(scorers.values());
  }

  /**
   * Returns why plugins found by discovery were not registered.
   *
   * @return one message per plugin left out, never null
   */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "ScorerRegistry" + ids() + (problems.isEmpty() ? "" : " (" + problems.size() + " problems)");
  }
}
