import BriefingCore
import Yams

// MARK: - Loading layouts

/// Turns layout YAML into a fully defaulted `LayoutDocument` plus findings. Pure: the caller
/// reads the file. `document` is nil when any error was found.
public enum LayoutLoader {
  public struct Result: Sendable {
    public var document: LayoutDocument?
    public var findings: [Finding]
  }

  /// Parses `yaml` read from `file` (used in locations and as the default `name`).
  public static func load(yaml: String, file: String) -> Result {
    var reader = NodeReader(file: file)
    let root: Node
    switch NodeReader.compose(yaml: yaml, file: file) {
    case .syntaxError(let finding):
      return Result(document: nil, findings: [finding])
    case .empty:
      reader.error(.emptyLayout, at: nil)
      return Result(document: nil, findings: reader.findings)
    case .node(let parsed):
      root = parsed
    }
    let document = readDocument(root, defaultName: baseName(file), reader: &reader)
    let findings = reader.findings
    return Result(document: findings.hasErrors ? nil : document, findings: findings)
  }

  // MARK: - Document

  private static let topKeys = [
    "version", "name", "scope", "title", "page", "language", "theme", "indicators", "footer",
    "sections",
  ]

  private static func readDocument(_ root: Node, defaultName: String, reader: inout NodeReader)
    -> LayoutDocument
  {
    let top = reader.mapping(root, path: "the layout", allowed: topKeys)
    let version = reader.int(top["version"], path: "version", range: 1...99) ?? 1
    if version > LayoutDocument.supportedVersion {
      reader.error(.unsupportedVersion(version), at: top["version"])
    }
    let language =
      reader.choice(top["language"], path: "language", as: LayoutDocument.Language.self) ?? .zhCN
    let sectionNodes = reader.list(top["sections"], path: "sections") ?? []
    if sectionNodes.isEmpty { reader.error(.noSections, at: top["sections"] ?? root) }
    let scope =
      reader.choice(top["scope"], path: "scope", as: LayoutDocument.Scope.self) ?? .region
    let title = reader.string(top["title"], path: "title") ?? defaultTitle(language, scope: scope)
    TitleTemplate.check(title, node: top["title"], scope: scope, reader: &reader)
    let indicators =
      readIndicators(top["indicators"], path: "indicators", reader: &reader) ?? .main
    return LayoutDocument(
      version: version,
      name: reader.string(top["name"], path: "name") ?? defaultName,
      scope: scope,
      title: title,
      page: readPage(top["page"], reader: &reader),
      language: language,
      theme: readTheme(top["theme"], reader: &reader),
      indicators: indicators,
      footer: readFooter(top["footer"], reader: &reader),
      sections: sectionNodes.enumerated().map { index, node in
        // Components without their own `indicators` cover the layout's.
        readSection(node, path: "sections[\(index)]", layoutIndicators: indicators, reader: &reader)
      }
    )
  }

  /// The title when the layout gives none. A group document has no focus region, so its
  /// default names the group instead.
  static func defaultTitle(_ language: LayoutDocument.Language, scope: LayoutDocument.Scope)
    -> String
  {
    let subject = scope == .group ? "{group}" : "{region}"
    return switch language {
    case .zhCN: "\(subject){period}主要指标对比"
    case .zhTW: "\(subject){period}主要指標對比"
    case .en: "\(subject) {period}: key indicators"
    }
  }

  // MARK: - Parts

  private static func readPage(_ node: Node?, reader: inout NodeReader) -> PageSpec {
    var page = PageSpec.default
    guard let node else { return page }
    let keys = ["size", "orientation", "margin", "chartWidth", "chartHeight"]
    let map = reader.mapping(node, path: "page", allowed: keys)
    page.size = reader.choice(map["size"], path: "page.size", as: PageSpec.PaperSize.self) ?? page.size
    page.orientation =
      reader.choice(map["orientation"], path: "page.orientation", as: PageSpec.Orientation.self)
      ?? page.orientation
    page.margin = reader.double(map["margin"], path: "page.margin", range: 0...144) ?? page.margin
    page.chartWidth =
      reader.double(map["chartWidth"], path: "page.chartWidth", range: 100...4000) ?? page.chartWidth
    page.chartHeight =
      reader.double(map["chartHeight"], path: "page.chartHeight", range: 100...4000)
      ?? page.chartHeight
    return page
  }

  private static func readTheme(_ node: Node?, reader: inout NodeReader) -> ThemeSpec {
    var theme = ThemeSpec.default
    guard let node else { return theme }
    let map = reader.mapping(node, path: "theme", allowed: ["base", "overrides", "fonts"])
    theme.base = reader.choice(map["base"], path: "theme.base", as: ThemeSpec.Base.self) ?? theme.base
    if let overrides = map["overrides"], let pairs = overrides.mapping {
      for (key, value) in pairs {
        if let name = key.string, let text = reader.string(value, path: "theme.overrides.\(name)") {
          theme.overrides[name] = text
        }
      }
    } else if let overrides = map["overrides"] {
      reader.error(.wrongType(path: "theme.overrides", expected: "a mapping"), at: overrides)
    }
    if let fonts = map["fonts"] {
      theme.fonts = readFonts(fonts, reader: &reader)
    }
    return theme
  }

  private static func readFonts(_ node: Node, reader: inout NodeReader) -> FontSpec {
    let map = reader.mapping(node, path: "theme.fonts", allowed: FontSpec.keys)
    func family(_ key: String) -> String? {
      let path = "theme.fonts.\(key)"
      guard let raw = reader.string(map[key], path: path) else { return nil }
      let name = raw.trimmingCharacters(in: .whitespaces)
      if name.isEmpty || name.contains(",") {
        reader.error(.wrongType(path: path, expected: "one font family name"), at: map[key])
        return nil
      }
      return name
    }
    return FontSpec(latin: family("latin"), hans: family("hans"), hant: family("hant"))
  }

  private static func readFooter(_ node: Node?, reader: inout NodeReader) -> FooterSpec {
    var footer = FooterSpec.default
    guard let node else { return footer }
    let map = reader.mapping(node, path: "footer", allowed: ["organisation", "note"])
    func text(_ key: String) -> String {
      let value = reader.string(map[key], path: "footer.\(key)")
      TitleTemplate.checkNoPlaceholders(
        value, node: map[key], path: "footer.\(key)", reader: &reader)
      return value ?? ""
    }
    footer.organisation = text("organisation")
    footer.note = text("note")
    return footer
  }

  static func readIndicators(_ node: Node?, path: String, reader: inout NodeReader)
    -> IndicatorSelection?
  {
    guard let node, !NodeReader.isNull(node) else { return nil }
    if node.scalar?.string == "main" { return .main }
    guard let items = reader.list(node, path: path) else { return nil }
    var ids: [IndicatorID] = []
    for (index, item) in items.enumerated() {
      if let text = reader.string(item, path: "\(path)[\(index)]") { ids.append(IndicatorID(text)) }
    }
    return .list(ids)
  }

  private static func readSection(
    _ node: Node, path: String, layoutIndicators: IndicatorSelection, reader: inout NodeReader
  ) -> SectionSpec {
    let map = reader.mapping(
      node, path: path, allowed: ["title", "columns", "height", "components"])
    let columns = reader.int(map["columns"], path: "\(path).columns", range: 1...4) ?? 1
    let componentNodes = reader.list(map["components"], path: "\(path).components") ?? []
    if componentNodes.isEmpty { reader.error(.noComponents(path: path), at: map["components"] ?? node) }
    let title = reader.string(map["title"], path: "\(path).title")
    TitleTemplate.checkNoPlaceholders(
      title, node: map["title"], path: "\(path).title", reader: &reader)
    return SectionSpec(
      title: title,
      columns: columns,
      height: reader.double(map["height"], path: "\(path).height", range: 1...2000),
      components: componentNodes.enumerated().map { index, item in
        ComponentReader.read(
          item, path: "\(path).components[\(index)]", sectionColumns: columns,
          layoutIndicators: layoutIndicators, reader: &reader)
      }
    )
  }

  // MARK: - Helpers

  static func baseName(_ file: String) -> String {
    let last = file.split(separator: "/").last.map(String.init) ?? file
    guard let dot = last.lastIndex(of: ".") else { return last }
    return String(last[..<dot])
  }
}

// MARK: - Messages

extension Finding.Message {
  static let emptyLayout = Self(code: "empty-layout", text: "the layout file is empty")
  static let noSections = Self(code: "no-sections", text: "a layout needs at least one section")
  static func noComponents(path: String) -> Self {
    Self(code: "no-components", text: "\(path) has no components")
  }
  static func unsupportedVersion(_ version: Int) -> Self {
    Self(
      code: "unsupported-layout-version",
      text: "layout version \(version) is newer than this tool supports "
        + "(\(LayoutDocument.supportedVersion)); update briefing")
  }
  static func yamlSyntax(_ problem: String) -> Self {
    Self(code: "yaml-syntax", text: "YAML syntax error: \(problem)")
  }
}
