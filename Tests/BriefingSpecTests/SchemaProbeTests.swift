import BriefingSpec
import Testing

/// The layout schema's shape comes from the loader: every component kind is a variant with
/// exactly the keys the loader allows for it, and the kind-specific ranges and word lists.
@Suite struct SchemaProbeTests {
  static let shape = SchemaProbe(load: { LayoutLoader.load(yaml: $0, file: "probe.yaml").findings }).shape()

  static func object(_ shape: SchemaShape) -> SchemaObject? {
    if case .object(let object) = shape { object } else { nil }
  }

  static func key(_ name: String, of object: SchemaObject?) -> SchemaShape? {
    object?.keys.first { $0.name == name }?.shape
  }

  @Test func everyKindIsAVariantWithItsOwnKeys() throws {
    guard case .list(let sectionShape) = try #require(Self.key("sections", of: Self.object(Self.shape))),
      case .list(let componentShape) = try #require(Self.key("components", of: Self.object(sectionShape))),
      case .variants(let key, let variants, let order) = componentShape
    else {
      Issue.record("sections[].components[] is not a list of kind variants")
      return
    }
    #expect(key == "kind")
    #expect(order == ComponentKind.allCases.map(\.rawValue))
    for kind in ComponentKind.allCases {
      let names = variants[kind.rawValue]?.keys.map(\.name)
      #expect(names == ["kind", "title", "span", "height"] + kind.keyNames, "\(kind)")
    }
    let rankedBar = variants["rankedBar"]
    #expect(Self.key("splitAbove", of: rankedBar) == .integer(2...10_000))
    #expect(Self.key("showRanks", of: rankedBar) == .boolean)
    #expect(rankedBar?.required == ["indicator"])
    #expect(Self.key("span", of: rankedBar) == .integer(1...4), "a section has up to 4 columns")
  }

  @Test func pageSizesAndFreeThemeOverrides() throws {
    let page = Self.object(try #require(Self.key("page", of: Self.object(Self.shape))))
    #expect(Self.key("size", of: page) == .choice(["A4", "A3", "Letter", "Legal"]))
    let theme = Self.object(try #require(Self.key("theme", of: Self.object(Self.shape))))
    #expect(Self.key("overrides", of: theme) == .freeMapping)
  }
}
