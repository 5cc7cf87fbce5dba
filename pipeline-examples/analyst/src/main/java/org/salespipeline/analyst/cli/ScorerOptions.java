package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.analyst.BadChoice;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.ExportProfile;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScorerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Which scorer ranks the open deals: {@code --scorer}, {@code --features} and {@code --team}, the
 * same for {@code prioritize} and {@code report}: a picocli mixin. A field is null when its option
 * is not given.
 */
final class ScorerOptions {

  private static final Logger LOG = LoggerFactory.getLogger(ScorerOptions.class);

  @Option(names = "--scorer", paramLabel = "ID", defaultValue = Analyst.DEFAULT_SCORER, order = 30,
      description = "stage, historical, scorecard, naive-bayes or a plugin's id (default: ${DEFAULT-VALUE})")
  String scorerId = Analyst.DEFAULT_SCORER;

  @Option(names = "--features", paramLabel = "COLUMNS", order = 31,
      description = "naive-bayes: the attribute columns to learn from, comma-separated (default: every attribute column)")
  String features;

  @Option(names = "--team", paramLabel = "COLUMN", order = 32,
      description = "naive-bayes: the attribute column naming each deal's team")
  String team;

  /**
   * Checks what can be checked before any file is read.
   *
   * @throws UsageException if no scorer has the id, or --features is not a list of names
   */
  void check() throws UsageException {
    ScorerRegistry registry = ScorerRegistry.discover();
    LOG.debug("scorers found: {}", String.join(", ", registry.ids()));
    for (String problem : registry.problems()) {
      LOG.debug("{}", problem);
    }
    if (registry.find(scorerId).isEmpty()) {
      throw new UsageException("bad --scorer: unknown scorer '" + scorerId + "'; known scorers: "
          + String.join(", ", registry.ids()));
    }
    features();
  }

  /**
   * Returns the scorer these options ask for, not trained yet (a ranking trains a learner).
   *
   * @throws UsageException if the options do not fit the export's columns
   */
  Scorer scorer(Export export) throws UsageException {
    return scorer(export.profile());
  }

  /**
   * Returns the scorer these options ask for, not trained, knowing the export by its profile.
   *
   * @throws UsageException if the options do not fit the export's columns
   */
  Scorer scorer(ExportProfile export) throws UsageException {
    check();
    Either<BadChoice, Scorer> scorer = Analyst.scorer(export, scorerId, features(), io.vavr.control.Option.of(team));
    if (scorer.isLeft()) {
      throw new UsageException("bad --features or --team: " + scorer.getLeft().message());
    }
    return scorer.get();
  }

  private List<String> features() throws UsageException {
    List<String> names = new ArrayList<>();
    if (features == null) {
      return names;
    }
    for (String feature : features.split(",", -1)) {
      if (feature.isBlank()) {
        throw new UsageException("bad --features: expected attribute columns separated by commas but was '"
            + features + "'");
      }
      names.add(feature.strip());
    }
    return names;
  }
}
