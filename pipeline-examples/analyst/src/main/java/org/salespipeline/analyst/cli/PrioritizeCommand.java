package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.DataWarnings;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.Priorities;
import org.salespipeline.analyst.Priority;
import org.salespipeline.scoring.Factor;
import org.salespipeline.scoring.ScorerRegistry;
import org.salespipeline.scoring.ScoringFailure;

/**
 * {@code prioritize}: scores the deals of a stage-history file open at the as-of instant and lists
 * them best expected value first, with each score's explanation. Learning scorers train on the
 * deals of the same file closed by then.
 */
final class PrioritizeCommand implements Command {

  /** How many scoring failures are listed one by one on standard error. */
  private static final int FAILURES_REPORTED = 5;

  @Override
  public String name() {
    return "prioritize";
  }

  @Override
  public String summary() {
    return "the open deals to work first: win probability x amount, with the reasons";
  }

  @Override
  public String description() {
    return """
        Reads a stage-history CSV file, scores every deal open at --as-of (default: the latest entered_at
        of the loaded rows) and lists the --top deals by expected value (probability x amount), best first;
        deals without an amount come after the priced ones. Learning scorers are trained on the deals of
        the same file closed by --as-of.

        Scorers (--scorer): historical (default) - the win rate from the deal's stage among the file's
        closed deals that reached it; naive-bayes - Odoo-compatible frequency naive Bayes over the stage
        and the attribute columns (--features a,b,c to choose them, default all; --team COLUMN for
        per-team tables); stage - the stage's probability, which is 0 for stages named on the command line;
        scorecard - BANT qualification, which a stage-history file does not carry, so 0. Scorer plugins on
        the class path (ServiceLoader) are selected by their id too.

        Deals the scorer cannot score are listed on standard error and not ranked. JSON: {"scorer": id,
        "deals": [{"dealId", "stage", "probability", "expectedValue": {"CUR": amount} or null,
        "factors": [{"name", "value", "contribution"}]}]}; contributions are in probability (0.12 = 12 points).""";
  }

  @Override
  public List<OptionSpec> options() {
    List<OptionSpec> options = new ArrayList<>(HistoryInput.OPTIONS);
    options.add(OptionSpec.optional("as-of", "DATE", "the instant to score at (ISO-8601 date or date-time)",
        "the latest entered_at"));
    options.add(OptionSpec.optional("scorer", "ID", "stage, historical, scorecard, naive-bayes or a plugin's id",
        Analyst.DEFAULT_SCORER));
    options.add(OptionSpec.optional("features", "a,b,c", "naive-bayes: the attribute columns to learn from",
        "every attribute column"));
    options.add(OptionSpec.optional("team", "COLUMN", "naive-bayes: the attribute column naming each deal's team", ""));
    options.add(OptionSpec.optional("top", "N", "how many deals to list", String.valueOf(Analyst.DEFAULT_TOP)));
    options.add(Formats.OPTION);
    return options;
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException {
    boolean json = Formats.json(args);
    Option<Instant> asOf = args.instant("as-of");
    int top = top(args.value("top", String.valueOf(Analyst.DEFAULT_TOP)));
    String scorerId = args.value("scorer", Analyst.DEFAULT_SCORER);
    ScorerRegistry registry = ScorerRegistry.discover();
    if (registry.find(scorerId).isEmpty()) {
      throw new UsageException("bad --scorer: unknown scorer '" + scorerId + "'; known scorers: "
          + String.join(", ", registry.ids()));
    }
    List<String> features = features(args.value("features"));
    HistoryInput input = HistoryInput.from(args);
    HeldWarnings warnings = new HeldWarnings();
    Export export = Export.of(input.file().toString(), input.load(warnings.stream()), input.defaultCurrency());
    Either<String, org.salespipeline.scoring.Scorer> scorer =
        Analyst.scorer(export, scorerId, features, args.value("team"));
    if (scorer.isLeft()) {
      throw new UsageException("bad --features or --team: " + scorer.getLeft());
    }
    warnings.release(err);
    Instant at = asOf.orElse(export.latestEntry()).getOrElse(Instant.EPOCH);
    Priorities priorities = Priorities.rank(export, scorer.get(), at, top);
    List<String> dataWarnings = new ArrayList<>(DataWarnings.of(export.deals(), at));
    DataWarnings.sameScore(priorities.deals().stream().map(Priority::probability).toList(), priorities.considered(),
        priorities.scorerId()).forEach(dataWarnings::add);
    dataWarnings.forEach(w -> err.println("warning: " + w));
    List<ScoringFailure> failures = priorities.failures();
    for (int i = 0; i < Math.min(FAILURES_REPORTED, failures.size()); i++) {
      err.println("not ranked: " + failures.get(i).message());
    }
    if (failures.size() > FAILURES_REPORTED) {
      err.println("not ranked: " + (failures.size() - FAILURES_REPORTED) + " more deals, not listed");
    }
    if (json) {
      Map<String, Object> document = json(priorities);
      document.put("warnings", dataWarnings);
      document.putAll(Rejections.json(export.summary(), export.rejections()));
      out.println(Json.write(document));
    } else {
      out.print(priorities);
    }
    return 0;
  }

  private static int top(String text) throws UsageException {
    try {
      int top = Integer.parseInt(text.strip());
      if (top >= 1) {
        return top;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new UsageException("bad --top: expected a whole number of at least 1 but was '" + text + "'");
  }

  private static List<String> features(Option<String> text) throws UsageException {
    List<String> features = new ArrayList<>();
    if (text.isEmpty()) {
      return features;
    }
    for (String feature : text.get().split(",", -1)) {
      if (feature.isBlank()) {
        throw new UsageException("bad --features: expected attribute columns separated by commas but was '"
            + text.get() + "'");
      }
      features.add(feature.strip());
    }
    return features;
  }

  private static Map<String, Object> json(Priorities priorities) {
    List<Object> deals = new ArrayList<>();
    for (Priority p : priorities.deals()) {
      Map<String, Object> deal = new LinkedHashMap<>();
      deal.put("dealId", p.deal().id());
      deal.put("stage", p.stageName());
      deal.put("probability", p.probability());
      // amount x probability is exact; the JSON gives it in the currency's minor unit, rounded once (SPEC 4)
      deal.put("expectedValue", p.expectedValue().map(m -> (Object) Map.of(m.currency().getCurrencyCode(),
          m.amount().setScale(Math.max(0, m.currency().getDefaultFractionDigits()), java.math.RoundingMode.HALF_EVEN)))
          .getOrNull());
      List<Object> factors = new ArrayList<>();
      for (Factor f : p.factors()) {
        Map<String, Object> factor = new LinkedHashMap<>();
        factor.put("name", f.name());
        factor.put("value", f.value());
        factor.put("contribution", f.contribution());
        factors.add(factor);
      }
      deal.put("factors", factors);
      deals.add(deal);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scorer", priorities.scorerId());
    json.put("deals", deals);
    return json;
  }
}
