package org.salespipeline.history.importers;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The shapes of CRM export the importers turn into a stage history, by the name the command line
 * uses ({@code import --from NAME}).
 */
public enum ImportShape {

  /** One row per opportunity with its created and closed dates and final stage: {@link OpportunitiesImporter}. */
  OPPORTUNITIES("opportunities"),
  /** A Salesforce {@code OpportunityHistory} export, one row per change: {@link SalesforceHistoryImporter}. */
  SALESFORCE_HISTORY("salesforce-history"),
  /** A HubSpot deals export with "Date entered" columns per stage: {@link HubSpotImporter}. */
  HUBSPOT("hubspot");

  private final String cliName;

  ImportShape(String cliName) {
    this.cliName = cliName;
  }

  /**
   * Returns the name the command line uses.
   *
   * @return the name, never null
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Finds a shape by its command-line name, ignoring case.
   *
   * @param name the name, not null
   * @return the shape, or none if no shape has that name
   */
  public static Option<ImportShape> parse(String name) {
    Objects.requireNonNull(name, "name");
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Option.ofOptional(Arrays.stream(values()).filter(s -> s.cliName.equals(wanted)).findFirst());
  }

  /**
   * Returns the command-line names of all shapes, comma-separated.
   *
   * @return the names, never null
   */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(ImportShape::cliName).toList());
  }
}
