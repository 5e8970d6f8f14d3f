import BriefingCore
import Foundation

// MARK: - index.html

/// `<output>/index.html`: the page to open after a run, made from its manifest alone.
///
/// It shows the run's status, period, generation time, run id, tool version and delivery; the
/// failures (every finding with `file:line:column`, every unit that did not publish); every
/// published file as a link, PNGs with a 160 × 120 px thumbnail (a job renders sheets as PDF
/// only, so a sheet is a text link with its size and page count); and the inputs (data files,
/// layouts, job file) with size and sha256.
///
/// Static and offline: inline CSS, system fonts, no script, no network. Every link is relative
/// and percent-encoded (`HTMLText.link`), every text escaped (`HTMLText.escape`), so the page
/// works from `file://` and any web server and a region called `A&B <x>` stays text. Headings
/// are bilingual (Chinese, English), whatever language the job's layouts use. The same manifest
/// gives the same bytes.
public enum RunIndexPage {
  /// The page's path, relative to the output folder.
  public static let fileName = "index.html"

  /// The page for `manifest`.
  ///
  /// - Parameter earlier: for a run that published no file, the manifest of the newest run that
  ///   did: its files are still in place, and the page lists them under a note saying which run
  ///   they are from. Nil lists `manifest`'s own outputs.
  public static func html(for manifest: Manifest, filesFrom earlier: Manifest? = nil) -> String {
    var lines = head(manifest)
    lines += summary(manifest)
    lines += failures(manifest)
    lines += files(of: earlier ?? manifest, current: manifest)
    lines += inputs(manifest)
    lines += [
      "<footer>" + RunIndexLabels.bilingual(
        "由 briefing \(manifest.toolVersion) 生成的静态页面，离线可用。",
        "Static page written by briefing \(manifest.toolVersion); works offline.") + "</footer>",
      "</body>", "</html>",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Head and summary

  private static func head(_ manifest: Manifest) -> [String] {
    let period = manifest.period.map { " · " + $0 } ?? ""
    return [
      "<!DOCTYPE html>",
      "<html lang=\"zh-CN\">",
      "<head>",
      "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<meta name=\"generator\" content=\"briefing \(HTMLText.escape(manifest.toolVersion))\">",
      "<title>" + HTMLText.escape("简报 Briefing\(period) · \(manifest.status)") + "</title>",
      "<style>", style, "</style>",
      "</head>",
      "<body>",
    ]
  }

  private static func summary(_ manifest: Manifest) -> [String] {
    let words = RunIndexLabels.runStatus(manifest.status)
    let status = words.map { RunIndexLabels.bilingual($0, manifest.status) } ?? HTMLText.escape(manifest.status)
    var facts: [(String, String)] = [
      (RunIndexLabels.bilingual("报告期", "Period"), HTMLText.escape(manifest.period ?? "—")),
      (RunIndexLabels.bilingual("生成时间", "Generated"),
       "<time datetime=\"\(HTMLText.escape(manifest.finishedAt))\">\(HTMLText.escape(RunIndexLabels.time(manifest.finishedAt)))</time>"),
      (RunIndexLabels.bilingual("运行", "Run"),
       "<code>\(HTMLText.escape(manifest.runID))</code> · \(RunIndexLabels.seconds(manifest.seconds))"
         + (manifest.mergedShards.map { " · " + RunIndexLabels.bilingual("合并 \($0) 个分片", "\($0) shards merged") } ?? "")),
      (RunIndexLabels.bilingual("任务", "Job"), "<code>\(HTMLText.escape(manifest.job))</code>"),
      (RunIndexLabels.bilingual("程序版本", "Tool"), HTMLText.escape(manifest.toolVersion)),
    ]
    if let delivery = manifest.delivery {
      facts.append((RunIndexLabels.bilingual("分发", "Delivery"), RunIndexLabels.delivery(delivery)))
    }
    facts.append((RunIndexLabels.bilingual("运行记录", "Manifest"), "<a href=\"manifest.json\">manifest.json</a>"))
    return [
      "<header>",
      "<h1>" + RunIndexLabels.bilingual("简报运行结果", "Briefing run") + "</h1>",
      "<p class=\"status tone-\(RunIndexLabels.tone(manifest.status))\" id=\"status\">\(status)</p>",
      "<dl class=\"facts\">",
    ] + facts.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" } + ["</dl>", "</header>"]
  }

  // MARK: Failures

  /// Every finding, then every unit that did not publish; "none" when there is neither.
  private static func failures(_ manifest: Manifest) -> [String] {
    let units = manifest.units.filter { $0.status != "ok" }
    var lines = ["<section id=\"failures\">", "<h2>" + RunIndexLabels.bilingual("问题", "Failures") + "</h2>"]
    guard !manifest.findings.isEmpty || !units.isEmpty else {
      return lines + ["<p class=\"none\">" + RunIndexLabels.bilingual("无", "None") + "</p>", "</section>"]
    }
    if !manifest.findings.isEmpty {
      lines.append("<ul class=\"findings\">")
      for finding in manifest.findings {
        let place = finding.location.map { "<code class=\"location\">\(HTMLText.escape($0.description))</code> " } ?? ""
        let notes = finding.notes.isEmpty ? "" : " (" + HTMLText.escape(finding.notes.joined(separator: "; ")) + ")"
        lines.append(
          "<li>\(place)<span class=\"severity-\(finding.severity.rawValue)\">\(RunIndexLabels.severity(finding.severity))</span>: "
            + HTMLText.escape(finding.message.text) + notes + " <code>[\(HTMLText.escape(finding.message.code))]</code></li>")
      }
      lines.append("</ul>")
    }
    if !units.isEmpty {
      lines.append("<ul class=\"findings\">")
      for unit in units {
        let error = unit.error.map { ": " + HTMLText.escape($0) } ?? ""
        lines.append("<li><code>\(HTMLText.escape(unit.name))</code> \(RunIndexLabels.unitStatus(unit.status))\(error)</li>")
      }
      lines.append("</ul>")
    }
    return lines + ["</section>"]
  }

  // MARK: Files

  /// The files of `shown` (the current run, or the earlier one whose files are in place), one
  /// list per layout, one entry per unit.
  private static func files(of shown: Manifest, current: Manifest) -> [String] {
    var lines = ["<section id=\"outputs\">", "<h2>" + RunIndexLabels.bilingual("输出文件", "Outputs") + "</h2>"]
    if shown.runID != current.runID {
      lines.append(
        "<p class=\"note\">" + RunIndexLabels.bilingual(
          "本次运行未发布文件。以下文件来自运行 \(shown.runID)（生成于 \(RunIndexLabels.time(shown.finishedAt))），仍在原处。",
          "This run published nothing. The files below are from run \(shown.runID) (generated \(RunIndexLabels.time(shown.finishedAt))) and are still in place.")
          + "</p>")
    }
    let published = shown.units.filter { !$0.outputs.isEmpty }
    guard !published.isEmpty else {
      return lines + ["<p class=\"none\">" + RunIndexLabels.bilingual("没有已发布的文件。", "No published files.") + "</p>", "</section>"]
    }
    let byPath = Dictionary(shown.outputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var layouts: [String] = []
    for unit in published where !layouts.contains(unit.layout) { layouts.append(unit.layout) }
    for layout in layouts {
      let name = ((layout as NSString).lastPathComponent as NSString).deletingPathExtension
      lines.append("<h3>\(HTMLText.escape(name))</h3>")
      lines.append("<ul class=\"units\">")
      for unit in published where unit.layout == layout {
        let title = [unit.region ?? "全部 all", unit.period].joined(separator: " · ")
        lines.append("<li><strong>\(HTMLText.escape(title))</strong>")
        lines.append("<ul class=\"files\">")
        lines += unit.outputs.map { entry(path: $0, output: byPath[$0]) }
        lines.append("</ul></li>")
      }
      lines.append("</ul>")
    }
    return lines + ["</section>"]
  }

  /// One file: a PNG as a thumbnail over its name, anything else (a sheet's PDF) as a text link
  /// with its size and, when known, its page count.
  private static func entry(path: String, output: Manifest.Output?) -> String {
    let href = HTMLText.link(path)
    let name = HTMLText.escape((path as NSString).lastPathComponent)
    let size = output.map { RunIndexLabels.size($0.size) } ?? ""
    if path.lowercased().hasSuffix(".png") {
      return "<li class=\"image\"><a href=\"\(href)\"><img src=\"\(href)\" alt=\"\(HTMLText.escape(path))\" loading=\"lazy\"></a>"
        + "<a href=\"\(href)\">\(name)</a> <span class=\"meta\">\(size)</span></li>"
    }
    let pages = output?.pages.map { " · " + RunIndexLabels.bilingual("\($0) 页", "\($0) pages") } ?? ""
    return "<li class=\"document\"><a href=\"\(href)\">\(name)</a> <span class=\"meta\">\(size)\(pages)</span></li>"
  }

  // MARK: Inputs

  /// The run's inputs, each marked as data, layout or the job file.
  private static func inputs(_ manifest: Manifest) -> [String] {
    let layouts = Set(manifest.units.map(\.layout))
    var lines = [
      "<section id=\"inputs\">", "<h2>" + RunIndexLabels.bilingual("数据来源与版式", "Data sources and layouts") + "</h2>",
    ]
    guard !manifest.inputs.isEmpty else {
      return lines + ["<p class=\"none\">" + RunIndexLabels.bilingual("未记录。", "Not recorded.") + "</p>", "</section>"]
    }
    lines.append("<table class=\"inputs\">")
    lines.append(
      "<tr><th>" + RunIndexLabels.bilingual("类别", "Kind") + "</th><th>" + RunIndexLabels.bilingual("文件", "File")
        + "</th><th>" + RunIndexLabels.bilingual("大小", "Size") + "</th><th>sha256</th></tr>")
    for input in manifest.inputs {
      let kind =
        input.path == manifest.job
        ? RunIndexLabels.bilingual("任务", "job")
        : (layouts.contains(input.path) ? RunIndexLabels.bilingual("版式", "layout") : RunIndexLabels.bilingual("数据", "data"))
      lines.append(
        "<tr><td>\(kind)</td><td class=\"path\"><code>\(HTMLText.escape(input.path))</code></td>"
          + "<td>\(RunIndexLabels.size(input.size))</td>"
          + "<td><code title=\"\(HTMLText.escape(input.sha256))\">\(HTMLText.escape(String(input.sha256.prefix(12))))</code></td></tr>")
    }
    return lines + ["</table>", "</section>"]
  }
}
