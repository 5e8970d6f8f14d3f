import BriefingCore
import BriefingStats

// MARK: - Progress bullet input

/// The focus region's indicators for a completion-vs-time-progress bullet chart. Each entry is an
/// indicator with the focus region's comparison row (`completionPct`, `timeProgressPct`,
/// `progressGapPp`); entries without a completion are skipped with a notice.
public struct ProgressBulletInput: Hashable, Sendable {
  /// In display order (not re-sorted).
  public var entries: [KPIEntry]
  public var format: NumberFormat
  /// Word of the time-progress label, Chinese written in Simplified (printed in the format's
  /// script); nil picks 「时序进度」 / "Time progress".
  public var timeProgressWord: String?
  /// Time progress, %, when the rows do not carry it; nil = first `timeProgressPct` of the rows.
  public var timeProgressPct: Double?

  public init(
    entries: [KPIEntry], format: NumberFormat = .chinese, timeProgressWord: String? = nil,
    timeProgressPct: Double? = nil
  ) {
    self.entries = entries
    self.format = format
    self.timeProgressWord = timeProgressWord
    self.timeProgressPct = timeProgressPct
  }
}

// MARK: - Prepared data

/// One bullet, display-ready.
public struct ProgressBullet: Hashable, Sendable {
  public var indicator: IndicatorID
  public var name: String
  /// Completion of the annual target, % (may exceed 100).
  public var completionPct: Double
  /// `47.6%`.
  public var label: String
  /// Below the time-progress line: alarm bar and label.
  public var isBehind: Bool
}

/// The stat output of a progress bullet chart.
public struct ProgressBulletData: Hashable, Sendable {
  public var bullets: [ProgressBullet]
  /// nil = no time-progress line.
  public var timeProgressPct: Double?
  /// 「时序进度50%」 / "Time progress 50%".
  public var timeProgressLabel: String
  /// Names of the indicators skipped because they have no completion.
  public var skipped: [String]
  /// How the chart writes (its 「无数据」 / `No data` note too).
  public var format: NumberFormat
}

// MARK: - Findings

extension Finding.Message {
  /// Indicators left out of a chart because they have no target completion.
  public static func noTarget(_ component: String, _ names: [String]) -> Self {
    .init(
      code: "no-target",
      text: "\(component): no target completion for \(names.joined(separator: ", ")); not shown")
  }
}

// MARK: - Stat

extension ProgressBulletInput {
  /// Keeps the given order; behind = `progressGapPp` < 0 (else completion < time progress).
  func prepared() -> ProgressBulletData {
    let time = timeProgressPct ?? entries.lazy.compactMap { $0.row?.timeProgressPct }.first
    var bullets: [ProgressBullet] = []
    var skipped: [String] = []
    for entry in entries {
      guard let row = entry.row, let completion = row.completionPct, completion.isFinite else {
        skipped.append(entry.indicator.name)
        continue
      }
      // The table's rule: behind when the printed progress gap is below 0.0 (a completion has a
      // gap whenever the period has a time progress).
      let behind = row.isBehindTimeProgress ?? false
      bullets.append(
        ProgressBullet(
          indicator: entry.indicator.id, name: entry.indicator.name, completionPct: completion,
          label: format.percent(completion), isBehind: behind))
    }
    let english = format.style == .english
    let word = format.wording(timeProgressWord ?? (english ? "Time progress" : "时序进度"))
    let label = time.map { word + (english ? " " : "") + Self.compactPercent($0, format) } ?? ""
    return ProgressBulletData(
      bullets: bullets, timeProgressPct: time, timeProgressLabel: label, skipped: skipped,
      format: format)
  }

  /// `50%` when the figure prints whole, else with the format's percent decimals (`58.3%`);
  /// "whole" is judged on the rounded figure (Core `DecimalRounding`), as every figure is printed.
  static func compactPercent(_ value: Double, _ format: NumberFormat) -> String {
    let whole =
      DecimalRounding.rounded(value, decimals: format.percentDecimals)
      == DecimalRounding.rounded(value, decimals: 0)
    return format.number(value, decimals: whole ? 0 : format.percentDecimals) + "%"
  }
}
