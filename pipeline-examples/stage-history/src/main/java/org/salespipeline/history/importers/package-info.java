/**
 * Importers of the exports analysts really have, each turning a CRM file into a stage history
 * (SPEC §6): {@link org.salespipeline.history.importers.OpportunitiesImporter} (one row per
 * opportunity, the Maven CRM sample's shape),
 * {@link org.salespipeline.history.importers.SalesforceHistoryImporter} (Salesforce
 * {@code OpportunityHistory}, optionally joined with an {@code Opportunity} export) and
 * {@link org.salespipeline.history.importers.HubSpotImporter} (HubSpot deals with "Date entered"
 * columns). The result, an {@link org.salespipeline.history.importers.ImportedHistory}, is written
 * as stage-history CSV or loaded into deals by the stage-history reader.
 *
 * <p>Every importer puts each value at the instant it became known, is strict by default (the
 * first bad record stops the import, naming file, line, record and reason) or, skipping bad rows,
 * lists every bad record and leaves its deal out whole; the counts always add up, and warnings say
 * what the export cannot tell.
 */
package org.salespipeline.history.importers;
