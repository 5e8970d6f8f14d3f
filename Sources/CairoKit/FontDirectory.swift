import CCairo

// MARK: - Application fonts

/// Adds a folder of fonts to this process's fontconfig configuration (not the system's), so
/// families built by `make` (e.g. `Briefing Sans CJK SC`) resolve without installing them.
/// Call before the first Pango font map is used. Returns false when fontconfig refused the folder.
@discardableResult
public func registerFontDirectory(_ path: String) -> Bool {
  FcConfigAppFontAddDir(nil, path) != 0
}
