import BriefingCore
import BriefingStats
import Foundation
import Testing

@testable import BriefingScene

// MARK: - Opt-in SVG previews

/// Writes one SVG per composer fixture when `EXTRA_PREVIEW_DIR` is set (for eyeballing the
/// look before the Cairo renderer lands); does nothing otherwise.
@Suite struct ComposerPreview {
  @Test func writePreviews() throws {
    guard let dir = ProcessInfo.processInfo.environment["EXTRA_PREVIEW_DIR"] else { return }
    let rect = Rect(x: 10, y: 10, width: 480, height: 300)
    let t = Fixture.theme
    let m = Fixture.measurer
    let sub = SubRegionTableComposerTests()
    let outs: [(String, ComposedFrame)] = [
      (
        "scatter",
        ScatterComposer().compose(
          ScatterInput(
            rows: Fixture.rowsWithGaps(), names: Fixture.names, indicator: Fixture.gdp,
            focus: Fixture.focus), in: rect, theme: t, measurer: m)
      ),
      (
        "grouped",
        GroupedBarComposer().compose(
          GroupedBarInput(
            rows: Fixture.rowsWithGaps(), names: Fixture.names, indicator: Fixture.gdp,
            focus: Fixture.focus), in: rect, theme: t, measurer: m)
      ),
      (
        "trend",
        TrendLineComposer().compose(
          TrendLineInput(
            rows: TrendLineComposerTests().rows(6), names: Fixture.names, indicator: Fixture.gdp,
            focus: Fixture.focus), in: rect, theme: t, measurer: m)
      ),
      (
        "multiples",
        SmallMultiplesComposer().compose(
          SmallMultiplesInput(
            panels: SmallMultiplesComposerTests().indicators.map {
              SmallMultiplePanel(indicator: $0, rows: Fixture.rowsWithGaps($0))
            }, names: Fixture.names, focus: Fixture.focus), in: rect, theme: t, measurer: m)
      ),
      (
        "subregion",
        SubRegionTableComposer().compose(
          input: SubRegionTableInput(rows: sub.rows(), names: sub.names, indicator: sub.task), in: rect,
          theme: t, measurer: m)
      ),
      (
        "ranking",
        RankingTableComposer().compose(
          RankingTableComposerTests().input { Fixture.rowsWithGaps($0) }, in: rect, theme: t,
          measurer: m)
      ),
    ]
    for (name, out) in outs {
      let body = out.items.map(svg).joined(separator: "\n")
      let doc =
        "<svg xmlns='http://www.w3.org/2000/svg' width='500' height='320'><rect width='500' height='320' fill='white'/>\(body)</svg>"
      try doc.write(toFile: "\(dir)/\(name).svg", atomically: true, encoding: .utf8)
    }
  }

  private func svg(_ item: FrameItem) -> String {
    switch item {
    case .group(_, _, let items): return items.map(svg).joined(separator: "\n")
    case .anchor: return ""
    case .text(let run):
      let weight = run.style.bold ? "bold" : "normal"
      return
        "<rect x='\(run.origin.x)' y='\(run.origin.y)' width='\(run.size.width)' height='\(run.size.height)' fill='none' stroke='#eee' stroke-width='0.2'/><text x='\(run.origin.x)' y='\(run.origin.y + run.style.size)' font-family='Noto Sans CJK SC' font-size='\(run.style.size)' font-weight='\(weight)' fill='\(hex(run.style.color))'>\(run.text)</text>"
    case .shape(let shape):
      let fill = shape.fill.map(hex) ?? "none"
      let stroke =
        shape.stroke.map {
          "stroke='\(hex($0.color))' stroke-width='\($0.width)' stroke-dasharray='\($0.dash.map { "\($0)" }.joined(separator: ","))'"
        } ?? ""
      switch shape.geometry {
      case .rect(let r):
        return
          "<rect x='\(r.minX)' y='\(r.minY)' width='\(r.width)' height='\(r.height)' fill='\(fill)' \(stroke)/>"
      case .line(let a, let b):
        return "<line x1='\(a.x)' y1='\(a.y)' x2='\(b.x)' y2='\(b.y)' \(stroke)/>"
      case .polyline(let p):
        return
          "<polyline points='\(p.map { "\($0.x),\($0.y)" }.joined(separator: " "))' fill='none' \(stroke)/>"
      case .polygon(let p):
        return
          "<polygon points='\(p.map { "\($0.x),\($0.y)" }.joined(separator: " "))' fill='\(fill)' \(stroke)/>"
      case .circle(let c, let r):
        return "<circle cx='\(c.x)' cy='\(c.y)' r='\(r)' fill='\(fill)' \(stroke)/>"
      }
    }
  }

  private func hex(_ c: Color) -> String {
    let s = c.description
    return s.count > 7 ? String(s.prefix(7)) : s
  }
}
