import Foundation

// MARK: - Intake fixtures

/// The tables of `Tests/BriefingIngestTests/Fixtures/make_intake_fixtures.py` (one data set in
/// every shape `briefing import` reads, and the long CSV they equal), written once per test
/// process into a scratch folder by Debian's Python (xlwt writes the .xls).
public enum IntakeFixtures {
  /// The folder holding the fixtures; nil with the reason when the script could not run.
  public static let folder: Result<String, FixtureError> = {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("BriefingIngestTests/Fixtures/make_intake_fixtures.py").path
    do {
      let folder = try TestScratch.folder("intake-fixtures")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
      process.arguments = [script, folder]
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { return .failure(FixtureError(reason: message)) }
      return .success(folder)
    } catch {
      return .failure(FixtureError(reason: "\(error)"))
    }
  }()

  public struct FixtureError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "make_intake_fixtures.py failed: \(reason)" }
  }
}
