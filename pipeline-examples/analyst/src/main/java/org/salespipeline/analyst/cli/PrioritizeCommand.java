package org.salespipeline.analyst.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.DataWarnings;
import org.salespipeline.analyst.ExportProfile;
import org.salespipeline.analyst.Priorities;
import org.salespipeline.analyst.Priority;
import org.salespipeline.scoring.Factor;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScorerTrainer;
import org.salespipeline.scoring.ScoringContext;
import org.salespipeline.scoring.ScoringFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code prioritize}: scores the deals of a stage-history file open at the as-of instant and lists
 * them best expected value first, with each score's explanation. Learning scorers train on the
 * deals of the same file closed by then.
 *
 * <p>A learner first learns from the closed deals one at a time ({@link Scorer#trainer}), in a pass of
 * its own over the deals ({@link ExportPasses}); then the open deals go one at a time into a bounded
 * top-k ({@link Prioritiser#accumulator}). With {@code --grouped} each pass reads the file again (a
 * first reading learns the as-of default and the columns), so what is held is the scorer's counts,
 * the {@code --top} best deals and the deals the scorer could not score, never the other deals.
 */
@Command(name = "prioritize", sortOptions = false, sortSynopsis = false,
    header = "the open deals to work first: win probability x amount, with the reasons",
    description = {
        "Reads a stage-history CSV file, scores every deal open at --as-of (default: the latest "
            + "entered_at of the loaded rows) and lists the --top deals by expected value (probability x "
            + "amount), best first; deals without an amount come after the priced ones. Learning scorers are "
            + "trained on the deals of the same file closed by --as-of.",
        "",
        "Scorers (--scorer): historical (default) - the win rate from the deal's stage among the file's "
            + "closed deals that reached it; naive-bayes - Odoo-compatible frequency naive Bayes over the "
            + "stage and the attribute columns (--features a,b,c to choose them, default all; --team COLUMN "
            + "for per-team tables); stage - the stage's probability, which is 0 for stages named on the "
            + "command line; scorecard - BANT qualification, which a stage-history file does not carry, so 0. "
            + "Scorer plugins on the class path (ServiceLoader) are selected by their id too.",
        "",
        "Deals the scorer cannot score are listed on standard error and not ranked. JSON: {\"scorer\": "
            + "id, \"deals\": [{\"dealId\", \"stage\", \"probability\", \"expectedValue\": {\"CUR\": amount} "
            + "or null, \"factors\": [{\"name\", \"value\", \"contribution\"}]}], \"warnings\": [what the data "
            + "cannot support], \"rowsRead\", \"dealsRead\", \"rejectedDeals\", \"rejections\": [{\"line\", "
            + "\"dealId\", \"reason\"}]}; contributions are in probability (0.12 = 12 points)."})
final class PrioritizeCommand implements Callable<Integer> {

  /** How many scoring failures are listed one by one on standard error. */
  private static final int FAILURES_REPORTED = 5;

  @ParentCommand
  private Main main = new Main();

  @Mixin
  private LoadingOptions loading = new LoadingOptions();

  @Mixin
  private GroupedOption grouping = new GroupedOption();

  @Option(names = "--as-of", paramLabel = "DATE", converter = Instants.class, order = 20,
      description = "the instant to score at, ISO-8601 date or date-time (default: the latest entered_at)")
  private Instant asOf;

  @Mixin
  private ScorerOptions scoring = new ScorerOptions();

  @Option(names = "--top", paramLabel = "N", defaultValue = "" + Analyst.DEFAULT_TOP, converter = Top.class, order = 40,
      description = "how many deals to list (default: ${DEFAULT-VALUE})")
  private int top = Analyst.DEFAULT_TOP;

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table", converter = Format.Converter.class,
      order = 50, description = "how to print the result: aligned tables, one JSON object, or CSV with one row per"
          + " deal (rank, dealId, stage, probability, expectedValue, currency, factors) (default: ${DEFAULT-VALUE})")
  private Format format = Format.TABLE;

  @Override
  public Integer call() throws UsageException {
    PrintStream out = main.out();
    PrintStream err = main.err();
    scoring.check();
    HistoryInput input = HistoryInput.from(loading, grouping.grouped, main.err());
    HeldWarnings warnings = main.heldWarnings();
    ExportPasses passes = ExportPasses.of(input, grouping.grouped, warnings, format == Format.JSON);
    ExportProfile export = passes.profile();
    Scorer scorer = scoring.scorer(export);
    warnings.release();
    Instant at = asOf != null ? asOf : export.defaultAsOf();
    ScoringContext context = ScoringContext.of(export.pipeline(), at);
    DataWarnings.Tally tally = DataWarnings.tally(at);
    Scorer trained = scorer;
    Prioritiser.RankingAccumulator ranking;
    if (scorer.isTrained()) {
      ranking = Prioritiser.of(scorer).accumulator(top, context);
      passes.forEach(deal -> {
        tally.add(deal);
        ranking.add(deal);
      });
    } else { // a learner learns from the closed deals in a pass of its own, before the ranking
      trained = train(scorer, context, passes, tally);
      ranking = Prioritiser.of(trained).accumulator(top, context);
      passes.forEach(ranking::add);
    }
    Priorities priorities = Priorities.of(scorer.id(), trained, ranking.ranking(), context);
    List<String> dataWarnings = new ArrayList<>(tally.warnings());
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
    switch (format) {
      case TABLE -> out.print(priorities);
      case JSON -> {
        Map<String, Object> document = json(priorities);
        document.put("warnings", input.warnings(dataWarnings));
        document.putAll(Rejections.json(export.summary(), export.rejections()));
        out.println(Json.write(document));
      }
      case CSV -> csv(priorities).writeTo(out); // one row per deal; the warnings and rejections are on standard error
    }
    return 0;
  }

  /**
   * Trains a learner in one pass over the deals, which also counts the data warnings. If training
   * fails, the untrained scorer goes on, so that the ranking reports why for each deal (as
   * {@link Priorities#rank} does).
   */
  private static Scorer train(Scorer scorer, ScoringContext context, ExportPasses passes, DataWarnings.Tally tally)
      throws UsageException {
    ScorerTrainer trainer;
    try {
      trainer = Objects.requireNonNull(scorer.trainer(context), "trainer returned null");
    } catch (RuntimeException e) {
      passes.forEach(tally::add);
      return scorer;
    }
    RuntimeException[] failed = {null};
    passes.forEach(deal -> {
      tally.add(deal);
      if (failed[0] == null) {
        try {
          trainer.add(deal);
        } catch (RuntimeException e) {
          failed[0] = e; // the ranking reports it for each deal
        }
      }
    });
    if (failed[0] != null) {
      return scorer;
    }
    try {
      return Objects.requireNonNull(trainer.trained(), "trained returned null");
    } catch (RuntimeException e) {
      return scorer;
    }
  }

  /** Reads {@code --top}: a whole number of at least 1. */
  static final class Top implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String text) {
      try {
        int top = Integer.parseInt(text.strip());
        if (top >= 1) {
          return top;
        }
      } catch (NumberFormatException e) {
        // reported below, with the value
      }
      throw new TypeConversionException("expected a whole number of at least 1 but was '" + text + "'");
    }
  }

  private static CsvTable csv(Priorities priorities) {
    CsvTable table = new CsvTable("rank", "dealId", "stage", "probability", "expectedValue", "currency", "factors");
    int rank = 0;
    for (Priority p : priorities.deals()) {
      StringBuilder factors = new StringBuilder();
      for (Factor f : p.factors()) {
        factors.append(factors.length() == 0 ? "" : "; ").append(f.name()).append('=').append(f.value())
            .append(' ').append(f.contribution() >= 0 ? "+" : "").append(f.contribution());
      }
      table.add(++rank, p.deal().id(), p.stageName(), p.probability(),
          p.expectedValue().map(m -> m.amountInMinorUnit().toPlainString()).getOrNull(),
          p.expectedValue().map(m -> m.currency().getCurrencyCode()).getOrNull(), factors);
    }
    return table;
  }

  private static Map<String, Object> json(Priorities priorities) {
    List<Object> deals = new ArrayList<>();
    for (Priority p : priorities.deals()) {
      Map<String, Object> deal = new LinkedHashMap<>();
      deal.put("dealId", p.deal().id());
      deal.put("stage", p.stageName());
      deal.put("probability", p.probability());
      // amount x probability is exact; the output gives it in the currency's minor unit, rounded once (SPEC 4)
      deal.put("expectedValue", p.expectedValue()
          .map(m -> (Object) Map.of(m.currency().getCurrencyCode(), m.amountInMinorUnit())).getOrNull());
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
