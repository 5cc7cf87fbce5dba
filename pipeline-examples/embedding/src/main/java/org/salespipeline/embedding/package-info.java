/**
 * How a CRM embeds the library behind its own storage: {@link
 * org.salespipeline.embedding.CrmDealService} keeps deal events in an embedded H2
 * database through JDBC (an append-only table, optimistic concurrency on the deal's version, one
 * transaction per command) and rebuilds deals by replay; {@link
 * org.salespipeline.embedding.EventFormat} is the stable stored form of every event.
 */
package org.salespipeline.embedding;
