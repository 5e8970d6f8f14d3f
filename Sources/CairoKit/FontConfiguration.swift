import CCairo

// MARK: - A private, pinned fontconfig configuration

/// A fontconfig configuration of its own: only the fonts in the given folders and only the
/// rules in the given XML, ignoring `/etc/fonts`, the user's `fonts.conf` and `FONTCONFIG_FILE`.
/// Used where pixels must not depend on the machine's font set-up (golden images): Debian's
/// `conf.d` hinting and sub-pixel choices, `dpkg-reconfigure fontconfig-config` and extra
/// installed fonts all change rendered pixels otherwise.
public final class FontConfiguration {
  // MARK: Properties

  private let config: OpaquePointer
  /// One Pango font map on `config` for the configuration's whole life, so its fonts are loaded
  /// once however often `withDefaultFontMap` runs.
  private let fontMap: OpaquePointer

  // MARK: Initialization

  /// - Parameters:
  ///   - rules: a complete fontconfig XML document (`<fontconfig>…</fontconfig>`), e.g. fixed
  ///     `antialias`, `hintstyle`, `rgba` edits. It should name no `<dir>`: fonts come from
  ///     `directories` only.
  ///   - directories: folders whose fonts (and only those) the configuration offers.
  public init(rules: String, directories: [String]) throws(CairoError) {
    guard let raw = FcConfigCreate() else {
      throw CairoError(operation: "create font configuration", detail: "out of memory")
    }
    guard FcConfigParseAndLoadFromMemory(raw, rules, 1) != 0 else {
      FcConfigDestroy(raw)
      throw CairoError(operation: "load font rules", detail: "fontconfig rejected the XML")
    }
    for directory in directories where FcConfigAppFontAddDir(raw, directory) == 0 {
      FcConfigDestroy(raw)
      throw CairoError(
        operation: "add font folder", detail: "fontconfig could not read \(directory)")
    }
    guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
      FcConfigDestroy(raw)
      throw CairoError(operation: "create font map", detail: "no FreeType font map in Pango")
    }
    config = raw
    fontMap = OpaquePointer(UnsafeMutableRawPointer(map))
    pango_fc_font_map_set_config(fontMap, config)
  }

  /// Locked: the map may hold the last references to its fonts (see `FontFaceLock`).
  deinit {
    FontFaceLock.run { g_object_unref(UnsafeMutableRawPointer(fontMap)) }
    FcConfigDestroy(config)
  }

  // MARK: Methods

  /// Runs `body` with this configuration's font map as the calling thread's default Pango font
  /// map, so every text context created inside (measuring and drawing) sees only these fonts
  /// and rules; the thread gets a fresh default font map afterwards. `body` must not suspend
  /// (the default font map is per thread), and a font map must not be used by two threads at
  /// once: run such bodies one at a time.
  ///
  /// Switching maps is locked: the thread's previous default map may hold the last references
  /// to its fonts (see `FontFaceLock`).
  public func withDefaultFontMap<Result>(_ body: () throws -> Result) rethrows -> Result {
    FontFaceLock.run { pango_cairo_font_map_set_default(fontMap) }
    defer { FontFaceLock.run { pango_cairo_font_map_set_default(nil) } }
    return try body()
  }
}
