/** Implementation details of the core module; not exported, no compatibility promise. */
package org.salespipeline.core.internal;
