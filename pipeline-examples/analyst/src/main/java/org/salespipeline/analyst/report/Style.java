package org.salespipeline.analyst.report;

/**
 * The report's inline style sheet: system fonts only (nothing to download), dark text on white
 * (contrast above 12:1 for body text, above 4.5:1 for muted text), chart colours from a
 * colour-blind-safe palette with at least 3:1 against white, and print rules that keep charts and
 * tables whole.
 */
final class Style {

  static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; background: #ffffff; color: #1f2328;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      h1 { font-size: 28px; margin: 0 0 4px; }
      h2 { font-size: 20px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
      .subtitle, .lead, .note, .empty { color: #4b535c; }
      .subtitle { margin: 0 0 12px; }
      nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 0 0 8px; }
      a { color: #0a4f8f; }
      section { margin: 28px 0; }
      .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; margin: 0; }
      .figures div { border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 14px; min-width: 0; }
      .figures dt { font-weight: 600; color: #4b535c; }
      .figures dd { margin: 0; }
      .figures dd.value { font-size: 20px; line-height: 1.3; font-weight: 700; font-variant-numeric: tabular-nums;
        overflow-wrap: break-word; }
      .figures dd.note { font-size: 13px; color: #4b535c; margin-top: 4px; }
      svg.chart { display: block; width: 100%; max-width: 800px; height: auto; margin: 8px 0 12px; }
      svg text { font-family: inherit; fill: #1f2328; }
      svg .label { font-size: 13px; font-weight: 600; }
      svg .value, svg .legend { font-size: 13px; }
      svg .tick { font-size: 12px; fill: #4b535c; }
      svg .grid { stroke: #d0d7de; stroke-width: 1; }
      .advanced { fill: #0b5fa5; }
      .lost { fill: #c2410c; }
      .open { fill: #7d7d7d; }
      .p90 { fill: #8db8e3; }
      .wf-total { fill: #4b535c; }
      .wf-up { fill: #0b5fa5; }
      .wf-down { fill: #c2410c; }
      .side-by-side { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
      .side-by-side svg.chart { flex: 1 1 520px; max-width: 640px; }
      .median { fill: #0b3c6e; }
      .age { fill: #c2410c; stroke: #ffffff; stroke-width: 2; }
      .won-line { fill: none; stroke: #0b5fa5; stroke-width: 2.5; }
      .won-dot { fill: #0b5fa5; stroke: #ffffff; stroke-width: 1.5; }
      .whisker { stroke: #0b5fa5; stroke-width: 1.5; }
      .overall { stroke: #4b535c; stroke-width: 1.5; stroke-dasharray: 6 4; }
      .key.won-line { fill: #0b5fa5; stroke: none; }
      .key.overall { fill: #4b535c; stroke: none; }
      .key.p90 { stroke: #0b3c6e; stroke-width: 1; }
      table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; font-size: 14px; }
      .table-scroll { max-width: 100%; overflow-x: auto; }
      table.stacked { font-size: 13px; }
      table.stacked th, table.stacked td { padding: 4px 6px; }
      table.stacked td { white-space: pre-line; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; color: #1f2328; }
      th, td { padding: 4px 10px; border-bottom: 1px solid #d0d7de; }
      thead th { border-bottom: 2px solid #8c959f; background: #f6f8fa; }
      .num { text-align: right; }
      .text { text-align: left; }
      tbody tr:nth-child(even) { background: #f6f8fa; }
      .findings li, .notes li { margin: 4px 0; }
      .warnings { border: 2px solid #b45309; background: #fffbeb; padding: 8px 16px; margin: 16px 0; }
      footer { margin-top: 40px; font-size: 13px; color: #4b535c; border-top: 1px solid #d0d7de; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11pt; }
        nav { display: none; }
        section { break-inside: avoid-page; margin: 16px 0; }
        svg.chart, table { break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
        tbody tr:nth-child(even), thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  private Style() {}
}
