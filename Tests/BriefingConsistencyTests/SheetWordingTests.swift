import BriefingCore
import BriefingIngest
import BriefingNarrative
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats
import Foundation
import TestSupport
import Testing

// MARK: - The sheet's own words are in the sheet's script

/// Every shipped layout, switched to Traditional (`language: zh-tw`) or English, composed over
/// every shipped sample it validates against and the gallery (every component kind) over the
/// generated corpus, as `render` composes them (Pango measurer). The words the tool writes —
/// headers, notes, axis titles, legends, captions, the narrative, the page chrome — must be in
/// the sheet's script: on a Traditional sheet no run may change under OpenCC `s2tw`; on an
/// English sheet no run may hold a CJK character. Data prints as written, so the names, units,
/// labels and titles of the data and of the layout are taken out of each run before it is
/// judged; the focus region's name must still print unchanged.
@Suite(.serialized) struct SheetWordingTests {
  @Test(arguments: WordingSheets.samples)
  func traditionalSheetsOfTheSamplesPrintTraditionalWording(_ sample: WordingSheets.Sample) throws {
    let data = try WordingSheets.Data(sample)
    try WordingSheets.check(data, layouts: WordingSheets.layouts(in: .zhTW), case: sample.name)
  }

  @Test(arguments: WordingSheets.samples)
  func englishSheetsOfTheSamplesPrintNoChineseWording(_ sample: WordingSheets.Sample) throws {
    let data = try WordingSheets.Data(sample)
    try WordingSheets.check(data, layouts: WordingSheets.layouts(in: .en), case: sample.name)
  }

  /// The Traditional gallery over every data set; the English one over the English data sets
  /// of up to 9 members (the same words; a 52-member sixty-year gallery takes 5 s to compose).
  @Test(arguments: SheetCorpus.cases)
  func galleryOverTheCorpusPrintsTheSheetsScript(_ corpusCase: SheetCorpus.Case) throws {
    let data = try WordingSheets.Data(corpusCase)
    let gallery = try #require(WordingSheets.shipped.first { $0.name == "gallery" })
    let english = corpusCase.shape.names.script == .english && corpusCase.shape.members <= 9
    let variants = [gallery.in(.zhTW)] + (english ? [gallery.in(.en)] : [])
    let judged = try WordingSheets.check(data, layouts: variants, case: corpusCase.id)
    #expect(judged.count == variants.count, "\(corpusCase): only \(judged) validate")
  }

  /// Each shipped layout validates against some sample, so none is skipped above.
  @Test func everyShippedLayoutIsJudgedOnASample() throws {
    let validating = try WordingSheets.samples.flatMap { sample in
      let data = try WordingSheets.Data(sample)
      return WordingSheets.shipped.filter {
        LayoutLoader.load(yaml: $0.yaml, file: $0.name).document.map(data.validates) ?? false
      }.map(\.name)
    }
    #expect(Set(validating) == Set(WordingSheets.shipped.map(\.name)))
  }

  /// The judge itself can fail: a Simplified header and a Chinese word on an English sheet are
  /// found, a Simplified region name (data) is not.
  @Test func theJudgeFindsToolWordingAndSparesData() throws {
    let judge = try WordingJudge(data: ["肃州区", "亿元"])
    #expect(judge.offence("同比增长（%）", language: .zhTW) == "长")
    #expect(judge.offence("同比增長（%）", language: .zhTW) == nil)
    #expect(judge.offence("肃州区 生產總值（亿元）", language: .zhTW) == nil)
    #expect(judge.offence("Average 平均", language: .en) == "平均")
    #expect(judge.offence("肃州区: GDP (亿元)", language: .en) == nil)
  }
}

// MARK: - Judging a run

/// Decides whether a printed run holds tool wording in the wrong script, after taking out the
/// data strings it may contain (longest first, so a name is removed before its short form).
struct WordingJudge {
  private let data: [String]
  private let converter: ChineseConverter

  init(data: some Sequence<String>) throws {
    self.data = Set(data.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
    converter = try ChineseConverter(.s2tw)
  }

  /// The characters of `text` outside the data that are wrong for `language`: Simplified-only
  /// characters (those `s2tw` changes) on a Traditional sheet, CJK characters and punctuation
  /// on an English one; nil when there are none (and on a Simplified sheet).
  func offence(_ text: String, language: LayoutDocument.Language) -> String? {
    // Digits, Latin and signs are right in every script.
    guard language != .zhCN, text.unicodeScalars.contains(where: Self.isCJK) else { return nil }
    let words = data.reduce(withoutShortenedData(text)) { $0.replacingAll($1, with: " ") }
    switch language {
    case .zhCN: return nil
    case .zhTW:
      guard converter.convert(words) != words else { return nil }
      // A phrase s2tw rewrites as a whole is named whole.
      let wrong = words.filter { converter.convert(String($0)) != String($0) }
      return wrong.isEmpty ? words : wrong
    case .en:
      let wrong = words.filter { $0.unicodeScalars.contains(where: Self.isCJK) }
      return wrong.isEmpty ? nil : wrong
    }
  }

  /// A name shortened to fit (`某某经济技…`) without its shortened part: the longest start of
  /// a data string that ends the run before its `…`.
  private func withoutShortenedData(_ text: String) -> String {
    guard text.hasSuffix("…") else { return text }
    let body = text.dropLast()
    let start = data.lazy.compactMap { name in
      (0...min(name.count, body.count)).dropFirst().reversed().lazy.map { name.prefix($0) }
        .first { body.hasSuffix($0) }
    }.max { $0.count < $1.count }
    return start.map { String(body.dropLast($0.count)) } ?? text
  }

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isIdeographic || (0x3000...0x303F).contains(scalar.value)
      || (0xFF00...0xFFEF).contains(scalar.value)
  }
}

// MARK: - The sheets

enum WordingSheets {
  /// A shipped sample and the sheet the README renders from it.
  struct Sample: Sendable, CustomTestStringConvertible {
    var name: String
    var focus: String
    var period: String
    var testDescription: String { name }
  }

  static let samples = [
    Sample(name: "jiuquan-2024h1", focus: "肃州区", period: "2024-H1"),
    Sample(name: "xuchang-2016q3", focus: "魏都區", period: "2016-M09"),
    Sample(name: "midwest-2024q3", focus: "Ohio", period: "2024-M09"),
  ]

  /// A layout's name and text.
  struct Layout {
    var name: String
    var yaml: String

    /// The same layout with its `language:` line set to `language`.
    func `in`(_ language: LayoutDocument.Language) -> Layout {
      let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("language:") ? "language: \(language.rawValue)" : String(line)
      }
      return Layout(name: "\(name) (\(language.rawValue))", yaml: lines.joined(separator: "\n"))
    }
  }

  static let shipped: [Layout] = SceneCorpus.layouts.map { Layout(name: $0.name, yaml: $0.yaml) }

  static func layouts(in language: LayoutDocument.Language) -> [Layout] {
    shipped.map { $0.in(language) }
  }

  /// A data set compared, with its sheet's focus, group and period.
  struct Data {
    var dataset: Dataset
    var table: ComparisonTable
    var focus: RegionID
    var period: Period

    init(_ sample: Sample) throws {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
      let loaded = DatasetLoader.load(root.appendingPathComponent("Samples/" + sample.name).path)
      dataset = try #require(loaded.dataset, "\(loaded.findings.map(\.description))")
      table = compare(dataset)
      focus = RegionID(sample.focus)
      period = try #require(Period(code: sample.period))
    }

    init(_ corpusCase: SheetCorpus.Case) throws {
      let sheet = try SceneCorpus.Sheet(corpusCase)
      dataset = sheet.dataset
      table = sheet.table
      focus = RegionID(sheet.corpus.memberIDs[0])
      period = sheet.period
    }

    /// What the data says, printed as written: names, short names, aliases and labels of
    /// regions and indicators, units, lead units. A known unit (亿元, 万人, 吨…) is the tool's
    /// own spelling of it, not the data's, so a Traditional sheet must print it in Traditional
    /// (億元) as its narrative does; only labels the tool does not know print as written there.
    func strings(on language: LayoutDocument.Language) -> [String] {
      dataset.regions.flatMap { [$0.name, $0.shortName, $0.label ?? ""] + $0.aliases }
        + dataset.indicators.flatMap {
          [$0.name, $0.shortName, printedAsWritten($0.unit, on: language) ?? "", $0.leadUnit ?? ""] + $0.aliases
        }
        + dataset.peerGroups.map(\.label)
    }

    private func printedAsWritten(_ unit: BriefingCore.Unit?, on language: LayoutDocument.Language) -> String? {
      guard let unit else { return nil }
      if case .other = unit.dimension { return unit.symbol }
      return language == .zhTW ? nil : unit.symbol
    }

    /// Whether `document` validates against the data without errors.
    func validates(_ document: LayoutDocument) -> Bool {
      !LayoutValidator.validate(document, against: dataset, file: document.name).hasErrors
    }

    /// The pages of `document` as `render` composes them: for the focus in its first peer
    /// group; a group layout for that group; a chart set as the focus's charts.
    func pages(_ document: LayoutDocument, measurer: PangoTextMeasurer) throws -> [Page] {
      let group = try #require(dataset.peerGroups(of: focus).first)
      let (theme, _) = document.theme.resolved(language: document.language)
      let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
      let context = SheetContext(
        dataset: dataset, table: table, focus: document.scope == .group ? nil : focus,
        group: group, period: period, language: document.language)
      switch document.scope {
      case .region, .group: return composer.compose(context).0
      case .charts:
        return context.indicators(document.indicators).map {
          composer.composeChart(context, indicator: $0).0
        }
      }
    }
  }

  /// The strings a layout writes itself: its title's words around the placeholders, section
  /// and component titles, the footer, free text.
  static func strings(of document: LayoutDocument) -> [String] {
    let title = document.title.split(whereSeparator: { $0 == "{" || $0 == "}" }).map(String.init)
    let sections = document.sections.flatMap { section in
      [section.title ?? ""]
        + section.components.flatMap { component -> [String] in
          guard case .text(let text) = component.body else { return [component.title ?? ""] }
          return [component.title ?? "", text.text]
        }
    }
    return title + sections + [document.footer.organisation, document.footer.note]
  }

  /// Composes each layout that validates against the data and records every run with tool
  /// wording in the wrong script, and a focus name that does not print as written. Returns the
  /// names of the layouts judged.
  @discardableResult
  static func check(_ data: Data, layouts: [Layout], case caseName: String) throws -> [String] {
    let measurer = try PangoTextMeasurer()
    var judged: [String] = []
    for layout in layouts {
      let document = try #require(LayoutLoader.load(yaml: layout.yaml, file: layout.name).document)
      guard data.validates(document) else { continue }
      judged.append(layout.name)
      let judge = try WordingJudge(data: data.strings(on: document.language) + strings(of: document))
      let texts = try data.pages(document, measurer: measurer).flatMap { $0.items.printedTexts() }
      #expect(!texts.isEmpty, "\(caseName) · \(layout.name): nothing printed")
      for text in texts {
        if let wrong = judge.offence(text.text, language: document.language) {
          Issue.record("\(caseName) · \(layout.name): 「\(text.text)」 has \(wrong)")
        }
      }
      let focusName = data.dataset.region(data.focus)?.name ?? data.focus.rawValue
      if document.scope == .region {
        #expect(
          texts.contains { $0.text.contains(focusName) },
          "\(caseName) · \(layout.name): the focus's name 「\(focusName)」 is not printed as written")
      }
    }
    return judged
  }
}
