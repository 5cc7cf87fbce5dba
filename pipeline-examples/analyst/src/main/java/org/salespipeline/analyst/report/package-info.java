/**
 * The HTML pipeline report: {@link org.salespipeline.analyst.report.HtmlReport} turns a metrics
 * report and a ranking of deals into one self-contained HTML file (inline SVG and CSS, no script,
 * nothing fetched from the network).
 */
package org.salespipeline.analyst.report;
