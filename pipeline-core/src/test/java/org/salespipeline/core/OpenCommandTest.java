package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.rejected;
import static org.salespipeline.core.Fixtures.simple;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenCommandTest {

  @Test
  void open_noStageGiven_startsInTheFirstStageWithEveryFieldOfTheDraft() {
    NewDeal draft = NewDeal.of("D-1").withTitle("Acme").withAccount("Acme Corp").withOwner("ana")
        .withAmount(Money.parse("1200", "USD")).withExpectedClose(LocalDate.of(2026, 6, 30))
        .withAttribute("source", "web");

    Change change = accepted(STANDARD.open(draft, T0));
    Deal deal = change.deal();

    assertThat(deal.stageId()).isEqualTo("prospecting");
    assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    assertThat(deal).extracting(Deal::id, Deal::pipelineId, Deal::title, Deal::account, Deal::owner)
        .containsExactly("D-1", "standard", "Acme", "Acme Corp", "ana");
    assertThat(deal.amount()).isEqualTo(Option.some(Money.parse("1200", "USD")));
    assertThat(deal.expectedClose()).isEqualTo(Option.some(LocalDate.of(2026, 6, 30)));
    assertThat(deal.attributes()).isEqualTo(Map.of("source", "web"));
    assertThat(deal.createdAt()).isEqualTo(T0);
    assertThat(deal.lastActivityAt()).isEqualTo(T0);
    assertThat(deal.probabilityOverride().isEmpty()).isTrue();
    assertThat(deal.lostReason().isEmpty()).isTrue();
    assertThat(change.events()).singleElement().isInstanceOf(DealEvent.Opened.class);
    assertThat(deal.history()).isEqualTo(change.events());
    assertThat(deal.version()).isEqualTo(1);
  }

  @Test
  void open_inAGivenStageWhoseCriteriaHold_startsThere() {
    Deal deal = accepted(STANDARD.open(NewDeal.of("D-1").withStage("negotiation").withQualification(QUALIFIED), T0)).deal();

    assertThat(deal.stageId()).isEqualTo("negotiation");
    assertThat(STANDARD.furthestOpenStage(deal).id()).isEqualTo("negotiation");
  }

  @Test
  void open_stageIdReadFromARequest_theDealSharesThePipelinesOwnIdInsteadOfKeepingTheCopy() {
    String fromRequest = new String("qualification"); // as a host parses it: equal, not the same string

    Deal deal = accepted(STANDARD.open(NewDeal.of("D-1").withStage(fromRequest), T0)).deal();

    assertThat(deal.stageId()).isEqualTo("qualification").isNotSameAs(fromRequest)
        .isSameAs(STANDARD.stage("qualification").get().id());
    assertThat(((DealEvent.Opened) deal.history().get(0)).stageId()).isSameAs(deal.stageId());
  }

  @Test
  void replay_openingReadFromAStore_theDealSharesThePipelinesOwnIdAndEqualsTheOriginal() {
    Deal original = accepted(STANDARD.open(NewDeal.of("D-1").withStage("qualification"), T0)).deal();
    DealEvent.Opened stored = (DealEvent.Opened) original.history().get(0);
    DealEvent.Opened parsed = new DealEvent.Opened(stored.dealId(), stored.pipelineId(), new String(stored.stageId()),
        stored.title(), stored.account(), stored.owner(), stored.amount(), stored.expectedClose(),
        stored.qualification(), stored.attributes(), stored.at());

    Deal replayed = Deal.replay(STANDARD, java.util.List.of(parsed));
    Deal restored = Deal.restore(java.util.List.of(parsed));

    assertThat(replayed).isEqualTo(original).isEqualTo(restored);
    assertThat(replayed.stageId()).isSameAs(STANDARD.stage("qualification").get().id());
    assertThat(restored.stageId()).as("restore knows no pipeline: the event's own string").isSameAs(parsed.stageId());
  }

  @Test
  void open_unknownStage_isRejectedNamingTheStageAndPipeline() {
    Rejection rejection = rejected(STANDARD.open(NewDeal.of("D-1").withStage("demo"), T0));

    assertThat(rejection).isEqualTo(new Rejection.UnknownStage("D-1", "demo", "Standard"));
    assertThat(rejection.code()).isEqualTo("UNKNOWN_STAGE");
    assertThat(rejection.message()).isEqualTo("Deal D-1: there is no stage 'demo' in the Standard pipeline.");
  }

  @Test
  void open_inTheWonStage_isNotAnOpenStage() {
    Rejection rejection = rejected(STANDARD.open(NewDeal.of("D-1").withStage("won"), T0));

    assertThat(rejection.code()).isEqualTo("NOT_AN_OPEN_STAGE");
    assertThat(rejection.message()).contains("Won");
  }

  @Test
  void open_inAStageThePolicyDoesNotAllow_isRejectedNamingTheAllowedStages() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withCreationStages("lead", "demo"));

    Rejection rejection = rejected(pipeline.open(NewDeal.of("D-1").withStage("contract"), T0));

    assertThat(rejection).isEqualTo(new Rejection.CreationNotAllowed("D-1", "Contract", java.util.List.of("Lead", "Demo")));
    assertThat(rejection.code()).isEqualTo("CREATION_NOT_ALLOWED");
    assertThat(rejection.message()).isEqualTo("Deal D-1 cannot start in Contract: new deals start in Lead or Demo.");
  }

  @Test
  void open_noStageGiven_startsInThePolicysFirstCreationStage() {
    Pipeline pipeline = simple(TransitionPolicy.defaults().withCreationStages("demo"));

    assertThat(accepted(pipeline.open(NewDeal.of("D-1"), T0)).deal().stageId()).isEqualTo("demo");
  }

  @Test
  void newDeal_attributes_areInsertionOrderedAndPrintedAsTheDraft() {
    NewDeal draft = NewDeal.of("D-1").withTitle("Acme").withAttribute("source", "web").withAttribute("segment", "SMB")
        .withAttribute("source", "event");

    assertThat(draft.attributes()).containsExactly(Map.entry("source", "event"), Map.entry("segment", "SMB"))
        .isUnmodifiable();
    assertThat(NewDeal.of("D-1").attributes()).isEmpty();
    assertThat(draft).isEqualTo(NewDeal.of("D-1").withTitle("Acme").withAttribute("source", "event")
        .withAttribute("segment", "SMB")).hasToString("NewDeal{id=D-1, title=Acme, account=, owner=, amount=None,"
            + " stageId=None, expectedClose=None, qualification=" + Qualification.UNKNOWN
            + ", attributes={source=event, segment=SMB}}");
    assertThat(draft).isNotEqualTo(draft.withAttribute("segment", "SMB2"));
  }

  @Test
  void open_draftWithAttributes_theDealAndItsOpeningShareThemInTheirOrder() {
    NewDeal draft = NewDeal.of("D-1").withAttribute("b", "2").withAttribute("a", "1");

    Change change = accepted(STANDARD.open(draft, T0));

    assertThat(change.deal().attributes()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
    assertThat(((DealEvent.Opened) change.events().get(0)).attributes()).isEqualTo(draft.attributes());
  }
}
