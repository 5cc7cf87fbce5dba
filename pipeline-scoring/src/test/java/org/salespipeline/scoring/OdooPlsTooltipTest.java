package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.salespipeline.scoring.OdooFixture.lead;
import static org.salespipeline.scoring.OdooFixture.lost;
import static org.salespipeline.scoring.OdooFixture.percent;
import static org.salespipeline.scoring.OdooFixture.won;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;

/**
 * Re-creates Odoo CRM's {@code TestCrmPls.test_pls_tooltip_data} (odoo/odoo,
 * addons/crm/tests/test_crm_pls.py): two won and three lost leads of one team, and a sixth lead
 * whose probability Odoo gives as 74.30 %, with state, phone quality and stage raising it, source
 * and country lowering it, and email quality neutral.
 *
 * <p>Odoo's tooltip ranks the stage by {@code 1 - P(stage | lost)}; this scorer ranks every factor by
 * its log-likelihood ratio, so the same factors raise and lower the probability, in an order that
 * may differ.
 */
class OdooPlsTooltipTest {

  private static final NaiveBayesScorer SCORER = NaiveBayesScorer
      .of("country", "state", "email_state", "phone_state", "source")
      .withTeamAttribute("team");

  private static final String T = "Team Tooltip";

  static List<Deal> leads() {
    return List.of(
        won(lead("A", T, "c0", "s0", "correct", "correct", "src1", 0)),
        won(lead("B", T, "c1", "s0", "correct", "correct", null, 0)),
        lost(lead("C", T, null, null, "correct", "incorrect", "src0", 0)),
        lost(lead("D", T, "c0", null, "correct", "incorrect", "src0", 0)),
        lost(lead("E", T, null, "s1", "correct", "correct", null, 2)),
        lead("Tooltip", T, "c0", "s0", "correct", "correct", "src0", 1));
  }

  private static Score score() {
    List<Deal> leads = leads();
    ScoringContext context = ScoringContext.of(OdooFixture.PIPELINE, OdooFixture.AS_OF).withHistory(leads);
    return SCORER.trainedOn(context).score(leads.get(5), context);
  }

  @Test
  void tooltipLead_probability_isOdoos() {
    assertThat(percent(score().probability())).isCloseTo(74.30, within(0.00501));
  }

  @Test
  void tooltipLead_factors_raiseAndLowerAsOdoosTopAndLowThree() {
    Score score = score();

    assertThat(score.factors().stream().filter(f -> f.contribution() > 1e-12).map(Factor::name)
        .collect(Collectors.toSet())).containsExactlyInAnyOrder("state", "phone_state", "stage");
    assertThat(score.factors().stream().filter(f -> f.contribution() < -1e-12).map(Factor::name)
        .collect(Collectors.toList())).containsExactly("source", "country");
    assertThat(score.factors().stream().filter(f -> f.name().equals("email_state")).findFirst().orElseThrow()
        .contribution()).isCloseTo(0.0, within(1e-12));
    assertThat(score.factors().stream().filter(f -> f.contribution() > 0).findFirst().orElseThrow().name())
        .as("Odoo's first of the top 3").isEqualTo("state");
    assertThat(score.factors().stream().filter(f -> f.contribution() < 0).findFirst().orElseThrow().name())
        .as("Odoo's first of the low 3").isEqualTo("source");
  }

  @Test
  void tooltipLead_explanation_addsUpToTheProbability() {
    Score score = score();

    assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-9));
  }
}
