/**
 * Sales pipeline core: immutable deals and pipeline definitions, the stage state machine, its
 * events and their replay.
 *
 * <p>Start with {@link org.salespipeline.core.Pipeline#standard()}: open a deal with
 * {@link org.salespipeline.core.Pipeline#open}, move it with
 * {@link org.salespipeline.core.Pipeline#move}, and persist the
 * {@link org.salespipeline.core.DealEvent events} of every {@link org.salespipeline.core.Change}.
 */
@org.jspecify.annotations.NullMarked
@SuppressWarnings("module") // the modules named by the qualified export are built after this one
module org.salespipeline.core {
  requires transitive io.vavr;
  requires static org.jspecify;
  requires static org.immutables.value.annotations;

  exports org.salespipeline.core;
  // DealCursor: reads of deal histories without events, for the library's own modules only
  exports org.salespipeline.core.internal to org.salespipeline.metrics, org.salespipeline.scoring;
}
