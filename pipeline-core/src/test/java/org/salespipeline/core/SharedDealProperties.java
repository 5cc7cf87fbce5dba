package org.salespipeline.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Parallel;
import org.quicktheories.generators.Generate;

/**
 * One deal and one pipeline shared by several threads, as a host shares them: each thread applies
 * a command to the latest deal and publishes the result with a compare-and-set (retrying on a
 * conflict). A QuickTheories {@link Parallel} model: after the commands ran concurrently, the deal
 * must be what running them one after the other in some order gives, so no command is lost, none
 * is applied twice, and nothing in a deal or a pipeline breaks when they are shared.
 */
class SharedDealProperties {

  private static final Instant AT = Fixtures.T0.plusSeconds(3_600);
  private static final List<String> KEYS = List.of("segment", "source", "region");

  /** What the commands change: qualification, amount, attributes, and how many events there are. */
  record Model(Qualification qualification, Option<Money> amount, Map<String, String> attributes, int events) {
    static Model of(Deal deal) {
      return new Model(deal.qualification(), deal.amount(), new LinkedHashMap<>(deal.attributes()),
          deal.history().size());
    }
  }

  /** What a command does to the model. */
  @FunctionalInterface
  interface Effect {
    Model apply(Model model);
  }

  /** A command as a host thread runs it: read the latest deal, apply, publish if nobody was faster. */
  record Edit(String name, Effect effect, Apply apply) implements Command<AtomicReference<Deal>, Model> {
    @Override
    public void run(AtomicReference<Deal> shared) {
      shared.updateAndGet(deal -> Fixtures.accepted(apply.to(deal)).deal());
    }

    @Override
    public Model nextState(Model model) {
      return effect.apply(model);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Apply {
    Either<Rejection, Change> to(Deal deal);
  }

  @Test
  void sharedDeal_concurrentCommands_endAsSomeOrderOfThem() {
    Deal start = Fixtures.prospect();
    Parallel parallel = new Parallel(10, TimeUnit.SECONDS);
    // up to five commands: 120 orders to compare with; one command and five drawn often
    qt(0x5A4E_0001L, 100).forAll(lists().of(edits()).ofSizes(withEdges(integers().between(1, 5), 30, 1, 5)))
        .checkAssert(edits -> parallel.parallelCheck(Model.of(start), edits, model -> new AtomicReference<>(start),
            shared -> Model.of(shared.get()), 4));
  }

  static Gen<Edit> edits() {
    Gen<Integer> level = integers().between(0, QualificationLevel.values().length - 1);
    return Generate.oneOf(
        integers().between(0, 1_000_000).map(cents -> {
          Money amount = Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("EUR"));
          return new Edit("amount " + amount, m -> new Model(m.qualification(), Option.some(amount), m.attributes(),
              m.events() + 1), deal -> Fixtures.STANDARD.changeAmount(deal, amount, AT));
        }),
        level.zip(level, (budget, need) -> {
          QualificationLevel[] levels = QualificationLevel.values();
          Qualification q = new Qualification(levels[budget], levels[need], levels[need], levels[budget],
              levels[need]);
          return new Edit("qualify " + q, m -> new Model(q, m.amount(), m.attributes(), m.events() + 1),
              deal -> Fixtures.STANDARD.qualify(deal, q, AT));
        }),
        Generate.pick(KEYS).zip(integers().between(0, 3), (key, value) -> value == 0
            ? new Edit("clear " + key, m -> withAttribute(m, key, null),
                deal -> Fixtures.STANDARD.clearAttribute(deal, key, AT))
            : new Edit("set " + key + "=" + value, m -> withAttribute(m, key, "v" + value),
                deal -> Fixtures.STANDARD.setAttribute(deal, key, "v" + value, AT))));
  }

  private static Model withAttribute(Model m, String key, String value) {
    Map<String, String> attributes = new LinkedHashMap<>(m.attributes());
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, value);
    }
    return new Model(m.qualification(), m.amount(), attributes, m.events() + 1);
  }
}
