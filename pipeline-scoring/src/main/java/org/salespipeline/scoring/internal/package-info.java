/** Implementation of the scoring module: not exported, not API. */
package org.salespipeline.scoring.internal;
