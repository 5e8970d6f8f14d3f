// MARK: - Palettes

/// The few colours a theme is built from. Red (`focus`, `alarm`) is reserved for the focus region
/// and alarms; everything else is ink, grey rules and one quiet peer colour.
public struct Palette: Hashable, Sendable {
  /// Body text. Default: #222222.
  public var ink: Color
  /// Secondary text (sub-lines, footers, axis titles). Default: #666666.
  public var muted: Color
  /// Stronger rules and axis lines. Default: #BBBBBB.
  public var ruleStrong: Color
  /// Light rules between table rows. Default: #DDDDDD.
  public var ruleLight: Color
  /// Peer bars. Default: #A6BDD7.
  public var peers: Color
  /// The focus region. Default: #D62728.
  public var focus: Color
  /// Alarms (behind time progress, bottom two). Default: #D62728.
  public var alarm: Color
  /// Good news (first place). Default: #2E7D32.
  public var good: Color
  /// Reference lines (average, target). Default: #555555.
  public var reference: Color
  /// Page background and tracks. Default: #FFFFFF.
  public var paper: Color
  /// Progress tracks. Default: #EEEEEE.
  public var track: Color

  public init(
    ink: Color, muted: Color, ruleStrong: Color, ruleLight: Color, peers: Color, focus: Color,
    alarm: Color, good: Color, reference: Color, paper: Color, track: Color
  ) {
    self.ink = ink
    self.muted = muted
    self.ruleStrong = ruleStrong
    self.ruleLight = ruleLight
    self.peers = peers
    self.focus = focus
    self.alarm = alarm
    self.good = good
    self.reference = reference
    self.paper = paper
    self.track = track
  }

  /// The house palette of the statistics bulletin.
  public static let briefing = Palette(
    ink: rgb(0x222222), muted: rgb(0x666666), ruleStrong: rgb(0xBBBBBB),
    ruleLight: rgb(0xDDDDDD), peers: rgb(0xA6BDD7), focus: rgb(0xD62728), alarm: rgb(0xD62728),
    good: rgb(0x2E7D32), reference: rgb(0x555555), paper: rgb(0xFFFFFF), track: rgb(0xEEEEEE))

  /// For black-and-white printers: the focus is black, peers light grey, alarms black.
  public static let grayscale = Palette(
    ink: rgb(0x222222), muted: rgb(0x666666), ruleStrong: rgb(0xBBBBBB),
    ruleLight: rgb(0xDDDDDD), peers: rgb(0xBDBDBD), focus: rgb(0x222222), alarm: rgb(0x000000),
    good: rgb(0x444444), reference: rgb(0x555555), paper: rgb(0xFFFFFF), track: rgb(0xEEEEEE))

  /// Colour-blind safe (Okabe–Ito): vermillion focus and alarms, sky-blue peers, bluish-green good.
  public static let okabeIto = Palette(
    ink: rgb(0x222222), muted: rgb(0x666666), ruleStrong: rgb(0xBBBBBB),
    ruleLight: rgb(0xDDDDDD), peers: rgb(0x56B4E9), focus: rgb(0xD55E00), alarm: rgb(0xD55E00),
    good: rgb(0x009E73), reference: rgb(0x555555), paper: rgb(0xFFFFFF), track: rgb(0xEEEEEE))

  private static func rgb(_ packed: Int) -> Color {
    Color(
      red: Double((packed >> 16) & 0xFF) / 255, green: Double((packed >> 8) & 0xFF) / 255,
      blue: Double(packed & 0xFF) / 255)
  }
}
