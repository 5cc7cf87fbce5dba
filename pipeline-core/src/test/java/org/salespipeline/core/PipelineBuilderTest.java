package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {

  private static Pipeline.Builder valid() {
    return Pipeline.builder("p", "P")
        .openStage(Stage.open("a", "A"))
        .openStage(Stage.open("b", "B"))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"));
  }

  @Test
  void build_valid_ordersOpenStagesAndPutsTerminalStagesAfterThem() {
    Pipeline pipeline = valid().build();

    assertThat(pipeline.openStages()).extracting(Stage::id, Stage::order)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 0), org.assertj.core.groups.Tuple.tuple("b", 1));
    assertThat(pipeline.wonStage().order()).isEqualTo(2);
    assertThat(pipeline.lostStage().order()).isEqualTo(2);
    assertThat(pipeline.stages()).extracting(Stage::id).containsExactly("a", "b", "won", "lost");
    assertThat(pipeline.policy()).isEqualTo(TransitionPolicy.defaults());
  }

  @Test
  void build_noOpenStage_namesTheProblem() {
    Pipeline.Builder builder = Pipeline.builder("p", "P").wonStage(Stage.won("w", "W")).lostStage(Stage.lost("l", "L"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("pipeline 'p' is not valid").withMessageContaining("no open stage");
  }

  @Test
  void build_noWonStage_namesTheProblem() {
    Pipeline.Builder builder = Pipeline.builder("p", "P").openStage(Stage.open("a", "A")).lostStage(Stage.lost("l", "L"));

    assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("no won stage");
  }

  @Test
  void build_noLostStage_namesTheProblem() {
    Pipeline.Builder builder = Pipeline.builder("p", "P").openStage(Stage.open("a", "A")).wonStage(Stage.won("w", "W"));

    assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("no lost stage");
  }

  @Test
  void build_lostStageWithEntryCriteria_isRejectedBecauseLosingIsAlwaysAllowed() {
    Pipeline.Builder builder = Pipeline.builder("p", "P").openStage(Stage.open("a", "A")).wonStage(Stage.won("w", "W"))
        .lostStage(Stage.lost("l", "L").withEntryCriterion(EntryCriterion.of("reviewed", "not reviewed", d -> false)));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("the lost stage 'l' has entry criteria [reviewed (not reviewed)]")
        .withMessageContaining("a deal can always be lost");
  }

  @Test
  void build_duplicateOpenStageIds_namesTheId() {
    Pipeline.Builder builder = valid().openStage(Stage.open("a", "Again"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("stage ids must be unique").withMessageContaining("[a]");
  }

  @Test
  void build_wonAndLostWithTheSameId_namesTheId() {
    Pipeline.Builder builder = valid().lostStage(Stage.lost("won", "Lost"));

    assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("[won]");
  }

  @Test
  void build_terminalStageAddedAsOpen_namesTheStageAndItsKind() {
    Pipeline.Builder builder = valid().openStage(Stage.won("closed", "Closed"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("stage 'closed' is WON but was added as an open stage");
  }

  @Test
  void build_lostStageOfWrongKind_namesTheStageAndItsKind() {
    Pipeline.Builder builder = valid().lostStage(Stage.open("gone", "Gone"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("the lost stage 'gone' is of kind OPEN");
  }

  @Test
  void build_policyNamingUnknownCreationStage_namesTheStage() {
    Pipeline.Builder builder = valid().policy(TransitionPolicy.defaults().withCreationStages("a", "nope"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("policy creationStageIds names [nope]");
  }

  @Test
  void build_policyWinningFromTheWonStage_isNotAnOpenStage() {
    Pipeline.Builder builder = valid().policy(TransitionPolicy.defaults().withWinStages("won"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("policy winStageIds names [won], which are not open stages");
  }

  @Test
  void build_severalProblems_namesEveryOne() {
    Pipeline.Builder builder = Pipeline.builder("p", "P").policy(TransitionPolicy.defaults().withWinStages("x"));

    assertThatIllegalArgumentException().isThrownBy(builder::build)
        .withMessageContaining("no open stage")
        .withMessageContaining("no won stage")
        .withMessageContaining("no lost stage")
        .withMessageContaining("winStageIds names [x]");
  }

  @Test
  void builder_blankIdOrName_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Pipeline.builder(" ", "P")).withMessage("id must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> Pipeline.builder("p", "")).withMessage("name must not be blank");
    assertThatNullPointerException().isThrownBy(() -> Pipeline.builder(null, "P")).withMessage("id");
  }

  @Test
  void builder_nullArguments_areNamed() {
    Pipeline.Builder builder = Pipeline.builder("p", "P");

    assertThatNullPointerException().isThrownBy(() -> builder.openStage(null)).withMessage("stage");
    assertThatNullPointerException().isThrownBy(() -> builder.wonStage(null)).withMessage("stage");
    assertThatNullPointerException().isThrownBy(() -> builder.lostStage(null)).withMessage("stage");
    assertThatNullPointerException().isThrownBy(() -> builder.policy(null)).withMessage("policy");
  }

  @Test
  void stage_probabilityOutOfRangeOrNaN_isRejectedWithTheValue() {
    Stage stage = Stage.open("a", "A");

    assertThatIllegalArgumentException().isThrownBy(() -> stage.withProbability(1.5))
        .withMessage("probability must be within [0, 1] but was 1.5");
    assertThatIllegalArgumentException().isThrownBy(() -> stage.withProbability(-0.1))
        .withMessage("probability must be within [0, 1] but was -0.1");
    assertThatIllegalArgumentException().isThrownBy(() -> stage.withProbability(Double.NaN))
        .withMessage("probability must be within [0, 1] but was NaN");
  }

  @Test
  void stage_wonStageWithAnotherProbability_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Stage.won("w", "W").withProbability(0.9))
        .withMessageContaining("probability of the WON stage 'w' must be 1 but was 0.9");
  }

  @Test
  void stage_nonPositiveRottingThreshold_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Stage.open("a", "A").withRottingAfter(Duration.ZERO))
        .withMessageContaining("rottingAfter of stage 'a' must be positive");
  }

  @Test
  void stage_nullRottingThreshold_isNamedNotSilentlyCleared() {
    Stage rotting = Stage.open("a", "A").withRottingAfter(Duration.ofDays(3));

    assertThatNullPointerException().isThrownBy(() -> rotting.withRottingAfter((Duration) null)).withMessage("threshold");
  }

  @Test
  void stage_blankIdOrName_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Stage.open(" ", "A")).withMessage("id must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> Stage.lost("l", "\t")).withMessage("name must not be blank");
  }

  @Test
  void stage_unknownId_isNone() {
    assertThat(valid().build().stage("zzz").isEmpty()).isTrue();
    assertThat(valid().build().stage("won").get().kind()).isEqualTo(StageKind.WON);
  }

  @Test
  void policy_nullStageList_isNamed() {
    assertThatNullPointerException().isThrownBy(() -> TransitionPolicy.defaults().withCreationStages((String[]) null))
        .withMessage("stageIds");
    assertThatIllegalArgumentException().isThrownBy(() -> TransitionPolicy.defaults().withLostReasons("Price", " "))
        .withMessage("each of lostReasons must not be blank");
  }

  @Test
  void pipelines_builtAlike_areEqualAndCoexist() {
    Pipeline one = valid().build();
    Pipeline other = valid().build();
    Pipeline different = valid().policy(TransitionPolicy.defaults().withReopen(false)).build();

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other).isNotEqualTo(different);
    assertThat(one).isNotEqualTo(Pipeline.standard());
  }
}
