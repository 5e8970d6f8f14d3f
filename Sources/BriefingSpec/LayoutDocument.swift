import BriefingCore

// MARK: - Layout document

/// A sheet layout as written in `Layouts/*.yaml`, fully defaulted after loading.
/// Absent keys take the defaults documented on each property; unknown keys are errors.
public struct LayoutDocument: Hashable, Sendable {
  /// Layout format version. Default: 1. A newer version than supported is an error.
  public var version: Int
  /// Short name, e.g. `half-year-comparison`. Default: the file name without extension.
  public var name: String
  /// What the layout produces for each run.
  public var scope: Scope
  /// Title template (`TitleTemplate`): `{region}`, `{period}` (full period title), `{year}`,
  /// `{group}`, and in charts layouts `{indicator}`; any other placeholder is an error.
  /// Default: `{region}{period}主要指标对比` (zh) or `{region} {period}: key indicators` (en);
  /// `{group}` instead of `{region}` in group layouts.
  public var title: String
  public var page: PageSpec
  /// `zh-cn` (Simplified), `zh-tw` (Traditional) or `en`. Default: `zh-cn`.
  public var language: Language
  public var theme: ThemeSpec
  /// Indicators the page covers: components with an `indicators` key that do not name their
  /// own get this list when the layout is loaded. Default: `main`.
  public var indicators: IndicatorSelection
  public var footer: FooterSpec
  public var sections: [SectionSpec]

  public static let supportedVersion = 1

  /// One document per focus region, one document for the group, or one chart file per region ×
  /// indicator.
  public enum Scope: String, Sendable, Codable, CaseIterable {
    /// One sheet for the focus region (`--focus`, or every member with `--every-region`).
    case region
    /// One document covering the whole peer group (ranking bulletin).
    case group
    /// One PNG (and optional SVG) per region × indicator.
    case charts
  }

  public enum Language: String, Sendable, Codable, CaseIterable {
    case zhCN = "zh-cn"
    case zhTW = "zh-tw"
    case en
  }
}

// MARK: - Page

/// Page geometry in PDF points.
public struct PageSpec: Hashable, Sendable {
  /// ISO A4 (210 × 297 mm, 595.28 × 841.89 pt), ISO A3 (297 × 420 mm, 841.89 × 1190.55 pt),
  /// US Letter (8.5 × 11 in, 612 × 792 pt) or US Legal (8.5 × 14 in, 612 × 1008 pt), portrait.
  public enum PaperSize: String, Sendable, Codable, CaseIterable {
    case A4, A3
    case letter = "Letter"
    case legal = "Legal"
  }
  public enum Orientation: String, Sendable, Codable, CaseIterable { case portrait, landscape }
  /// Default: A4.
  public var size: PaperSize
  /// Default: portrait.
  public var orientation: Orientation
  /// Margin on every side, pt. Default: 36. Range: 0...144.
  public var margin: Double
  /// Chart PNG size for `scope: charts`, in pixels at 96 dpi. Default: 800 × 500.
  public var chartWidth: Double
  public var chartHeight: Double

  public static let `default` = PageSpec(
    size: .A4, orientation: .portrait, margin: 36, chartWidth: 800, chartHeight: 500)
}

// MARK: - Theme and footer

/// Theme selection plus dot-path overrides (`text.size: 8`, `focus.fill: "#C00000"`).
public struct ThemeSpec: Hashable, Sendable {
  public enum Base: String, Sendable, Codable, CaseIterable { case briefing, grayscale, colorblind }
  /// Default: briefing.
  public var base: Base
  /// Keys are theme element paths; values are kept as text and checked by the theme resolver.
  public var overrides: [String: String]
  /// Font families per script. Default: none set (the theme's CJK family draws everything).
  public var fonts: FontSpec = .default
  public static let `default` = ThemeSpec(base: .briefing, overrides: [:])
}

/// Font families per script (`theme.fonts`). Text is drawn with a Pango family list, Latin family
/// first, so Latin letters and digits come from the Latin face and Chinese from the CJK face.
/// Every named family is checked before rendering: one that is not installed, or that cannot draw
/// its script, is an error (no silent fallback).
public struct FontSpec: Hashable, Sendable {
  /// Latin letters and digits, e.g. `DejaVu Sans`. Default: none (the CJK face draws Latin too).
  public var latin: String?
  /// Simplified Chinese, used by `zh-cn` and `en` layouts. Default: `Briefing Sans CJK SC`
  /// (built by `make fonts`), else `Noto Sans CJK SC`.
  public var hans: String?
  /// Traditional Chinese, used by `zh-tw` layouts. Default: `Briefing Sans CJK TC`, else
  /// `Noto Sans CJK TC`.
  public var hant: String?

  public init(latin: String? = nil, hans: String? = nil, hant: String? = nil) {
    self.latin = latin
    self.hans = hans
    self.hant = hant
  }

  public static let `default` = FontSpec()
  public static let keys = ["latin", "hans", "hant"]

  /// The configured family for a key of `keys`, or nil.
  public subscript(key: String) -> String? {
    switch key {
    case "latin": latin
    case "hans": hans
    case "hant": hant
    default: nil
    }
  }
}

/// Footer text, printed as written (no placeholders: 「第 x 页 共 y 页」 is always added).
public struct FooterSpec: Hashable, Sendable {
  /// Default: empty.
  public var organisation: String
  /// Default: the data note from the dataset (e.g. 示例数据，非官方统计) or empty.
  public var note: String
  public static let `default` = FooterSpec(organisation: "", note: "")
}

// MARK: - Sections

/// A titled band of the page with components in a grid.
public struct SectionSpec: Hashable, Sendable {
  /// Default: no title.
  public var title: String?
  /// Grid columns. Default: 1. Range: 1...4.
  public var columns: Int
  /// Height in points; nil shares the remaining height with other unsized sections.
  public var height: Double?
  public var components: [ComponentSpec]
}
