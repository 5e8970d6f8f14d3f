import BriefingCore

// MARK: - Overrides from layout files

extension Finding.Message {
  static func unknownThemeKey(_ path: String) -> Self {
    .init(code: "unknown-theme-key", text: "unknown theme key '\(path)'")
  }
  static func badThemeValue(_ path: String, _ value: String) -> Self {
    .init(code: "bad-theme-value", text: "theme key '\(path)' cannot take the value '\(value)'")
  }
}

extension Theme {
  /// Applies one layout-file override such as `axis.text.size: 8`, `highlight.fill: "#000000"`,
  /// `reference.line.dash: "2 2"` or `grid.major.blank: false`. The last path component is the
  /// property (`family`, `size`, `bold`, `color`, `language`, `width`, `dash`, `blank`, `value`; for
  /// fills and lengths the bare key also works). Returns a finding when the key or value is unknown.
  public mutating func set(_ path: String, to value: String) -> Finding? {
    let (key, property) = Self.split(path)
    if let text = TextKey(rawValue: key) {
      return Self.update(&texts, text, property, value, path)
    }
    if let line = LineKey(rawValue: key) {
      return Self.update(&lines, line, property, value, path)
    }
    if let fill = FillKey(rawValue: path) {
      return Self.update(&fills, fill, "color", value, path)
    }
    if let fill = FillKey(rawValue: key) {
      return Self.update(&fills, fill, property, value, path)
    }
    if let length = LengthKey(rawValue: path) {
      return Self.update(&lengths, length, "value", value, path)
    }
    if let length = LengthKey(rawValue: key) {
      return Self.update(&lengths, length, property, value, path)
    }
    return Finding(.warning, .unknownThemeKey(path))
  }

  // MARK: - Private

  private static func split(_ path: String) -> (String, String) {
    guard let dot = path.lastIndex(of: ".") else { return (path, path) }
    return (String(path[..<dot]), String(path[path.index(after: dot)...]))
  }

  private static func update<Key: ThemeKey>(
    _ table: inout [Key: ThemeElement], _ key: Key, _ property: String, _ value: String,
    _ path: String
  ) -> Finding? {
    var element = table[key] ?? ThemeElement()
    let bad = Finding(.warning, .badThemeValue(path, value))
    switch property {
    case "family": element.family = value
    case "language": element.language = value
    case "size":
      guard let number = Double(value), number > 0 else { return bad }
      element.size = .pt(number)
    case "bold", "blank":
      guard let flag = Bool(value) else { return bad }
      if property == "bold" { element.bold = flag } else { element.blank = flag }
    case "color":
      guard let color = Color(hex: value) else { return bad }
      element.color = color
    case "width", "value":
      guard let number = Double(value), number >= 0 else { return bad }
      if property == "width" { element.width = number } else { element.value = number }
    case "dash":
      let parts = value.split(whereSeparator: { $0 == " " || $0 == "," }).map { Double($0) }
      guard parts.allSatisfy({ $0 != nil }) else { return bad }
      element.dash = parts.compactMap { $0 }
    default:
      return Finding(.warning, .unknownThemeKey(path))
    }
    table[key] = element
    return nil
  }
}
