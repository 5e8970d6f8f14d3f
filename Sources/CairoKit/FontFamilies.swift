import CCairo

// MARK: - Installed families

/// Every font family fontconfig offers to Pango on this thread's default font map, sorted.
public func installedFontFamilies() -> [String] {
  guard let fontMap = pango_cairo_font_map_get_default() else { return [] }
  var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
  var count: Int32 = 0
  pango_font_map_list_families(fontMap, &families, &count)
  defer { g_free(families) }
  guard let families else { return [] }
  return (0..<Int(count)).compactMap { index in
    families[index].flatMap { pango_font_family_get_name($0) }.map { String(cString: $0) }
  }.sorted()
}
