import BriefingCore
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats

// MARK: - Choosing focus, period and group

/// The resolved answer to "which sheet": focus region, peer group and period.
struct SheetSelection {
  var focus: RegionID?
  var group: PeerGroup
  var period: Period

  /// Resolves user-given names (ids, names or aliases) against the data; errors name what is
  /// unknown and suggest the closest spelling.
  static func resolve(
    dataset: Dataset, focus: String?, period: String?, group: String?, scope: LayoutDocument.Scope
  ) throws(Failure) -> SheetSelection {
    let focusID = try focus.map { text throws(Failure) in try regionID(text, in: dataset) }
    if scope == .region, focusID == nil {
      throw .data([Finding(.error, .focusRequired)])
    }
    let groups = focusID.map { dataset.peerGroups(of: $0) } ?? dataset.peerGroups
    let chosenGroup: PeerGroup
    if let group {
      let id = try regionID(group, in: dataset)
      guard let found = dataset.peerGroups.first(where: { $0.id == id }) else {
        throw .data([Finding(.error, .notAGroup(group))])
      }
      chosenGroup = found
    } else if let first = groups.first {
      chosenGroup = first
    } else {
      throw .data([Finding(.error, .noPeerGroup(focus ?? ""))])
    }
    let chosenPeriod: Period
    if let period {
      guard let parsed = Period(code: period) else { throw .data([Finding(.error, .badPeriod(period))]) }
      chosenPeriod = parsed
    } else if let latest = dataset.periods.last(where: { $0.family == .cumulative && !$0.isFullYear })
      ?? dataset.periods.last
    {
      chosenPeriod = latest
    } else {
      throw .data([Finding(.error, .noPeriods)])
    }
    return SheetSelection(focus: focusID, group: chosenGroup, period: chosenPeriod)
  }

  private static func regionID(_ text: String, in dataset: Dataset) throws(Failure) -> RegionID {
    if let region = dataset.regions.first(where: {
      $0.id.rawValue == text || $0.name == text || $0.shortName == text || $0.aliases.contains(text)
    }) {
      return region.id
    }
    let hint = Suggestion.closest(to: text, in: dataset.regions.map(\.id.rawValue))
    throw .data([Finding(.error, .unknownRegion(text), notes: hint.map { ["did you mean '\($0)'?"] } ?? [])])
  }
}

// MARK: - Rendering one layout

/// One file to write: a path relative to the output folder and its bytes.
struct OutputFile {
  var name: String
  var bytes: [UInt8]
}

/// Composes and renders one layout for one selection.
struct SheetJob {
  let document: LayoutDocument
  let dataset: Dataset
  let table: ComparisonTable
  let selection: SheetSelection

  func render(dpi: Double) throws(Failure) -> ([OutputFile], [Finding]) {
    let language = document.language.rawValue
    for family in [Theme.family(for: language)] {
      do { try FontInventory.requireInstalled(family) } catch { throw .internal("\(error)") }
    }
    let (theme, themeFindings) = document.theme.resolved(language: document.language)
    if themeFindings.hasErrors { throw .data(themeFindings) }
    let measurer: PangoTextMeasurer
    do { measurer = try PangoTextMeasurer() } catch { throw .internal("\(error)") }
    let context = SheetContext(
      dataset: dataset, table: table, focus: selection.focus, group: selection.group,
      period: selection.period, language: document.language)
    let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
    let (pages, findings) = composer.compose(context)
    let title = context.expand(document.title)
    let scene = Scene(
      info: DocumentInfo(
        title: title, author: document.footer.organisation, subject: context.group.label,
        keywords: context.indicators(document.indicators).map(\.name).joined(separator: ", "),
        creator: "Briefing \(BriefingVersion.string)",
        creationDate: SourceDate.creationDate(for: selection.period)),
      pages: pages)
    let stem = fileStem(context)
    var files: [OutputFile] = []
    do {
      files.append(OutputFile(name: stem + ".pdf", bytes: try PDFRenderer.render(scene)))
      if dpi > 0 {
        for (index, page) in pages.enumerated() {
          let suffix = pages.count == 1 ? "" : "-p\(index + 1)"
          files.append(OutputFile(name: stem + suffix + ".png", bytes: try PNGRenderer.render(page, dpi: dpi)))
        }
      }
    } catch {
      throw .internal("\(error)")
    }
    return (files, findings)
  }

  /// `<layout>-<focus or group>-<period>` with path separators removed.
  private func fileStem(_ context: SheetContext) -> String {
    let who = selection.focus?.rawValue ?? selection.group.id.rawValue
    let raw = "\(document.name)-\(who)-\(selection.period.code)"
    return String(raw.map { $0 == "/" || $0 == "\\" || $0.isNewline ? "_" : $0 })
  }
}

// MARK: - Messages

extension Finding.Message {
  static let focusRequired = Self(code: "focus-required", text: "this layout needs --focus REGION")
  static func unknownRegion(_ text: String) -> Self {
    Self(code: "unknown-region", text: "no region '\(text)' in the data")
  }
  static func notAGroup(_ text: String) -> Self {
    Self(code: "not-a-group", text: "'\(text)' is not a peer group (no region has it as parent or frame)")
  }
  static func noPeerGroup(_ text: String) -> Self {
    Self(code: "no-peer-group", text: "region '\(text)' belongs to no peer group")
  }
  static func badPeriod(_ text: String) -> Self {
    Self(code: "bad-period", text: "'\(text)' is not a period (try 2024-H1, 2024-M09, 2024年上半年)")
  }
  static let noPeriods = Self(code: "no-periods", text: "the data has no periods")
}
