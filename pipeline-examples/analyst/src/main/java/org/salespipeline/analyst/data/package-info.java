/**
 * Sample data for the demo and the report: {@link org.salespipeline.analyst.data.SampleDeals}, a
 * seeded, realistic book of deals driven through the standard pipeline.
 */
package org.salespipeline.analyst.data;
