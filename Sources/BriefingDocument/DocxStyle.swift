import BriefingScene

// MARK: - How the Word document looks

/// Page geometry, fonts, sizes and colours of the Word copy. Two looks: the layout's own theme
/// (`init(theme:page:margin:)`, the default) and the official-document look `gongwen`
/// (GB/T 9704-2012 for A4). Fonts are named, never embedded: Word and WPS substitute a face
/// the reader has (the font table names an alternative for each).
public struct DocxStyle: Hashable, Sendable {
  // MARK: - Properties

  /// `theme` or `gongwen` (recorded in the document's keywords, not drawn).
  public var name: String
  /// Paper size, points (portrait or landscape as the sheet is).
  public var page: Size
  /// Margins, points.
  public var top: Double
  public var bottom: Double
  public var left: Double
  public var right: Double

  public var title: Run
  /// The facts line under the title.
  public var subtitle: Run
  /// Section titles.
  public var heading: Run
  /// Component titles (above tables and text, below figures).
  public var caption: Run
  public var body: Run
  /// Table cells (the header row bold).
  public var table: Run
  public var footer: Run

  /// Exact line pitch of body text, points, kept by a line grid; nil = single spacing.
  /// Gongwen: 28.95 pt (22 lines).
  public var linePitch: Double?
  /// `w:lang w:eastAsia`: `zh-CN`, `zh-TW`, or `en-US` for English sheets.
  public var eastAsianLanguage: String
  /// Rule colour of the three-line tables and the band behind the focus region's row come from
  /// the cells themselves; this is the colour of the light rules between rows.
  public var rowRule: Color

  /// A font by name with the face Word should use when the reader lacks it.
  public struct Font: Hashable, Sendable {
    public var name: String
    /// The substitute named in the font table (`w:altName`), nil when the name is common.
    public var alternative: String?
    public init(_ name: String, alternative: String? = nil) {
      self.name = name
      self.alternative = alternative
    }
  }

  /// A text style: Latin and East-Asian fonts, size in points, weight and colour.
  public struct Run: Hashable, Sendable {
    public var latin: Font
    public var eastAsian: Font
    public var size: Double
    public var bold: Bool
    public var color: Color
  }
}

// MARK: - The layout's theme

extension DocxStyle {
  /// The look of the sheet's theme: its fonts, colours and weights, its paper and margins. Sizes
  /// follow the theme but never fall below what reads well on an editable page (body 10.5 pt
  /// 五号, tables 9 pt, title 16 pt): the PDF shrinks text to fit one page, a Word document
  /// flows onto the next one instead.
  public init(theme: ResolvedTheme, page: Size, margin: Double) {
    func run(_ key: TextKey, least: Double) -> Run {
      let style = theme.text(key)
      let font = Self.readerFont(style.family)
      return Run(
        latin: font, eastAsian: font, size: max(style.size, least), bold: style.bold,
        color: style.color)
    }
    name = "theme"
    self.page = page
    (top, bottom, left, right) = (margin, margin, margin, margin)
    title = run(.pageTitle, least: 16)
    subtitle = run(.pageSubtitle, least: 9)
    heading = run(.sectionTitle, least: 12)
    caption = run(.chartTitle, least: 10.5)
    body = run(.paragraphText, least: 10.5)
    table = run(.tableCellText, least: 9)
    footer = run(.footerText, least: 9)
    linePitch = nil
    eastAsianLanguage = Self.language(theme.text(.text).language)
    rowRule = theme.line(.tableRuleRow)?.color ?? Color(red: 0.8, green: 0.8, blue: 0.8)
  }

  // MARK: - Fonts

  /// The fonts the derived small-PDF faces stand for: a reader has Noto Sans CJK (or, named as
  /// its alternative, Microsoft YaHei), not the build's `Briefing Sans CJK`.
  static func readerFont(_ family: String) -> Font {
    switch family {
    case "Briefing Sans CJK SC": Font("Noto Sans CJK SC", alternative: "Microsoft YaHei")
    case "Briefing Sans CJK TC": Font("Noto Sans CJK TC", alternative: "Microsoft JhengHei")
    case "Noto Sans CJK SC": Font(family, alternative: "Microsoft YaHei")
    case "Noto Sans CJK TC": Font(family, alternative: "Microsoft JhengHei")
    default: Font(family)
    }
  }

  /// `zh-CN`, `zh-TW` or `en-US` from a theme's BCP-47 tag.
  static func language(_ tag: String) -> String {
    let lower = tag.lowercased()
    if lower.hasPrefix("zh-tw") || lower.hasPrefix("zh-hk") { return "zh-TW" }
    if lower.hasPrefix("zh") { return "zh-CN" }
    return "en-US"
  }

  // MARK: - Official documents (公文)

  /// GB/T 9704-2012 on A4: margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号
  /// (22 pt) in 方正小标宋简体 (SimSun where missing); body 3号 (16 pt) 仿宋_GB2312 (FangSong);
  /// section titles 3号 黑体 (SimHei); 22 lines a page (exact line pitch 28.95 pt on a line
  /// grid). The 28 characters a line come from the text width: 156 mm holds 27.6 characters of
  /// 16 pt, and a character grid (`linesAndChars`) that squeezes them to 28 is drawn by
  /// LibreOffice as two grid cells per character (every line half empty), so there is none.
  /// Tables keep 五号 (10.5 pt) 仿宋 at single spacing, smaller when the bulletin's columns
  /// need it. Black text; first and bottom places keep their colours (they are the cells').
  /// A landscape sheet (the bulletin) keeps its orientation with the margins turned with it.
  public static func gongwen(page: Size, language: String) -> DocxStyle {
    let mm = 72 / 25.4
    let song = Font("方正小标宋简体", alternative: "SimSun")
    let fang = Font("仿宋_GB2312", alternative: "FangSong")
    let hei = Font("黑体", alternative: "SimHei")
    let latin = Font("Times New Roman")
    let black = Color(red: 0, green: 0, blue: 0)
    func run(_ font: Font, _ size: Double, bold: Bool = false) -> Run {
      Run(latin: latin, eastAsian: font, size: size, bold: bold, color: black)
    }
    let landscape = page.width > page.height
    let a4 = Size(width: 595.28, height: 841.89)
    let (top, bottom, left, right) = (37 * mm, 35 * mm, 28 * mm, 26 * mm)
    return DocxStyle(
      name: "gongwen", page: landscape ? Size(width: a4.height, height: a4.width) : a4,
      top: landscape ? left : top, bottom: landscape ? right : bottom,
      left: landscape ? bottom : left, right: landscape ? top : right,
      title: run(song, 22), subtitle: run(fang, 16), heading: run(hei, 16), caption: run(hei, 16),
      body: run(fang, 16), table: run(fang, 10.5), footer: run(fang, 14),
      linePitch: 28.95, eastAsianLanguage: Self.language(language),
      rowRule: Color(red: 0.6, green: 0.6, blue: 0.6))
  }

  // MARK: - Accessors

  /// Width between the margins, points.
  public var textWidth: Double { page.width - left - right }
}
