package org.salespipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demo_showsRefusedMoveLostReasonAndReplay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("REFUSED move to Proposal before qualifying")
        .contains("[ENTRY_CRITERIA_NOT_MET]")
        .contains("ok      mark lost: went with a competitor")
        .contains("[LOST_REASON_REQUIRED]")
        .contains("replayed deal equals the live one: true");
  }
}
