package org.salespipeline.analyst;

/**
 * The small stage-history file the tests of SPEC §4.1 (movement, forecast, hygiene) work by hand,
 * from the CLI, the JShell kit and the report; the working is in
 * {@code cli.RevenueCommandsTest}. Stages Prospect, Proposal; Won, Lost; amounts in USD:
 * <pre>
 * D1 ana  Prospect 06-01 (1000) -> Proposal 06-20 -> Won 07-10
 * D2 ana  Prospect 06-15 (2000) -> Proposal 07-05                  open
 * D3 bo   Prospect 07-03 (700.125) -> Lost 07-20
 * D4 bo   Prospect 05-01 (400) -> Lost 06-01 -> Prospect 07-15     reopened, open
 * D5 bo   Prospect 07-25 (300) -> Proposal 08-05                   open
 * D6 ana  Prospect 06-10 (900) -> Proposal 07-12                   open
 * D7 -    Prospect 06-05 (no amount, no owner)                     open
 * </pre>
 */
public final class RevenueHistory {

  /** The open stages, for {@code --stages}. */
  public static final String STAGES = "Prospect,Proposal";

  /** The file. */
  public static final String CSV = """
      deal_id,stage,entered_at,amount,currency,owner
      D1,Prospect,2026-06-01,1000,USD,ana
      D1,Proposal,2026-06-20,,,
      D1,Won,2026-07-10,,,
      D2,Prospect,2026-06-15,2000,USD,ana
      D2,Proposal,2026-07-05,,,
      D3,Prospect,2026-07-03,700.125,USD,bo
      D3,Lost,2026-07-20,,,
      D4,Prospect,2026-05-01,400,USD,bo
      D4,Lost,2026-06-01,,,
      D4,Prospect,2026-07-15,,,
      D5,Prospect,2026-07-25,300,USD,bo
      D5,Proposal,2026-08-05,,,
      D6,Prospect,2026-06-10,900,USD,ana
      D6,Proposal,2026-07-12,,,
      D7,Prospect,2026-06-05,,,
      """;

  private RevenueHistory() {}
}
