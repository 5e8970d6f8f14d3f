import BriefingScene
import CairoKit

// MARK: - Measuring text with Pango

/// Measures text exactly as `PDFRenderer` lays it out (vector mode, resolution 72), so composers
/// place labels with the real metrics. Not thread-safe: create one per thread. Results are
/// cached by (text, style, wrap width), and the shaped layouts are kept so `PDFRenderer` can
/// draw with them instead of shaping the same text again; both caches are the thread's
/// (`ThreadTextShaping`), so the next measurer on this thread (the next sheet of a job) finds
/// the text the previous ones shaped.
public final class PangoTextMeasurer: TextMeasuring {
  // MARK: Properties
  private let shaping: ThreadTextShaping
  private var text: TextContext { shaping.text }
  /// Layouts shaped while measuring (vector mode, resolution 72, identity transformation).
  var layouts: TextLayoutCache { shaping.layouts }

  // MARK: Initialization

  public init() throws(RenderError) {
    do {
      shaping = try ThreadTextShaping.current()
    } catch {
      throw .cairo(error)
    }
  }

  // MARK: Methods

  public func measure(_ string: String, style: TextStyle, wrapWidth: Double?) -> TextMetrics {
    if let hit = shaping.metrics(string, style: style, wrapWidth: wrapWidth) { return hit }
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
    shaping.keep(metrics, for: string, style: style, wrapWidth: wrapWidth)
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
