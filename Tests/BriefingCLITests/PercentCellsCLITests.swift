import Foundation
import Testing
import TestSupport

/// An office table whose growth cells are Excel percentages (0.056 shown as 5.6%) gives the
/// comparison table of the long CSV, where growth is written 5.6.
@Suite struct PercentCellsCLITests {
  @Test func percentFormattedGrowthReadsAsPoints() throws {
    let folder = try IntakeFixtures.folder.get()
    func analyze(_ file: String) throws -> CLI.Result {
      try CLI.run([
        "analyze", "--data", folder + "/" + file, "--regions", folder + "/regions.csv", "--indicators",
        folder + "/indicators.csv",
      ])
    }
    let long = try analyze("long.csv")
    #expect(long.status == 0, "\(long.stderr)")
    let percent = try analyze("office-percent.xlsx")
    #expect(percent.status == 0, "\(percent.stderr)")
    #expect(percent.stdout == long.stdout)
    #expect(long.stdout.contains(",5.6,"))  // GDP growth of 肃州区, in points
  }
}
