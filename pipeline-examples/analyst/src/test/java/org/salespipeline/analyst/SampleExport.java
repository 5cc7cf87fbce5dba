package org.salespipeline.analyst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small stage-history export whose figures are worked out by hand in the tests: eleven deals
 * loaded, two bad rows, one deal in EUR, one without amount, attribute columns source and segment.
 *
 * <p>Won: D-1 (42 days, 12,000), D-4 (56 days, 45,000), D-10 (26 days, 18,000, on 2024-04-01, the
 * latest entry). Lost: D-2 (28 days, 30,000), D-3 (11 days, 8,000), D-7 (11 days, 5,000). Open at
 * the latest entry: D-5 Proposal 15,000; D-6 Qualification 60,000; D-8 Proposal 22,000 EUR; D-9
 * Prospecting 9,000; D-11 Qualification, no amount. Historical win rate from each stage among the
 * closed deals that reached it: Prospecting 3/6, Qualification 3/4 (D-1, D-4, D-10 won, D-2 lost),
 * Proposal 3/3.
 */
public final class SampleExport {

  /** The open stages of the sample. */
  public static final String STAGES = "Prospecting,Qualification,Proposal";

  /** The file's text. */
  public static final String CSV = """
      deal_id,stage,entered_at,amount,currency,owner,lost_reason,source,segment
      D-1,Prospecting,2024-01-08,12000,,ana,,web,SMB
      D-1,Qualification,2024-01-15,,,,,,
      D-1,Proposal,2024-01-29,,,,,,
      D-1,Won,2024-02-19,,,,,,
      D-2,Prospecting,2024-01-10,30000,,bo,,referral,Enterprise
      D-2,Qualification,2024-01-24,,,,,,
      D-2,Lost,2024-02-07,,,,Price,,
      D-3,Prospecting,2024-01-15,8000,,ana,,web,SMB
      D-3,Lost,2024-01-26,,,,No budget,,
      D-4,Prospecting,2024-01-22,45000,,bo,,referral,Enterprise
      D-4,Qualification,2024-02-01,,,,,,
      D-4,Proposal,2024-02-20,,,,,,
      D-4,Won,2024-03-18,,,,,,
      D-5,Prospecting,2024-02-05,15000,,ana,,event,SMB
      D-5,Qualification,2024-02-12,,,,,,
      D-5,Proposal,2024-03-04,,,,,,
      D-6,Prospecting,2024-02-12,60000,,bo,,referral,Enterprise
      D-6,Qualification,2024-02-26,,,,,,
      D-7,Prospecting,2024-02-19,5000,,cy,,web,SMB
      D-7,Lost,2024-03-01,,,,Went with a competitor,,
      D-8,Prospecting,2024-02-26,22000,EUR,cy,,event,Enterprise
      D-8,Proposal,2024-03-11,,,,,,
      D-9,Prospecting,2024-03-04,9000,,ana,,web,SMB
      D-10,Prospecting,2024-03-06,18000,,bo,,web,SMB
      D-10,Qualification,2024-03-13,,,,,,
      D-10,Proposal,2024-03-20,,,,,,
      D-10,Won,2024-04-01,,,,,,
      D-11,Prospecting,2024-03-11,,,cy,,event,SMB
      D-11,Qualification,2024-03-25,,,,,,
      D-12,Demo,2024-03-12,7000,,ana,,web,SMB
      D-13,Prospecting,not-a-date,4000,,bo,,web,SMB
      """;

  /** Only open deals: nothing closed, so most figures are undefined. */
  public static final String ONLY_OPEN = """
      deal_id,stage,entered_at,amount
      O-1,Prospecting,2024-05-01,1000
      O-2,Prospecting,2024-05-02,2000
      O-2,Proposal,2024-05-06,
      """;

  private SampleExport() {}

  /**
   * Writes the export as {@code export.csv} into a folder, as a user would save it.
   *
   * @param dir the folder
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path writeTo(Path dir) throws IOException {
    return Files.writeString(dir.resolve("export.csv"), CSV, StandardCharsets.UTF_8);
  }
}
