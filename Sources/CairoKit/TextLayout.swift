import CCairo

// MARK: - Pango text context

/// How text is shaped: `vector` for PDF/SVG (no hint metrics, no glyph-position rounding, so
/// spacing is even), `raster` for PNG (grey antialias). Both use resolution 72 so a 9 pt font is
/// 9 user units, i.e. 9 real points on paper.
public enum TextMode: Sendable {
  case vector, raster
}

/// An owned PangoContext bound to a cairo context (created on the calling thread; never shared).
public final class TextContext {
  // MARK: Properties
  let pointer: OpaquePointer
  public let context: Context

  // MARK: Initialization

  public init(context: Context, mode: TextMode) throws(CairoError) {
    guard let raw = pango_cairo_create_context(context.pointer) else {
      throw CairoError(operation: "create Pango context", detail: "no context")
    }
    pointer = raw
    self.context = context
    pango_cairo_context_set_resolution(raw, 72)
    // The font map's own resolution (default 96) goes into the fontconfig pattern of every font
    // Pango loads, and Pango measures each font's metrics on a fresh context of the map. At 96
    // those patterns differ from this context's (72), so each text style cost two fontconfig
    // sorts instead of one. Sizes are absolute, so the map's resolution changes no glyph.
    // A new resolution empties the map's font caches (locked: see `FontFaceLock`).
    if let fontMap = pango_context_get_font_map(raw) {
      let map = OpaquePointer(UnsafeMutableRawPointer(fontMap))
      FontFaceLock.run { pango_cairo_font_map_set_resolution(map, 72) }
    }
    guard let options = cairo_font_options_create() else {
      throw CairoError(operation: "create font options", detail: "out of memory")
    }
    defer { cairo_font_options_destroy(options) }
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    switch mode {
    case .vector:
      // Grey antialias is what PDF and SVG surfaces report anyway (it does not change vector
      // output); setting it here makes a measuring context on an image surface ask fontconfig
      // for the same fonts as the PDF it measures for, so both share one cached font set.
      cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
      cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    case .raster:
      cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    }
    pango_cairo_context_set_font_options(raw, options)
    pango_context_set_round_glyph_positions(raw, 0)
  }

  /// Locked: the context may hold the last reference to its fonts (see `FontFaceLock`).
  deinit { FontFaceLock.run { g_object_unref(UnsafeMutableRawPointer(pointer)) } }

  /// Call after the cairo transformation changed (e.g. a DPI scale). Pango then lays out every
  /// layout of this context again on its next use, even when nothing changed: call it once per
  /// transformation, not per page.
  public func update() { pango_cairo_update_context(context.pointer, pointer) }

  /// Pango's change counter of this context: it moves whenever the context changes (`update`
  /// included), and each layout made on it is laid out again on its next use.
  public var serial: UInt32 { pango_context_get_serial(pointer) }

  /// True while the calling thread's default Pango font map is the one this context was made
  /// with: `FontConfiguration.withDefaultFontMap` swaps it, and text shaped with another map's
  /// fonts must not be reused under the new one.
  public var usesThreadDefaultFontMap: Bool {
    guard let current = pango_cairo_font_map_get_default() else { return false }
    return UnsafeMutableRawPointer(pango_context_get_font_map(pointer))
      == UnsafeMutableRawPointer(current)
  }
}

// MARK: - Layout

/// Paragraph alignment inside the wrap width.
public enum TextAlign: Sendable {
  case left, center, right

  var pango: PangoAlignment {
    switch self {
    case .left: PANGO_ALIGN_LEFT
    case .center: PANGO_ALIGN_CENTER
    case .right: PANGO_ALIGN_RIGHT
    }
  }
}

/// An owned PangoLayout: one paragraph of text with font, width and language.
public final class TextLayout {
  // MARK: Properties
  let pointer: OpaquePointer
  public let textContext: TextContext

  // MARK: Initialization

  /// - Parameters:
  ///   - family: fontconfig family, e.g. `Noto Sans CJK SC`.
  ///   - size: points.
  ///   - wrapWidth: points; nil for a single unwrapped line.
  ///   - language: BCP-47 tag (`zh-cn`, `zh-tw`, `en`) selecting glyph forms and line breaking.
  public init(
    text: String, family: String, size: Double, bold: Bool, language: String,
    wrapWidth: Double?, alignment: TextAlign, in textContext: TextContext
  ) throws(CairoError) {
    guard let raw = pango_layout_new(textContext.pointer) else {
      throw CairoError(operation: "create Pango layout", detail: "no layout")
    }
    pointer = raw
    self.textContext = textContext
    let description = pango_font_description_new()
    defer { pango_font_description_free(description) }
    pango_font_description_set_family(description, family)
    pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
    pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_layout_set_font_description(raw, description)
    let attributes = pango_attr_list_new()
    defer { pango_attr_list_unref(attributes) }
    // The list takes ownership of each inserted attribute.
    pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language)))
    pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
    pango_layout_set_attributes(raw, attributes)
    if let wrapWidth {
      pango_layout_set_width(raw, Int32((wrapWidth * Double(PANGO_SCALE)).rounded(.down)))
      pango_layout_set_wrap(raw, PANGO_WRAP_WORD_CHAR)
    }
    pango_layout_set_alignment(raw, alignment.pango)
    pango_layout_set_text(raw, text, -1)
  }

  /// Locked: the layout may hold the last reference to its fonts (see `FontFaceLock`).
  deinit { FontFaceLock.run { g_object_unref(UnsafeMutableRawPointer(pointer)) } }

  // MARK: Accessors

  // Pango shapes the text on the first question about it, loading glyphs from FreeType faces:
  // every accessor runs under `FontFaceLock`.

  /// Logical size in user units (points at resolution 72).
  public var size: (width: Double, height: Double) {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    FontFaceLock.run { pango_layout_get_extents(pointer, &ink, &logical) }
    let scale = Double(PANGO_SCALE)
    return (Double(logical.width) / scale, Double(logical.height) / scale)
  }

  /// Distance from the top of the layout to the first baseline, in user units.
  public var baseline: Double {
    Double(FontFaceLock.run { pango_layout_get_baseline(pointer) }) / Double(PANGO_SCALE)
  }

  public var lineCount: Int { Int(FontFaceLock.run { pango_layout_get_line_count(pointer) }) }

  /// Characters no installed font could draw (tofu boxes).
  public var unknownGlyphCount: Int {
    Int(FontFaceLock.run { pango_layout_get_unknown_glyphs_count(pointer) })
  }

  /// Family names of the fonts Pango actually used for each run, in order of appearance.
  public var resolvedFamilies: [String] { FontFaceLock.run { runFamilies } }

  /// `resolvedFamilies`, read without the lock.
  private var runFamilies: [String] {
    var families: [String] = []
    guard let iterator = pango_layout_get_iter(pointer) else { return families }
    defer { pango_layout_iter_free(iterator) }
    repeat {
      if let run = pango_layout_iter_get_run_readonly(iterator), let item = run.pointee.item,
        let font = item.pointee.analysis.font
      {
        let description = pango_font_describe(font)
        defer { pango_font_description_free(description) }
        if let name = pango_font_description_get_family(description) {
          let family = String(cString: name)
          if !families.contains(family) { families.append(family) }
        }
      }
    } while pango_layout_iter_next_run(iterator) != 0
    return families
  }

  // MARK: Drawing

  /// Draws the layout with its top-left at (x, y) in the context's current colour.
  public func draw(atX x: Double, y: Double) {
    draw(on: textContext.context, atX: x, y: y)
  }

  /// Draws the layout on another cairo context whose user space matches this layout's (same
  /// transformation and font options), e.g. a PDF page drawn with layouts shaped for measuring.
  public func draw(on target: Context, atX x: Double, y: Double) {
    FontFaceLock.run {
      cairo_move_to(target.pointer, x, y)
      pango_cairo_show_layout(target.pointer, pointer)
    }
  }
}
