import ArgumentParser
import Foundation
import TestSupport

// MARK: - briefing-corpus

/// Writes the generated data sets of the sheet corpus (`SheetCorpus`, the data every shipped
/// layout is checked on in `SceneCorpusTests`) as data folders for `briefing render --data`, or
/// lists the cases and the extreme sheets to look at. Writes only under `--out`.
@main
struct BriefingCorpus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "briefing-corpus",
    abstract: "Write the generated sheet corpus as data folders (one per case).",
    discussion: """
      Each case is written to <out>/<case id>/ (observations.csv, regions.csv, indicators.csv) \
      and its folder, focus region id and period are printed, tab-separated. --list prints the \
      extreme sheets instead: name, case id, layout, focus (- for a group sheet), period, \
      what to look for. Tools/corpus/render-extremes.sh renders those.
      """)

  @Option(help: "Output folder.")
  var out = "Output/corpus/data"

  @Option(name: .customLong("case"), help: "A case id to write (repeatable; default: every case).")
  var cases: [String] = []

  @Flag(help: "Write only the cases of the extreme sheets.")
  var extremes = false

  @Flag(help: "Print the extreme sheets (tab-separated) and write nothing.")
  var list = false

  func validate() throws {
    for id in cases where SheetCorpus.case(id) == nil {
      throw ValidationError(
        "no case '\(id)'; cases: " + SheetCorpus.cases.map(\.id).joined(separator: ", "))
    }
  }

  func run() throws {
    if list {
      for extreme in SheetCorpus.extremes {
        guard let sheet = SheetCorpus.case(extreme.caseID) else { continue }
        let focus = extreme.focused ? sheet.corpus.memberIDs[0] : "-"
        print(
          [extreme.name, extreme.caseID, extreme.layout, focus, period(sheet), extreme.what]
            .joined(separator: "\t"))
      }
      return
    }
    let wanted: [SheetCorpus.Case]
    if !cases.isEmpty {
      wanted = cases.compactMap(SheetCorpus.case)
    } else if extremes {
      wanted = SheetCorpus.extremes.compactMap { SheetCorpus.case($0.caseID) }
    } else {
      wanted = SheetCorpus.cases
    }
    for sheet in wanted {
      let corpus = sheet.corpus
      let folder = out + "/" + sheet.id
      try corpus.write(to: folder)
      print([folder, corpus.memberIDs[0], period(sheet)].joined(separator: "\t"))
    }
  }

  /// The period the corpus test composes: the case's last.
  private func period(_ sheet: SheetCorpus.Case) -> String {
    sheet.shape.calendar.periods.last ?? ""
  }
}
