package org.salespipeline.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Measures what deals cost on the heap, two ways.
 *
 * <p>The reported figure walks the object graph of the deal list with JOL ({@link GraphLayout}):
 * every object reachable from the list, each counted once with its real size on this JVM
 * (compressed pointers, alignment). An object shared by many deals — a stage id, an owner, an
 * attribute value or a currency the generator takes from a shared pool — is counted once for the
 * whole list, so its cost per deal is close to zero, as it is in a host that holds its reference
 * data once; everything a deal owns alone (its id, title, events, instants, amounts, maps) is
 * counted in full. The list's own array is included.
 *
 * <p>The cross-check is the used heap after a full GC with and without the deals: it needs no
 * object walk but is noisier (other threads allocate, GC timing varies).
 */
final class HeapMeasure {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  static {
    // JOL reads these once, when it first looks at the VM. Records (our events) have no Unsafe field
    // offsets, so JOL must find them its "magic" way; attaching an agent to ourselves is refused on
    // a stock JVM and only prints a warning into the harness's output, so JOL is told not to try.
    // Sizes then come from JOL's own layout of each class, which matches HotSpot's.
    setIfAbsent("jol.magicFieldOffset", "true");
    setIfAbsent("jol.skipDynamicAttach", "true");
    setIfAbsent("jol.skipHotspotSAAttach", "true");
    // JOL still prints to System.out that it runs without instrumentation: that line would corrupt
    // the harness's output, so JOL's one-time look at the VM runs with System.out muted.
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try {
      VM.current();
    } finally {
      System.setOut(stdout);
    }
  }

  private HeapMeasure() {}

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * The packages of java.base whose objects a deal holds. JOL reads their private fields by
   * reflection, and where a package is not opened to us every field read throws twice before JOL
   * falls back to Unsafe: walking a million deals then takes many minutes instead of seconds.
   */
  static final List<String> OPENS = List.of("java.lang", "java.util", "java.time", "java.math");

  /** Whether JOL can walk a large graph fast: every package of {@link #OPENS} is open to us. */
  static boolean fastWalk() {
    Module base = Object.class.getModule();
    Module us = HeapMeasure.class.getModule();
    return OPENS.stream().allMatch(p -> base.isOpen(p, us));
  }

  /** The command-line options that make {@link #fastWalk()} true. */
  static String addOpensOptions() {
    return OPENS.stream().map(p -> "--add-opens java.base/" + p + "=ALL-UNNAMED").collect(Collectors.joining(" "));
  }

  /**
   * Walks everything reachable from the root: {@link GraphLayout#totalSize()} is the bytes, shared
   * objects counted once; {@link GraphLayout#toFootprint()} the table by class.
   */
  static GraphLayout graph(Object root) {
    return GraphLayout.parseInstance(root);
  }

  /** The used heap after full collections, in bytes. */
  static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
