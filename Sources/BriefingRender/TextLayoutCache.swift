import BriefingScene
import CairoKit

// MARK: - Reusing shaped text

/// Pango layouts kept for reuse while one Pango context draws many pages: the same region
/// names, tick labels and titles come back chart after chart (in a chart set, the charts of one
/// group and indicator differ only in the highlighted bar), and shaping is most of the cost of
/// drawing text. Keyed by what shapes a layout — text, family, size, weight, language, wrap width
/// and alignment — not by colour or position. Owned by one renderer (or measurer) on one thread.
final class TextLayoutCache {
  // MARK: Properties

  let text: TextContext
  /// Entries kept before the cache is emptied and starts again. Default: 4,096.
  let capacity: Int
  private var entries: [Key: Entry] = [:]

  private struct Key: Hashable {
    var text: String
    var family: String
    var size: Double
    var bold: Bool
    var language: String
    var wrapWidth: Double?
    var alignment: TextAlignment
  }

  /// A shaped layout and its count of characters no installed font can draw.
  struct Entry {
    let layout: TextLayout
    let unknownGlyphs: Int
  }

  // MARK: Initialization

  init(text: TextContext, capacity: Int = 4_096) {
    self.text = text
    self.capacity = capacity
  }

  // MARK: Methods

  /// The layout for a run, shaped once.
  func entry(for run: TextRun) throws(CairoError) -> Entry {
    let style = run.style
    // Alignment moves lines only within a wrap width or between lines of different widths.
    let aligns = run.wrapWidth != nil || run.text.contains(where: \.isNewline)
    let key = Key(
      text: run.text, family: style.family, size: style.size, bold: style.bold,
      language: style.language, wrapWidth: run.wrapWidth, alignment: aligns ? run.alignment : .left)
    if let hit = entries[key] { return hit }
    let layout = try TextLayout(
      text: run.text, family: style.family, size: style.size, bold: style.bold,
      language: style.language, wrapWidth: run.wrapWidth, alignment: key.alignment.cairo, in: text)
    let entry = Entry(layout: layout, unknownGlyphs: layout.unknownGlyphCount)
    if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = entry
    return entry
  }
}
