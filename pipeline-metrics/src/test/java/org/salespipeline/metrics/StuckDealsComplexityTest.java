package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * Stuck deals and stage excess compare every open deal's age with its stage's norm: the norm must
 * be read from the completed stays once per stage, never once per open deal. After a parallel
 * calculation the stays are several unmerged sorted runs, and selecting an order statistic from
 * them is a search over all of them, so one per open deal made the report of 1,000,000 deals take
 * four times as long as the whole sequential pass. A check on the code, not a timing: outside
 * their constructors, the classes that walk the open deals call nothing that reads the samples.
 */
class StuckDealsComplexityTest {

  private static final JavaClasses CLASSES = new ClassFileImporter().importClasses(OpenDeals.class, Norms.class,
      DurationSummary.class, LongSamples.class);

  @Test
  void openDealWalk_readsNoOrderStatistic_outsideTheConstructors() {
    List<String> calls = new ArrayList<>();
    for (Class<?> walker : List.of(OpenDeals.class, Norms.class)) {
      JavaClass javaClass = CLASSES.get(walker);
      for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
        if (unit.isConstructor()) {
          continue;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
          String owner = call.getTargetOwner().getName();
          if (owner.equals(DurationSummary.class.getName()) || owner.equals(LongSamples.class.getName())) {
            calls.add(unit.getFullName() + " calls " + call.getTarget().getFullName());
          }
        }
      }
    }
    assertThat(calls).isEmpty();
  }

  @Test
  void theNormsConstructor_readsTheP90Bound_theWayTheGuardExpects() {
    JavaClass norms = CLASSES.get(Norms.class);
    assertThat(norms.getConstructors()).singleElement().satisfies(constructor -> assertThat(
        constructor.getMethodCallsFromSelf()).extracting(call -> call.getTarget().getName()).contains("p90Bound"));
  }
}
