/**
 * The analyst command line run from the all-in-one jar, on picocli:
 * {@link org.salespipeline.analyst.cli.Main} maps picocli's outcomes to exit statuses; each command
 * is a picocli command class, and the options several commands share are mixins (the loading
 * options of every command that reads a stage history, the time window, the scorer).
 */
package org.salespipeline.analyst.cli;
