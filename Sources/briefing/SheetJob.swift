import ArgumentParser
import BriefingCore
import BriefingJobs
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats

// MARK: - Which layout, for which sheet

/// `--layout`, `--focus`, `--period`, `--group`: the options of every command that composes a
/// layout (`render`, `dump-scene`).
struct SheetOptions: ParsableArguments {
  @Option(help: "The layout file (YAML), or a shipped layout's name.", completion: ShippedFiles.layoutCompletion)
  var layout: String = "Layouts/half-year-comparison.yaml"

  @Option(help: "The focus region id or name (required for region-scope layouts).")
  var focus: String?

  @Option(help: "The period, e.g. 2024-H1 or 2016年前三季度 (default: the group's latest cumulative period, full years included; without any, its latest quarter or month).")
  var period: String?

  @Option(help: "The peer group (default: the focus region's parent group).")
  var group: String?
}

/// A layout and a data set, each loaded and the layout's bindings checked against the data,
/// with the comparison table: what every command that composes a layout starts from.
struct CheckedInputs {
  let document: LayoutDocument
  let dataset: Dataset
  let table: ComparisonTable
  /// Warnings and notices so far: layout, data, bindings, comparison.
  let findings: [Finding]

  /// Loads `layout` and the data; a missing input is `.io`, errors in either (or in the
  /// bindings) `.data`.
  static func load(data: DataOptions, layout reference: String) throws(Failure) -> CheckedInputs {
    let layout = try ShippedFiles.layoutPath(reference)
    let (document, layoutFindings) = try loadLayout(layout)
    let (dataset, dataFindings) = try data.load()
    let validation = LayoutValidator.validate(document, against: dataset, file: layout)
    if validation.hasErrors { throw .data(validation) }
    let table = compare(dataset, options: data.compareOptions)
    return CheckedInputs(
      document: document, dataset: dataset, table: table,
      findings: layoutFindings + dataFindings + validation + table.findings)
  }

  /// The job for the sheet `options` choose (`SheetSelection.resolve`'s rules), as a layout of
  /// `scope` (default: the layout's own).
  func job(_ options: SheetOptions, scope: LayoutDocument.Scope? = nil) throws(Failure) -> SheetJob {
    let selection = try SheetSelection.resolve(
      dataset: dataset, focus: options.focus, period: options.period, group: options.group,
      scope: scope ?? document.scope)
    return SheetJob(document: document, dataset: dataset, table: table, selection: selection)
  }
}

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
    // An explicit period is parsed here (Chinese labels too); which one counts is Core's rule.
    let requested = try period.map { text throws(Failure) in
      guard let parsed = Period(code: text) else { throw .data([Finding(.error, .badPeriod(text))]) }
      return parsed
    }
    let available = dataset.periods(observedFor: Set(chosenGroup.members))
    let chosenPeriod: Period
    switch PeriodResolver.resolve(requested, among: available) {
    case .success(let resolved): chosenPeriod = resolved
    case .failure(let problem): throw .data([problem.finding()])
    }
    return SheetSelection(focus: focusID, group: chosenGroup, period: chosenPeriod)
  }

  /// The id of a region given by id, name, short name or alias.
  static func regionID(_ text: String, in dataset: Dataset) throws(Failure) -> RegionID {
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
struct OutputFile: Sendable {
  var name: String
  var bytes: [UInt8]
}

/// Composes and renders one layout for one selection.
struct SheetJob {
  let document: LayoutDocument
  let dataset: Dataset
  let table: ComparisonTable
  var selection: SheetSelection
  /// PNG background: white (default), or nil for a transparent one (`render --transparent`).
  var pngBackground: Color? = .white

  /// The sheet as `formats` (default: the PDF and, when `dpi` > 0, a PNG per page), the Word
  /// copy in `docxStyle`; a charts layout gives its PNG charts.
  func render(dpi: Double, formats: [SheetFormat] = [.pdf, .png], docxStyle: DocxStyleChoice = .theme)
    throws(Failure) -> ([OutputFile], [Finding])
  {
    switch document.scope {
    case .region, .group:
      let (theme, measurer) = try tools()
      let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
      let context = context()
      let (pages, composed) = composer.compose(context)
      // Checked before drawing.
      let findings = composed + composer.check(pages, reported: composed, context: context)
      var (files, _) = try renderPages(
        pages, context: context, dpi: formats.contains(.png) ? dpi : 0, pdf: formats.contains(.pdf),
        measurer: measurer)
      files += try editableCopies(
        scene(pages, context: context), formats: formats, stem: fileStem(), style: docxStyle, theme: theme)
      return (files, findings)
    case .charts:
      let set = try chartSet(
        focuses: selection.focus.map { [$0] } ?? selection.group.members, format: .png, out: nil)
      let (_, files, findings) = try set.render(threads: 1)
      return (files, findings)
    }
  }

  /// Bursting: one sheet per member of the group in each of `formats` (default: PDF; `png` at
  /// `dpi`, the Word copy in `docxStyle`), plus, when `formats` has `pdf`, one combined PDF
  /// whose outline has an entry per region (`<layout>-<group>-<period>-all.pdf`).
  func renderPack(formats: [SheetFormat] = [.pdf], dpi: Double = 0, docxStyle: DocxStyleChoice = .theme)
    throws(Failure) -> ([OutputFile], [Finding])
  {
    try Self.refuseCollision(among: selection.group.members.map(\.rawValue)) { member in
      var single = self
      single.selection.focus = RegionID(member)
      return single.fileStem()
    }
    let (theme, measurer) = try tools()
    let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
    var files: [OutputFile] = []
    var findings: [Finding] = []
    var allPages: [Page] = []
    for member in selection.group.members {
      var single = self
      single.selection.focus = member
      let context = single.context()
      let (pages, sheetFindings) = composer.compose(context)
      findings += sheetFindings + composer.check(pages, reported: sheetFindings, context: context)
      allPages += pages
      files += try single.renderPages(
        pages, context: context, dpi: formats.contains(.png) ? dpi : 0, pdf: formats.contains(.pdf), measurer: measurer
      ).0
      files += try single.editableCopies(
        single.scene(pages, context: context), formats: formats, stem: single.fileStem(), style: docxStyle, theme: theme)
    }
    guard formats.contains(.pdf) else { return (files, findings) }
    var whole = self
    whole.selection.focus = nil
    let name = SafeName.file(
      "\(document.name)-\(selection.group.id.rawValue)-\(selection.period.code)-all", extension: "pdf")
    do {
      let bytes = try PDFRenderer.render(whole.scene(allPages, context: whole.context()), measurer: measurer)
      files.append(OutputFile(name: name, bytes: bytes))
    } catch {
      throw .internal("\(error)")
    }
    return (files, findings)
  }

  /// The composed scene without drawing it (`dump-scene`), and the findings of composition and
  /// of the scene checker.
  ///
  /// Region and group layouts give the sheet's pages with the PDF's metadata. A `scope: charts`
  /// layout gives the focus region's charts, one page per indicator at the chart's own size (as
  /// PNG and SVG draw them), with the metadata and outline entries of the region's chart PDF;
  /// it needs a focus.
  func composeScene(measure: TextMeasure) throws(Failure) -> (Scene, [Finding]) {
    let theme = try theme(measure)
    let measurer: any TextMeasuring
    switch measure {
    case .pango:
      do {
        measurer = try PangoTextMeasurer()
      } catch {
        throw .internal("\(error)")
      }
    case .fixed: measurer = FixedMetricsMeasurer()
    }
    let composer = LayoutComposer(layout: document, theme: theme, measurer: measurer)
    switch document.scope {
    case .region, .group:
      let context = context()
      let (pages, findings) = composer.compose(context)
      return (scene(pages, context: context), findings + composer.check(pages, reported: findings, context: context))
    case .charts:
      guard let focus = selection.focus else { throw .data([Finding(.error, .chartsDumpNeedsFocus)]) }
      let set = try chartSet(focuses: [focus], format: .png, out: nil, measure: measure)
      var pages: [Page] = []
      var findings: [Finding] = []
      for task in set.tasks {
        let context = set.context(for: task)
        let (page, chartFindings) = composer.composeChart(context, indicator: task.indicator)
        pages.append(page)
        findings += chartFindings
          + composer.check([page], reported: chartFindings, context: context, indicator: task.indicator)
      }
      return (set.scene(pages, for: set.tasks.first), findings)
    }
  }

  // MARK: - Pieces

  /// The resolved theme. Measured with Pango, the derived fonts are preferred and the family's
  /// presence is checked; measured with fixed metrics, the theme keeps its own family, so the
  /// scene does not depend on the fonts installed.
  private func theme(_ measure: TextMeasure) throws(Failure) -> ResolvedTheme {
    let family = measure == .pango ? FontSetup.family(forLanguage: document.language.rawValue) : nil
    let (theme, themeFindings) = document.theme.resolved(language: document.language, family: family)
    if themeFindings.hasErrors { throw .data(themeFindings) }
    guard measure == .pango else { return theme }
    do {
      let text = theme.text(.text)
      try FontInventory.requireInstalled(text.family, language: text.language)
    } catch {
      throw .internal("\(error)")
    }
    return theme
  }

  /// The resolved theme (derived fonts preferred, presence checked) and a Pango measurer.
  private func tools() throws(Failure) -> (ResolvedTheme, PangoTextMeasurer) {
    let theme = try theme(.pango)
    do {
      return (theme, try PangoTextMeasurer())
    } catch {
      throw .internal("\(error)")
    }
  }

  /// The period as the sheet names it (`2024年上半年`).
  var periodLabel: String { context().expand("{period}") }

  private func context() -> SheetContext {
    SheetContext(
      dataset: dataset, table: table, focus: selection.focus, group: selection.group,
      period: selection.period, language: document.language)
  }

  private func scene(_ pages: [Page], context: SheetContext) -> Scene {
    Scene(
      info: DocumentInfo(
        title: context.expand(document.title), author: document.footer.organisation,
        subject: context.group.label,
        keywords: context.indicators(document.indicators).map(\.name).joined(separator: ", "),
        creator: "Briefing \(BriefingVersion.string)",
        creationDate: SourceDate.creationDate(for: selection.period)),
      pages: pages)
  }

  /// One PDF (all pages; unless `pdf` is false) plus, when `dpi` > 0, one PNG per page.
  private func renderPages(
    _ pages: [Page], context: SheetContext, dpi: Double, pdf: Bool = true, measurer: PangoTextMeasurer
  ) throws(Failure) -> ([OutputFile], Int) {
    let stem = fileStem()
    var files: [OutputFile] = []
    do {
      if pdf {
        let bytes = try PDFRenderer.render(scene(pages, context: context), measurer: measurer)
        files.append(OutputFile(name: SafeName.file(stem, extension: "pdf"), bytes: bytes))
      }
      if dpi > 0 {
        for (index, page) in pages.enumerated() {
          let suffix = pages.count == 1 ? "" : "-p\(index + 1)"
          let png = try PNGRenderer.render(page, dpi: dpi, background: pngBackground)
          files.append(OutputFile(name: SafeName.file(stem + suffix, extension: "png"), bytes: png))
        }
      }
    } catch {
      throw .internal("\(error)")
    }
    return (files, pages.count)
  }

  /// The charts of a `scope: charts` layout: for each focus region in order, one chart per
  /// indicator, drawn among the selected group when the region belongs to it, else among the
  /// region's own peer group.
  func chartSet(focuses: [RegionID], format: ChartFormat, out: String?, measure: TextMeasure = .pango)
    throws(Failure) -> ChartSet
  {
    let theme = try theme(measure)
    let base = context()
    let indicators = base.indicators(document.indicators)
    try Self.refuseCollision(among: focuses.map(\.rawValue)) { SafeName.component($0) }
    try Self.refuseCollision(among: indicators.map(\.id.rawValue)) { SafeName.file($0, extension: "png") }
    var tasks: [ChartTask] = []
    for focus in focuses {
      let group =
        selection.group.members.contains(focus) ? selection.group : dataset.peerGroups(of: focus).first
      guard let group else { throw .data([Finding(.error, .noPeerGroup(focus.rawValue))]) }
      tasks += indicators.map { ChartTask(focus: focus, group: group, indicator: $0) }
    }
    return ChartSet(
      document: document, theme: theme, base: base, tasks: tasks, format: format, out: out,
      pngBackground: pngBackground)
  }

  /// `<layout>-<focus or group>-<period>`, made a file name by `SafeName.file` with its extension.
  func fileStem() -> String {
    let who = selection.focus?.rawValue ?? selection.group.id.rawValue
    return "\(document.name)-\(who)-\(selection.period.code)"
  }

  /// Two of `ids` (regions or indicators) that `name` gives one file name (ignoring case) are an
  /// error naming both: one would overwrite the other.
  static func refuseCollision(among ids: [String], name: (String) -> String) throws(Failure) {
    guard let (first, second, safe) = SafeName.collision(among: ids, name: name) else { return }
    throw .data([Finding(.error, .sameFileName(safe, first: first, second: second))])
  }
}

// MARK: - Messages

extension Finding.Message {
  static let focusRequired = Self(code: "focus-required", text: "this layout needs --focus REGION")
  static let chartsDumpNeedsFocus = Self(
    code: "focus-required",
    text: "dump-scene of a charts layout needs --focus REGION (it dumps that region's charts, one page per indicator)")
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
}
