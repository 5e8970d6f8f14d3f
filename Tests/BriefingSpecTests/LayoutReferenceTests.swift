import BriefingSpec
import Foundation
import Testing

/// `Layouts/README.md` documents every kind and every key of it: a kind or key added to a spec
/// without its line in the reference fails here.
@Suite struct LayoutReferenceTests {
  static var reference: String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Layouts/README.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// The row of the components table for `kind`: `| \`kind\` | keys | what it draws |`.
  static func row(_ kind: ComponentKind) -> String? {
    reference.split(separator: "\n").first { $0.hasPrefix("| `\(kind.rawValue)` |") }.map(String.init)
  }

  @Test(arguments: ComponentKind.allCases)
  func everyKeyOfTheKindIsDocumented(_ kind: ComponentKind) throws {
    let row = try #require(Self.row(kind), "no row for \(kind.rawValue) in Layouts/README.md")
    for key in kind.keyNames {
      #expect(row.contains("`\(key)`"), "\(kind.rawValue).\(key) is not in its row")
    }
    if kind.keyNames.isEmpty { #expect(row.contains("| — |"), "\(row)") }
  }

  /// A table kind's row names exactly the column words its spec accepts: each of them, and no
  /// other metric.
  @Test(arguments: [
    (ComponentKind.kpiTable, KPITableSpec.Column.allCases.map(\.rawValue)),
    (ComponentKind.rankingTable, RankingTableSpec.Column.allCases.map(\.rawValue)),
  ])
  func tableColumnsAreDocumentedExactly(_ kind: ComponentKind, _ accepted: [String]) throws {
    let row = try #require(Self.row(kind), "no row for \(kind.rawValue) in Layouts/README.md")
    let words = Set(row.split { !$0.isLetter && !$0.isNumber }.map(String.init))
    let named = Metric.allCases.map(\.rawValue).filter(words.contains)
    #expect(Set(named) == Set(accepted), "\(kind.rawValue) row names \(named.sorted()), the spec accepts \(accepted.sorted())")
  }
}
