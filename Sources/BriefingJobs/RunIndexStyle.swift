// MARK: - The run page's style sheet

extension RunIndexPage {
  /// Inline CSS: system fonts only (Noto Sans CJK as Debian installs it, then the usual Chinese
  /// system fonts), no web fonts, no images, no script. Thumbnails are 160 × 120 CSS px boxes,
  /// the image scaled to fit.
  static let style = """
    :root { color-scheme: light; --ok: #1b7a3a; --warn: #9a6200; --bad: #b3261e; --line: #d6d6d6; }
    body { margin: 24px auto; max-width: 1100px; padding: 0 16px; color: #1f1f1f; background: #fff;
      font: 15px/1.5 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    h1 { font-size: 22px; margin: 0 0 8px; }
    h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    [lang="en"] { color: #555; }
    .status { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: bold; }
    .status [lang="en"] { color: #fff; }
    .tone-ok { background: var(--ok); } .tone-warn { background: var(--warn); } .tone-bad { background: var(--bad); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
    dl.facts dt { color: #444; } dl.facts dd { margin: 0; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
    ul.findings { padding-left: 20px; } ul.findings li { margin: 4px 0; }
    .severity-error { color: var(--bad); } .severity-warning { color: var(--warn); }
    .note { background: #fff6e0; border-left: 4px solid var(--warn); padding: 6px 10px; }
    .none { color: #555; }
    ul.units { list-style: none; padding: 0; }
    ul.units > li { margin: 10px 0; }
    ul.files { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 10px; }
    ul.files li.image { width: 164px; font-size: 13px; overflow-wrap: anywhere; }
    ul.files img { display: block; width: 160px; height: 120px; object-fit: contain; border: 1px solid var(--line); background: #fff; }
    .meta { color: #555; font-size: 13px; white-space: nowrap; }
    table.inputs { border-collapse: collapse; font-size: 13px; }
    table.inputs th, table.inputs td { text-align: left; padding: 2px 12px 2px 0; border-bottom: 1px solid #eee; }
    table.inputs td.path { overflow-wrap: anywhere; }
    footer { margin-top: 32px; color: #555; font-size: 13px; }
    """
}
