import BriefingCore
import Foundation
import Testing

@testable import BriefingJobs
import TestSupport

/// A sheet (PDF) and a chart (PNG) per unit, as a job with a sheet layout and a chart layout
/// gives; the PNG is a real 1 × 1 image, so a browser can show it.
struct SheetAndChartProducer: ReportProducing {
  var salt = "v1"
  static let pixel: [UInt8] = Array(Data(base64Encoded:
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!)
  func produce(_ unit: WorkUnit) throws -> [ProducedFile] {
    [
      ProducedFile(path: unit.outputName + ".pdf", bytes: Array("PDF \(salt) \(unit.region ?? "-")".utf8), pages: 2),
      ProducedFile(path: unit.outputName + "/charts/gdp.png", bytes: Self.pixel + Array(salt.utf8)),
    ]
  }
}

/// Renames out of the staging folder fail for one file name: publication fails at that file.
final class FailingPublication: OutputFileSystem, @unchecked Sendable {
  let name: String
  init(failing name: String) { self.name = name }
  func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try Posix.writeNewFile(path, bytes) }
  func writeStagedFile(_ path: String, _ bytes: [UInt8]) throws(FileFailure) { try Posix.writeNewFile(path, bytes, durable: false) }
  func flushFileSystem(of folder: String) throws(FileFailure) { try Posix.syncFileSystem(of: folder) }
  func makeDirectory(_ path: String) throws(FileFailure) { try Posix.makeDirectory(path) }
  func link(_ existing: String, _ new: String) throws(FileFailure) { try Posix.link(existing, new) }
  func rename(_ from: String, _ to: String) throws(FileFailure) {
    if from.contains("/" + JobRunner.stagingPrefix), from.hasSuffix("/" + name) { throw FileFailure("rename", from, code: EIO) }
    try Posix.rename(from, to)
  }
}

// MARK: - index.html

@Suite struct RunIndexTests {
  static func page(_ fixture: Fixture) -> String {
    fixture.read(RunIndexPage.fileName).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  @Test func publishedRunWritesAPageLinkingEveryOutput() throws {
    let fixture = Fixture()
    let report = fixture.run(SheetAndChartProducer())
    #expect(report.outcome == .ok)
    let page = Self.page(fixture)
    let manifest = try #require(report.manifest)
    #expect(manifest.outputs.count == 6)
    #expect(!manifest.outputs.contains { $0.path == RunIndexPage.fileName }, "a record, like manifest.json, not an output")
    let targets = PageLinks.targets(in: page)
    for output in manifest.outputs {
      #expect(targets.contains(HTMLText.link(output.path)), "\(output.path) linked")
    }
    #expect(targets.contains("manifest.json"))
    #expect(PageLinks.broken(in: page, folder: fixture.output) == [])
    #expect(page.contains("<img src=\"overview/A-2024-H1/charts/gdp.png\""), "a PNG has a thumbnail")
    #expect(page.contains("<a href=\"overview/A-2024-H1.pdf\">A-2024-H1.pdf</a>"), "a sheet is a text link")
    #expect(page.contains("2024-H1") && page.contains("2024-01-05 07:00:"), "period and generation time")
    #expect(page.contains("values.csv") && page.contains("overview.yaml"), "data sources and layouts")
    #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"), "static and offline")
    #expect(fixture.hiddenEntries().isEmpty)
  }

  @Test func linksAreRelativePercentEncodedPaths() {
    #expect(HTMLText.link("a b/#1 50%?.pdf") == "a%20b/%231%2050%25%3F.pdf")
    #expect(HTMLText.link("报表/肃州区.pdf") == "%E6%8A%A5%E8%A1%A8/%E8%82%83%E5%B7%9E%E5%8C%BA.pdf")
    #expect(HTMLText.link("javascript:alert(1)") == "javascript%3Aalert%281%29")
    #expect(HTMLText.escape("A&B <x> \"q\" 'y'") == "A&amp;B &lt;x&gt; &quot;q&quot; &#39;y&#39;")
  }

  /// Region ids with markup, quotes, `&`, `#` and `%` stay text, and their files stay reachable.
  @Test func hostileNamesAreEscapedAndTheirLinksResolve() throws {
    let fixture = Fixture()
    let hostile = ["A&B <b>x</b> \"q\" 'y'", "#1 50%", "肃州区"]
    let report = fixture.run(SheetAndChartProducer(), regions: hostile)
    #expect(report.outcome == .ok)
    let page = Self.page(fixture)
    #expect(!page.contains("<b>"), "no markup from the data")
    #expect(page.contains("A&amp;B &lt;b&gt;x&lt;/b&gt; &quot;q&quot; &#39;y&#39;"))
    #expect(PageLinks.broken(in: page, folder: fixture.output) == [])
    #expect(PageLinks.targets(in: page).contains("overview/%231%2050%25-2024-H1.pdf"))
  }

  /// A run that publishes nothing rewrites the page: its failures with file:line:column, and
  /// the files of the run that published them, which are still in place.
  @Test func failedRunRewritesThePageWithFindingsAndTheFilesStillInPlace() throws {
    let fixture = Fixture()
    let first = fixture.run(SheetAndChartProducer())
    #expect(first.outcome == .ok)
    let bad = Finding(
      .error, Finding.Message(code: "bad-number", text: "'12a.5' is not a number"),
      at: SourceLocation(file: "/srv/stats/observations.csv", line: 5, column: 18))
    let failed = JobRunner.run(job: fixture.job(), options: fixture.options()) { .failed(.invalid, [bad]) }
    #expect(failed.exitCode == 65)
    let page = Self.page(fixture)
    #expect(page.contains("class=\"status tone-bad\""))
    #expect(page.contains("invalid"))
    #expect(page.contains("/srv/stats/observations.csv:5:18"))
    #expect(page.contains("&#39;12a.5&#39; is not a number") && page.contains("[bad-number]"))
    #expect(page.contains("from run \(first.runID!)"), "says whose files these are")
    #expect(page.contains("overview/A-2024-H1.pdf"))
    #expect(PageLinks.broken(in: page, folder: fixture.output) == [])

    // A second failure in a row still finds the files of the run that published them.
    _ = JobRunner.run(job: fixture.job(), options: fixture.options()) { .failed(.invalid, [bad]) }
    #expect(Self.page(fixture).contains("from run \(first.runID!)"))
    #expect(fixture.hiddenEntries().isEmpty)
  }

  /// `index.html` is published with the outputs: when its rename fails, the outputs are put
  /// back, and the page written in place says why and links the previous files.
  @Test func pageIsPublishedWithTheOutputsOrNotAtAll() throws {
    let fixture = Fixture()
    let first = fixture.run(SheetAndChartProducer())
    var options = fixture.options()
    options.force = true
    options.fileSystem = FailingPublication(failing: RunIndexPage.fileName)
    let report = fixture.run(SheetAndChartProducer(salt: "v2"), options: options)
    #expect(report.exitCode == 74)
    #expect(fixture.read("overview/A-2024-H1.pdf") == Array("PDF v1 A".utf8), "outputs put back")
    let page = Self.page(fixture)
    #expect(page.contains("io-error") && page.contains("publishing &#39;index.html&#39;"))
    #expect(page.contains("from run \(first.runID!)"))
    #expect(PageLinks.broken(in: page, folder: fixture.output) == [])
    #expect(fixture.hiddenEntries().isEmpty)
  }

  @Test func partialRunListsTheFailedUnitAndLinksTheOthers() {
    let fixture = Fixture()
    let report = fixture.run(FakeProducer(failRegion: "B"))
    #expect(report.outcome == .partial)
    let page = Self.page(fixture)
    #expect(page.contains("tone-warn"))
    #expect(page.contains("<code>overview/B-2024-H1</code>") && page.contains("renderer exploded for B"))
    #expect(page.contains("overview/A-2024-H1.pdf") && !page.contains("href=\"overview/B-2024-H1.pdf\""))
    #expect(PageLinks.broken(in: page, folder: fixture.output) == [])
  }

  @Test func deliveryIsOnThePage() {
    let delivered = Fixture(extra: "on_success: 'true'\n")
    #expect(delivered.run().outcome == .ok)
    #expect(Self.page(delivered).contains("已分发 <span lang=\"en\">delivered</span>"))
    let failed = Fixture(extra: "on_success: 'exit 3'\n")
    #expect(failed.run().exitCode == 77)
    let page = Self.page(failed)
    #expect(page.contains("分发失败 <span lang=\"en\">failed</span>") && page.contains("exit 3"))
    #expect(page.contains("delivered-with-hook-failure"))
  }

  @Test func aShardWritesNoPageAndTheMergeWritesTheWholeRunsPage() {
    let fixture = Fixture()
    for index in 1...2 {
      var options = fixture.options()
      options.shard = Shard(index: index, count: 2)
      #expect(fixture.run(options: options).outcome == .ok)
    }
    #expect(fixture.read(RunIndexPage.fileName) == nil)
    #expect(JobRunner.merge(job: fixture.job(), shards: 2, options: fixture.options()).outcome == .ok)
    let page = Self.page(fixture)
    #expect(["A", "B", "C"].allSatisfy { page.contains("overview/\($0)-2024-H1.pdf") })
    #expect(page.contains("2 shards merged"))
  }

  @Test func aUnitCannotTakeThePagesName() {
    struct Squatter: ReportProducing {
      func produce(_ unit: WorkUnit) throws -> [ProducedFile] {
        [ProducedFile(path: unit.region == "A" ? "index.html/x.png" : unit.outputName + ".pdf", bytes: [1])]
      }
    }
    let fixture = Fixture()
    #expect(fixture.run(Squatter()).outcome == .partial)
    #expect(Self.page(fixture).hasPrefix("<!DOCTYPE html>"))
  }

  @Test func aLeftoverTemporaryPageIsRemoved() throws {
    let fixture = Fixture()
    try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
    fixture.write("out/.index.html.tmp-20240105-070000", "half a page")
    #expect(fixture.run().outcome == .ok)
    #expect(fixture.hiddenEntries().isEmpty)
  }
}
