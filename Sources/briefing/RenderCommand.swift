import ArgumentParser
import BriefingCore
import BriefingRender
import BriefingScene
import BriefingSpec
import BriefingStats

// MARK: - render

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a layout for a focus region (or the whole group) as PDF and PNG.")

  @OptionGroup var data: DataOptions

  @Option(help: "The layout file (YAML).")
  var layout: String = "Layouts/half-year-comparison.yaml"

  @Option(help: "The focus region id or name (required for region-scope layouts).")
  var focus: String?

  @Option(help: "The period, e.g. 2024-H1 or 2016年前三季度 (default: the latest cumulative period in the data).")
  var period: String?

  @Option(help: "The peer group (default: the focus region's parent group).")
  var group: String?

  @Flag(help: "Region pack: one sheet PDF per member of the group plus one combined PDF with an outline entry per region.")
  var everyRegion = false

  @Option(help: "Output folder.")
  var out: String = "Output"

  @Option(help: "PNG resolution in dots per inch (0 = no PNG).")
  var dpi: Double = 110

  @Flag(help: "Print only errors.")
  var quiet = false

  func run() throws {
    try reportingFailures {
      let (document, layoutFindings) = try loadLayout(layout)
      let (dataset, dataFindings) = try data.load()
      let validation = LayoutValidator.validate(document, against: dataset, file: layout)
      if validation.hasErrors { throw Failure.data(validation) }
      let table = compare(dataset, options: data.compareOptions)
      if everyRegion, document.scope != .region { throw Failure.data([Finding(.error, .packNeedsRegionScope)]) }
      let selection = try SheetSelection.resolve(
        dataset: dataset, focus: everyRegion ? nil : focus, period: period,
        group: group ?? (everyRegion ? focus : nil), scope: everyRegion ? .group : document.scope)
      let job = SheetJob(document: document, dataset: dataset, table: table, selection: selection)
      let (outputs, composeFindings) = try everyRegion ? job.renderPack() : job.render(dpi: dpi)
      if composeFindings.hasErrors { throw Failure.data(composeFindings) }
      printFindings(layoutFindings + dataFindings + validation + table.findings + composeFindings, quiet: quiet)
      for output in outputs {
        let path = out + "/" + output.name
        do {
          try AtomicFile.write(output.bytes, to: path)
        } catch {
          throw Failure.io("\(error)")
        }
        print(path)
      }
    }
  }
}

extension Finding.Message {
  static let packNeedsRegionScope = Self(
    code: "pack-needs-region-scope", text: "--every-region needs a layout with scope: region")
}
