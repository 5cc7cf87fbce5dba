package org.salespipeline.scoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * Odoo CRM's default stages and leads as deals, to re-create the fixtures of Odoo's predictive lead
 * scoring tests (odoo/odoo, addons/crm/tests/test_crm_pls.py).
 *
 * <p>Odoo's stages New (sequence 1), Qualified (2), Proposition (3) and Won (70) become the open
 * stages {@code new}, {@code qualified}, {@code proposition} and the won stage; a lead's team, country,
 * state, email and phone quality, source and tags become attributes. Odoo records an unset email or
 * phone quality as the value {@code False} (it does not skip it), so the fixtures set {@code "False"};
 * other unset fields are left out, as Odoo skips them.
 */
final class OdooFixture {

  static final Pipeline PIPELINE = Pipeline.builder("odoo", "Odoo CRM")
      .openStage(Stage.open("new", "New"))
      .openStage(Stage.open("qualified", "Qualified"))
      .openStage(Stage.open("proposition", "Proposition"))
      .wonStage(Stage.won("won", "Won"))
      .lostStage(Stage.lost("lost", "Lost"))
      .build();
  static final String[] STAGES = {"new", "qualified", "proposition"};
  static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant CLOSED = Instant.parse("2024-02-01T00:00:00Z");
  static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  private OdooFixture() {}

  /** A lead as Odoo's {@code _prepare_test_lead_values} makes it; null means unset. */
  static Deal lead(String id, String team, String country, String state, String email, String phone, String source,
      int stage) {
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "team", team);
    put(attributes, "country", country);
    put(attributes, "state", state);
    put(attributes, "email_state", email);
    put(attributes, "phone_state", phone);
    put(attributes, "source", source);
    NewDeal draft = NewDeal.of(id).withTitle(id).withStage(STAGES[stage]);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      draft = draft.withAttribute(e.getKey(), e.getValue());
    }
    return PIPELINE.open(draft, CREATED).get().deal();
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }

  static Deal won(Deal deal) {
    return PIPELINE.win(deal, CLOSED).get().deal();
  }

  static Deal lost(Deal deal) {
    return PIPELINE.lose(deal, "Odoo", CLOSED).get().deal();
  }

  static Deal with(Deal deal, String key, String value) {
    return (value == null ? PIPELINE.clearAttribute(deal, key, CLOSED) : PIPELINE.setAttribute(deal, key, value, CLOSED))
        .get().deal();
  }

  static Deal moved(Deal deal, int stage) {
    return PIPELINE.move(deal, STAGES[stage], CLOSED).get().deal();
  }

  /** The probability in percent, as Odoo stores it. */
  static double percent(double probability) {
    return probability * 100;
  }
}
