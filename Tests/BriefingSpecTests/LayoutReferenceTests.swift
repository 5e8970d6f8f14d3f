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
}
