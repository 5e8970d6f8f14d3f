import BriefingScene
import CairoKit

// MARK: - Measuring text with Pango

/// Measures text exactly as `PDFRenderer` lays it out (vector mode, resolution 72), so composers
/// place labels with the real metrics. Owns a private scratch surface; not thread-safe: create one
/// per thread. Results are cached by (text, style, wrap width), and the shaped layouts are kept so
/// `PDFRenderer` can draw with them instead of shaping the same text again.
public final class PangoTextMeasurer: TextMeasuring {
  // MARK: Properties
  private let text: TextContext
  /// Layouts shaped while measuring (vector mode, resolution 72, identity transformation).
  let layouts: TextLayoutCache
  private var cache: [Key: TextMetrics] = [:]

  private struct Key: Hashable {
    var text: String
    var style: TextStyle
    var wrapWidth: Double?
  }

  // MARK: Initialization

  public init() throws(RenderError) {
    do {
      let surface = try Surface.image(width: 1, height: 1, opaque: true)
      text = try TextContext(context: Context(surface: surface), mode: .vector)
      layouts = TextLayoutCache(text: text)
    } catch {
      throw .cairo(error)
    }
  }

  // MARK: Methods

  public func measure(_ string: String, style: TextStyle, wrapWidth: Double?) -> TextMetrics {
    let key = Key(text: string, style: style, wrapWidth: wrapWidth)
    if let hit = cache[key] { return hit }
    let metrics: TextMetrics
    let run = TextRun(
      text: string, origin: .zero, style: style, wrapWidth: wrapWidth, size: Size(width: 0, height: 0))
    if let layout = try? layouts.entry(for: run).layout {
      let size = layout.size
      metrics = TextMetrics(
        width: size.width, height: size.height, ascent: layout.baseline,
        lineCount: layout.lineCount)
    } else {
      metrics = FixedMetricsMeasurer().measure(string, style: style, wrapWidth: wrapWidth)
    }
    cache[key] = metrics
    return metrics
  }

  /// A laid-out paragraph for checks (unknown glyphs, resolved families).
  func layout(_ string: String, style: TextStyle, wrapWidth: Double?) throws(CairoError)
    -> TextLayout
  {
    try TextLayout(
      text: string, family: style.family, size: style.size, bold: style.bold,
      language: style.language, wrapWidth: wrapWidth, alignment: .left, in: text)
  }
}
