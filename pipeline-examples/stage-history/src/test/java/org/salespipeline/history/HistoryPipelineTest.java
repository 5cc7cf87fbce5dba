package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

class HistoryPipelineTest {

  @Test
  void parse_names_giveOrderedStagesWithDerivedIds() {
    Pipeline pipeline = HistoryPipeline.parse(" Prospecting , Demo Scheduled,Contract sent ", "Closed Won", "Closed Lost");

    assertThat(pipeline.openStages()).extracting(Stage::name)
        .containsExactly("Prospecting", "Demo Scheduled", "Contract sent");
    assertThat(pipeline.openStages()).extracting(Stage::id)
        .containsExactly("prospecting", "demo-scheduled", "contract-sent");
    assertThat(pipeline.wonStage().id()).isEqualTo("closed-won");
    assertThat(pipeline.lostStage().id()).isEqualTo("closed-lost");
  }

  @Test
  void of_policy_isPermissiveForExports() {
    Pipeline pipeline = HistoryPipeline.of(List.of("A", "B"), "Won", "Lost");

    assertThat(pipeline.policy().skipForward()).isTrue();
    assertThat(pipeline.policy().moveBackward()).isTrue();
    assertThat(pipeline.policy().reopen()).isTrue();
    assertThat(pipeline.policy().lostReasonRequired()).isFalse();
  }

  @Test
  void parse_namesEqualIgnoringCase_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> HistoryPipeline.parse("Demo,demo", "Won", "Lost"))
        .withMessage("stage names must differ (ignoring case) but 'Demo' and 'demo' are the same");
  }

  @Test
  void parse_wonNameAlsoOpen_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> HistoryPipeline.parse("A,Won", "won", "Lost"))
        .withMessageContaining("'Won' and 'won'");
  }

  @Test
  void parse_namesGivingSameId_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> HistoryPipeline.parse("Demo done,Demo-done", "Won", "Lost"))
        .withMessage("stage names must give different ids but 'Demo done' and 'Demo-done' both give 'demo-done'");
  }

  @Test
  void parse_blankName_isRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> HistoryPipeline.parse("A,,B", "Won", "Lost"))
        .withMessageStartingWith("stage names must not be blank");
  }

  @Test
  void idOf_nameWithoutLetters_isStage() {
    assertThat(HistoryPipeline.idOf("%%")).isEqualTo("stage");
    assertThat(HistoryPipeline.idOf("Étape 2 / Démo")).isEqualTo("étape-2-démo");
  }
}
