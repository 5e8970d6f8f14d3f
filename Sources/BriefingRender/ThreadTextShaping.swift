import BriefingScene
import CairoKit

// MARK: - Shaped text kept for the thread's life

/// The measuring text context of one thread, its shaped layouts and its measurements, kept from
/// one `PangoTextMeasurer` to the next: a job draws thousands of sheets and chart sets on the
/// same thread, one measurer each, and their indicator names, headings, region names and many
/// figures repeat from unit to unit. Shaping is deterministic, so a layout shaped for an earlier
/// unit draws the same glyphs at the same places (PDFs stay byte-identical).
///
/// Never shared between threads (each thread has its own, made on first use and released when
/// the thread ends), and made again when the thread's default Pango font map changed
/// (`FontConfiguration.withDefaultFontMap`), so text is never shaped with another map's fonts.
final class ThreadTextShaping {
  // MARK: Properties

  /// Vector mode, resolution 72, on a private 1 × 1 image surface.
  let text: TextContext
  /// Layouts shaped while measuring, drawn as they are by `PDFRenderer`.
  let layouts: TextLayoutCache
  /// Measurements kept before the table is emptied and starts again. Default: 8,192.
  let capacity: Int
  private var metrics: [MetricsKey: TextMetrics] = [:]

  private struct MetricsKey: Hashable {
    var text: String
    var style: TextStyle
    var wrapWidth: Double?
  }

  // MARK: Initialization

  private init(capacity: Int = 8_192) throws(CairoError) {
    let surface = try Surface.image(width: 1, height: 1, opaque: true)
    text = try TextContext(context: Context(surface: surface), mode: .vector)
    layouts = TextLayoutCache(text: text)
    self.capacity = capacity
  }

  // MARK: Measurements

  /// The measurement kept for (text, style, wrap width), if any.
  func metrics(_ string: String, style: TextStyle, wrapWidth: Double?) -> TextMetrics? {
    metrics[MetricsKey(text: string, style: style, wrapWidth: wrapWidth)]
  }

  /// Keeps a measurement (the table is emptied first when it holds `capacity`).
  func keep(_ value: TextMetrics, for string: String, style: TextStyle, wrapWidth: Double?) {
    if metrics.count >= capacity { metrics.removeAll(keepingCapacity: true) }
    metrics[MetricsKey(text: string, style: style, wrapWidth: wrapWidth)] = value
  }

  // MARK: The calling thread's

  /// The calling thread's shaping, made (or made again, after a font map change) when needed.
  static func current() throws(CairoError) -> ThreadTextShaping {
    if let kept = slot.value, kept.text.usesThreadDefaultFontMap { return kept }
    let made = try ThreadTextShaping()
    slot.value = made
    return made
  }

  /// Each thread's shaping, released when the thread ends.
  private static let slot = ThreadSlot<ThreadTextShaping>()
}
