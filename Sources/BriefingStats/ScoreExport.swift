import BriefingCore

// MARK: - Score export

/// Text exports of score sheets (`briefing score`), one row per (sheet, region).
///
/// Columns: `fixedColumns`, then `factor:<id>` per factor, then `input:<id>`, `points:<id>`,
/// `score:<id>` per item (file order). `scenario` is `current` or `projected`; lists
/// (`missing_items`, `vetoed_by`) are joined with `;`. Numbers as in `AnalyzeExport`, except that
/// points, scores, factor subtotals and totals are rounded half away from zero to the scheme's
/// `decimals` (the precision ranks are decided at); missing is an empty CSV field or JSON
/// `null`, never 0.
public enum ScoreExport {
  public static let fixedColumns = [
    "scenario", "period", "group", "region", "total", "rank", "rank_of", "available_total",
    "missing_items", "vetoed", "vetoed_by", "uses_estimates",
  ]

  /// All column names for `scheme`.
  public static func columns(_ scheme: ScoringScheme) -> [String] {
    fixedColumns + scheme.factors.map { "factor:\($0.id)" }
      + scheme.items.flatMap { ["input:\($0.id)", "points:\($0.id)", "score:\($0.id)"] }
  }

  /// RFC 4180 CSV with CRLF line ends, as `AnalyzeExport.csv`: text fields that start like a
  /// formula get a leading `'` unless `neutralizingFormulas` is false. Default: true.
  public static func csv(_ sheets: [ScoreSheet], scheme: ScoringScheme, neutralizingFormulas: Bool = true) -> String {
    var out = columns(scheme).map(AnalyzeExport.quoteCSV).joined(separator: ",") + "\r\n"
    for sheet in sheets {
      for card in sheet.cards {
        out += cells(card, sheet, decimals: scheme.decimals).map { cell in
          guard neutralizingFormulas, case .string(let text?) = cell else { return AnalyzeExport.quoteCSV(cell.text) }
          return AnalyzeExport.quoteCSV(AnalyzeExport.neutralized(text))
        }.joined(separator: ",")
        out += "\r\n"
      }
    }
    return out
  }

  /// JSON: an array of objects, one per row, keys in column order, one row per line.
  public static func json(_ sheets: [ScoreSheet], scheme: ScoringScheme) -> String {
    let names = columns(scheme).map(AnalyzeExport.quoteJSON)
    var lines: [String] = []
    for sheet in sheets {
      for card in sheet.cards {
        let fields = zip(names, cells(card, sheet, decimals: scheme.decimals)).map { "\($0):\($1.json)" }
        lines.append("{" + fields.joined(separator: ",") + "}")
      }
    }
    return "[\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "]\n" : "\n]\n")
  }

  // MARK: - Cells

  static func cells(_ card: RegionScore, _ sheet: ScoreSheet, decimals: Int)
    -> [AnalyzeExport.Cell]
  {
    func score(_ value: Double?) -> AnalyzeExport.Cell {
      .number(value.map { DecimalRounding.rounded($0, decimals: decimals) })
    }
    let vetoedBy = card.vetoes.filter { $0.breached == true }.map(\.indicator.rawValue)
    var cells: [AnalyzeExport.Cell] = [
      .string(sheet.projected ? "projected" : "current"), .string(sheet.period.code),
      .string(sheet.group.rawValue), .string(card.region.rawValue), score(card.total),
      .integer(card.rank), .integer(card.rankOf), score(card.availableTotal),
      .string(card.missingItems.joined(separator: ";")), .bool(card.vetoed),
      .string(vetoedBy.joined(separator: ";")), .bool(card.usesEstimates),
    ]
    cells += card.factors.map { score($0.score) }
    for item in card.items {
      cells += [.number(item.input), score(item.points), score(item.score)]
    }
    return cells
  }
}
