package org.salespipeline.history.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.salespipeline.history.importers.HistoryRow;

/** The small vendor-shaped files of this package's tests, and helpers over imported rows. */
final class Fixtures {

  private Fixtures() {}

  static Reader open(String name) throws IOException {
    InputStream in = Fixtures.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no test fixture " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static Reader text(String... lines) {
    return new StringReader(String.join("\r\n", lines) + "\r\n");
  }

  static List<HistoryRow> rowsOf(ImportedHistory history, String dealId) {
    return history.rows().stream().filter(r -> r.dealId().equals(dealId)).toList();
  }
}
