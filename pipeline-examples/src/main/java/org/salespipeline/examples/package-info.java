/**
 * Runnable examples of the sales pipeline library: the demo and the README's embedding example.
 */
package org.salespipeline.examples;
