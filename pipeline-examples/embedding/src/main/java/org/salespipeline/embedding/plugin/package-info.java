/**
 * A custom scorer plugin, as a vendor or an integrator would write one: it lives in its own
 * package, depends only on the scoring SPI, and is registered in
 * {@code META-INF/services/org.salespipeline.scoring.Scorer}, so that
 * {@code ScorerRegistry.discover()} finds it and any host that picks scorers by id (the
 * {@code prioritize --scorer engagement} command, for one) uses it with no code change.
 */
package org.salespipeline.embedding.plugin;
